// Makes the default site icons of the theme (templates/icons/) from one drawing: a news page,
// headline and text lines, white on the theme's dark blue. Run `node scripts/make-icons.mjs` after
// changing the drawing; the files are committed, so builds never need this script.
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

const dir = new URL('../templates/icons/', import.meta.url);
const drawing = (rounded) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64"${rounded ? ' rx="12"' : ''} fill="#1d3557"/>
<rect x="14" y="14" width="36" height="8" rx="2" fill="#fff"/>
<rect x="14" y="28" width="36" height="4" rx="2" fill="#fff"/>
<rect x="14" y="37" width="36" height="4" rx="2" fill="#fff"/>
<rect x="14" y="46" width="24" height="4" rx="2" fill="#fff"/>
</svg>
`;

writeFileSync(new URL('favicon.svg', dir), drawing(true));
// iOS rounds the corners of a touch icon itself and shows transparency as black: a full square.
// Through raw pixels, so that no pHYs (resolution) or other chunk of the SVG rendering is written.
const touch = await sharp(Buffer.from(drawing(false)), { density: 288 }).resize(180, 180).removeAlpha().raw().toBuffer({ resolveWithObject: true });
writeFileSync(new URL('apple-touch-icon.png', dir), await sharp(touch.data, { raw: touch.info }).png({ compressionLevel: 9 }).toBuffer());

// favicon.ico for browsers and tools that ask for /favicon.ico: PNG images in an ICO container.
const sizes = [16, 32, 48];
const images = await Promise.all(sizes.map((s) => sharp(Buffer.from(drawing(true)), { density: 96 }).resize(s, s).png({ compressionLevel: 9 }).toBuffer()));
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((s, i) => {
  const at = 6 + 16 * i;
  header.writeUInt8(s, at);
  header.writeUInt8(s, at + 1);
  header.writeUInt16LE(1, at + 4); // colour planes
  header.writeUInt16LE(32, at + 6); // bits per pixel
  header.writeUInt32LE(images[i].length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += images[i].length;
});
writeFileSync(new URL('favicon.ico', dir), Buffer.concat([header, ...images]));
