import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

/** Whether exiftool (Debian: libimage-exiftool-perl) is on the PATH: it reads and writes every metadata block. */
export const HAS_EXIFTOOL = spawnSync('exiftool', ['-ver'], { encoding: 'utf8' }).status === 0;

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '48/1 8/1 2340/100', GPSLongitudeRef: 'E', GPSLongitude: '11/1 34/1 1200/100' };
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Max Mustermann</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';

/**
 * A JPEG as a camera writes it: stored landscape `width` × `height` with EXIF orientation 6 (the
 * camera was turned: shown portrait), GPS position, artist, body serial number, XMP creator and,
 * with exiftool, IPTC by-line and city. Top half red, bottom half blue, so orientation can be checked.
 */
export async function cameraJpeg(file: string, width: number, height: number): Promise<void> {
  const half = Math.floor(height / 2);
  const top = await sharp({ create: { width, height: half, channels: 3, background: '#d01010' } }).png().toBuffer();
  const image = await sharp({ create: { width, height, channels: 3, background: '#1010d0' } })
    .composite([{ input: top, top: 0, left: 0 }])
    .withExif({ IFD0: { Artist: 'Max Mustermann', Make: 'Canon', Model: 'EOS R5', Copyright: 'Max Mustermann' }, IFD2: { BodySerialNumber: '123456789012' }, IFD3: GPS })
    .withMetadata({ orientation: 6 })
    .withXmp(XMP)
    .jpeg({ quality: 90 })
    .toBuffer();
  writeFileSync(file, image);
  if (HAS_EXIFTOOL) {
    const r = spawnSync('exiftool', ['-q', '-overwrite_original', '-IPTC:By-line=Max Mustermann', '-IPTC:City=München', '-IPTC:CodedCharacterSet=UTF8', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`exiftool could not write IPTC: ${r.stderr}`);
  }
}

/** A PNG with EXIF (eXIf chunk, GPS) and XMP (iTXt chunk), with transparency. */
export async function pngWithMetadata(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 120, b: 60, alpha: 0.5 } } })
    .withExif({ IFD0: { Artist: 'Max Mustermann' }, IFD3: GPS })
    .withXmp(XMP)
    .png()
    .toBuffer();
}

/** A WebP with EXIF and XMP chunks. */
export async function webpWithMetadata(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .withExif({ IFD0: { Artist: 'Max Mustermann' }, IFD3: GPS })
    .withXmp(XMP)
    .webp()
    .toBuffer();
}

/** A JPEG tagged Display P3: the same numbers mean a more saturated colour than in sRGB. */
export async function displayP3Jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 200, b: 60 } } })
    .withIccProfile('p3', { attach: true })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** An animated GIF of three frames (red, green, blue). */
export async function animatedGif(width: number, height: number): Promise<Buffer> {
  const frames = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map((c) => sharp({ create: { width, height, channels: 4, background: c } }).png().toBuffer()));
  return sharp(frames, { join: { animated: true } }).gif({ delay: [200, 200, 200], loop: 0 }).toBuffer();
}
