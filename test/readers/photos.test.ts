import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveSite } from '../../src/config/config.js';
import { ConfigError, ContentError } from '../../src/model/errors.js';
import { copiedImageMetadata } from '../../src/checks/copied-image-metadata.js';
import { hashOf } from '../../src/util/hash.js';
import { article, buildSite, cleanup, makeSite, readTree } from '../helpers.js';
import { animatedGif, cameraJpeg, displayP3Jpeg, HAS_EXIFTOOL, pngWithMetadata, webpWithMetadata } from './camera-photo.js';

const RASTER = /\.(jpe?g|png|webp|avif|gif)$/i;
const CONFIG = 'title: Fototest\nbaseUrl: https://example.org/presse/\nsearch: false\n';

function attr(html: string, re: RegExp): string | undefined {
  return re.exec(html)?.[1];
}

/** Site path under /presse/ → file in the output folder. */
function fileOf(out: string, url: string): string {
  return path.join(out, new URL(url, 'https://example.org/').pathname.replace(/^\/presse\//, ''));
}

function jsonLd(html: string): Record<string, unknown> {
  return JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
}

/** Every metadata tag exiftool finds beyond what describes the file and its pixels (size, format, pixel density). */
function exiftoolTags(file: string): string[] {
  const r = spawnSync('exiftool', ['-j', '-G1', '-a', file], { encoding: 'utf8' });
  const [tags] = JSON.parse(r.stdout) as Record<string, unknown>[];
  const pixelsOnly = /^(SourceFile|ExifTool:|System:|File:|Composite:|JFIF:|PNG-pHYs:|PNG:(ImageWidth|ImageHeight|BitDepth|ColorType|Compression|Filter|Interlace|Background|Transparency|Palette)|RIFF:|GIF:|AVIF|QuickTime:|ICC|Photoshop:)/;
  return Object.keys(tags!).filter((k) => !pixelsOnly.test(k));
}

describe('photos are published without metadata, upright and light', () => {
  let root: string;
  let out: string;
  let html: string;

  beforeAll(async () => {
    root = makeSite({
      'stadtbote.config.yaml': CONFIG,
      'content/2025/2025-02-13-rathaus.md': article({ title: 'Rathaus', image: 'x' }).replace('image: "x"', 'image:\n  src: kamera.jpg\n  alt: "Das Rathaus"\n  credit: "Max Mustermann"'),
      'content/2025/2025-02-14-grafiken.md': article({ title: 'Grafiken', date: '2025-02-14' }, '![Karte](karte.png)\n\n![Logo](logo.webp)\n\n![Wiese](wiese.jpg)\n\n![Ampel](ampel.gif)'),
      'content/2025/2025-02-15-ohne-foto.md': article({ title: 'Ohne Foto', date: '2025-02-15' }),
    });
    await cameraJpeg(path.join(root, 'content/2025/kamera.jpg'), 4000, 3000);
    writeFileSync(path.join(root, 'content/2025/karte.png'), await pngWithMetadata(3000, 1000));
    writeFileSync(path.join(root, 'content/2025/logo.webp'), await webpWithMetadata(800, 400));
    writeFileSync(path.join(root, 'content/2025/wiese.jpg'), await displayP3Jpeg(600, 400));
    writeFileSync(path.join(root, 'content/2025/ampel.gif'), await animatedGif(1400, 700));
    await buildSite(root);
    out = path.join(root, 'dist');
    html = readFileSync(path.join(out, '2025/02-13-rathaus/index.html'), 'utf8');
  }, 120_000);
  afterAll(() => cleanup(root));

  it('the source photo really carries GPS, artist, serial number, XMP and orientation 6', async () => {
    const meta = await sharp(path.join(root, 'content/2025/kamera.jpg')).metadata();
    expect(meta.orientation).toBe(6);
    expect(meta.exif && meta.xmp).toBeTruthy();
    const exif = meta.exif!.toString('latin1');
    expect(exif).toContain('Max Mustermann');
    expect(exif).toContain('123456789012');
    if (HAS_EXIFTOOL) expect(exiftoolTags(path.join(root, 'content/2025/kamera.jpg'))).toEqual(expect.arrayContaining(['GPS:GPSLatitude', 'IFD0:Artist', 'ExifIFD:SerialNumber', 'XMP-dc:Creator', 'IPTC:By-line']));
  });

  it('every published image file has no EXIF, XMP, IPTC or ICC block and is no wider than 2400 px', async () => {
    const images = [...readTree(out).keys()].filter((f) => RASTER.test(f));
    expect(images.length).toBeGreaterThanOrEqual(12);
    for (const file of images) {
      const meta = await sharp(path.join(out, file)).metadata();
      expect({ file, exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc, orientation: meta.orientation }).toEqual({ file, exif: undefined, xmp: undefined, iptc: undefined, icc: undefined, orientation: undefined });
      expect(meta.width, file).toBeLessThanOrEqual(2400);
      const bytes = readFileSync(path.join(out, file)).toString('latin1');
      for (const secret of ['Max Mustermann', '123456789012', 'Canon']) expect(bytes, `${file} contains ${secret}`).not.toContain(secret);
    }
  });

  it.runIf(HAS_EXIFTOOL)('exiftool finds no metadata tag in any published image', () => {
    const images = [...readTree(out).keys()].filter((f) => RASTER.test(f));
    for (const file of images) expect(exiftoolTags(path.join(out, file)), file).toEqual([]);
  });

  it('turns the photo upright before the orientation tag goes, and scales it to 2400 px', async () => {
    const src = attr(html, /<img src="([^"]*)"/)!;
    const file = fileOf(out, src);
    const meta = await sharp(file).metadata();
    // Stored 4000 × 3000 landscape, shown portrait 3000 × 4000, published at 2400 × 3200.
    expect([meta.width, meta.height]).toEqual([2400, 3200]);
    expect(attr(html, /<img [^>]*width="(\d+)"/)).toBe('2400');
    expect(attr(html, /<img [^>]*height="(\d+)"/)).toBe('3200');
    // The camera was turned clockwise: the red top half of the sensor is now on the right.
    const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number): number[] => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(2300, 1600)[0]).toBeGreaterThan(150);
    expect(pixel(100, 1600)[2]).toBeGreaterThan(150);
  });

  it('srcset offers nothing wider than the limit; the published JPEG is a fraction of the camera file', () => {
    const srcset = attr(html, /srcset="([^"]*)"/)!;
    const widths = srcset.split(', ').map((c) => Number(/ (\d+)w$/.exec(c)![1]));
    expect(widths).toEqual([480, 960, 1600, 2400]);
    for (const candidate of srcset.split(', ')) expect(statSync(fileOf(out, candidate.split(' ')[0]!)).isFile()).toBe(true);
    const published = statSync(fileOf(out, attr(html, /<img src="([^"]*)"/)!)).size;
    expect(published).toBeLessThan(statSync(path.join(root, 'content/2025/kamera.jpg')).size);
  });

  it('og:image, twitter:card, JSON-LD and the feeds use the 1200 px share image', async () => {
    const og = attr(html, /<meta property="og:image" content="([^"]*)">/)!;
    expect(og).toMatch(/^https:\/\/example\.org\/presse\/medien\/kamera-[a-z0-9]{8}-1200\.jpg$/);
    const meta = await sharp(fileOf(out, og)).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1200, 1600, 'jpeg']);
    expect(attr(html, /<meta property="og:image:width" content="([^"]*)">/)).toBe('1200');
    expect(attr(html, /<meta property="og:image:height" content="([^"]*)">/)).toBe('1600');
    expect(attr(html, /<meta property="og:image:alt" content="([^"]*)">/)).toBe('Das Rathaus');
    expect(attr(html, /<meta name="twitter:card" content="([^"]*)">/)).toBe('summary_large_image');
    expect(jsonLd(html).image).toEqual([og]);
    const rss = readFileSync(path.join(out, 'feed.xml'), 'utf8');
    const enclosure = /<enclosure url="([^"]*)" length="(\d+)" type="([^"]*)"\/>/.exec(rss)!;
    expect(enclosure[1]).toBe(og);
    expect(Number(enclosure[2])).toBe(statSync(fileOf(out, og)).size);
    expect(enclosure[3]).toBe('image/jpeg');
    expect(readFileSync(path.join(out, 'atom.xml'), 'utf8')).toContain(`<link rel="enclosure" href="${og}" type="image/jpeg" length="${enclosure[2]}"/>`);
    const feed = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')) as { items: { title: string; image?: string }[] };
    expect(feed.items.find((i) => i.title === 'Rathaus')!.image).toBe(og);
  });

  it('an article without a photo has an og:image too (the touch icon) and a small card', () => {
    const plain = readFileSync(path.join(out, '2025/02-15-ohne-foto/index.html'), 'utf8');
    const og = attr(plain, /<meta property="og:image" content="([^"]*)">/)!;
    expect(og).toBe('https://example.org/presse/apple-touch-icon.png');
    expect(statSync(fileOf(out, og)).isFile()).toBe(true);
    expect(attr(plain, /<meta name="twitter:card" content="([^"]*)">/)).toBe('summary');
    expect(jsonLd(plain).image).toEqual([og]);
  });

  it('converts a Display P3 photo to sRGB instead of dropping its profile', async () => {
    const source = readFileSync(path.join(root, 'content/2025/wiese.jpg'));
    // The numbers in the file, read without the profile: what a browser would show if the profile were dropped.
    const tagged = await sharp(source, { ignoreIcc: true }).raw().toBuffer();
    const articleHtml = readFileSync(path.join(out, '2025/02-14-grafiken/index.html'), 'utf8');
    const src = /<img src="([^"]*wiese[^"]*)"/.exec(articleHtml)![1]!;
    const published = await sharp(fileOf(out, src)).raw().toBuffer();
    // The P3 numbers differ from the sRGB ones; published are the sRGB numbers of the same colour.
    expect(Math.abs(tagged[1]! - 200) + Math.abs(tagged[0]! - 40)).toBeGreaterThan(10);
    expect(Math.abs(published[0]! - 40)).toBeLessThanOrEqual(4);
    expect(Math.abs(published[1]! - 200)).toBeLessThanOrEqual(4);
    expect(Math.abs(published[2]! - 60)).toBeLessThanOrEqual(4);
  });

  it('keeps an animated GIF animated, in the GIF and in its WebP variants', async () => {
    const articleHtml = readFileSync(path.join(out, '2025/02-14-grafiken/index.html'), 'utf8');
    const img = /<img src="([^"]*ampel[^"]*)"[^>]*srcset="([^"]*)"/.exec(articleHtml)!;
    expect((await sharp(fileOf(out, img[1]!)).metadata()).pages).toBe(3);
    for (const candidate of img[2]!.split(', ')) {
      expect((await sharp(fileOf(out, candidate.split(' ')[0]!)).metadata()).pages, candidate).toBe(3);
    }
  });
});

describe('image options and the cache', () => {
  it('images.maxWidth limits every published image and srcset; a change of it gives new names', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': `${CONFIG}images:\n  maxWidth: 1000\n`,
      'content/2025/2025-02-13-rathaus.md': article({ title: 'Rathaus' }, '![Karte](karte.png)'),
    });
    try {
      writeFileSync(path.join(root, 'content/2025/karte.png'), await pngWithMetadata(3000, 1000));
      await buildSite(root);
      const out = path.join(root, 'dist');
      const html = readFileSync(path.join(out, '2025/02-13-rathaus/index.html'), 'utf8');
      const widths = attr(html, /srcset="([^"]*)"/)!.split(', ').map((c) => Number(/ (\d+)w$/.exec(c)![1]));
      expect(Math.max(...widths)).toBe(1000);
      const first = [...readTree(out).keys()].filter((f) => f.startsWith('medien/'));
      for (const f of first) expect((await sharp(path.join(out, f)).metadata()).width).toBeLessThanOrEqual(1000);

      // Same config again: everything comes from the cache and nothing is written.
      const warm = await buildSite(root);
      expect(warm.write?.written ?? 0).toBe(0);

      writeFileSync(path.join(root, 'stadtbote.config.yaml'), `${CONFIG}images:\n  maxWidth: 2000\n`);
      await buildSite(root);
      const second = [...readTree(out).keys()].filter((f) => f.startsWith('medien/'));
      // New bytes under new names: a CDN that caches /medien/ forever never serves the old ones.
      expect(second.filter((f) => first.includes(f))).toEqual([]);
      const full = second.find((f) => /karte-[a-z0-9]{8}\.png$/.test(f))!;
      expect((await sharp(path.join(out, full)).metadata()).width).toBe(2000);
    } finally {
      cleanup(root);
    }
  }, 60_000);

  it('encodes the same bytes on every cold build', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': CONFIG, 'content/2025/2025-02-13-rathaus.md': article({ title: 'Rathaus' }, '![Karte](karte.png) ![Foto](foto.jpg) ![Ampel](ampel.gif)') });
    try {
      writeFileSync(path.join(root, 'content/2025/karte.png'), await pngWithMetadata(1800, 600));
      writeFileSync(path.join(root, 'content/2025/ampel.gif'), await animatedGif(1300, 400));
      await cameraJpeg(path.join(root, 'content/2025/foto.jpg'), 2000, 1500);
      const media = async (): Promise<Map<string, Buffer>> => {
        await buildSite(root, { noCache: true });
        return new Map([...readTree(path.join(root, 'dist'))].filter(([f]) => f.startsWith('medien/')));
      };
      const first = await media();
      expect(first.size).toBeGreaterThanOrEqual(10);
      expect(await media()).toEqual(first);
    } finally {
      cleanup(root);
    }
  }, 60_000);

  it('images.default is the share image of articles without a photo; a missing one is an error naming the key', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': `${CONFIG}images:\n  default: /bilder/wappen.png\n`,
      'content/2025/2025-02-13-rathaus.md': article({ title: 'Rathaus' }),
    });
    try {
      mkdirSync(path.join(root, 'content/bilder'));
      writeFileSync(path.join(root, 'content/bilder/wappen.png'), await pngWithMetadata(1600, 900));
      await buildSite(root);
      const html = readFileSync(path.join(root, 'dist/2025/02-13-rathaus/index.html'), 'utf8');
      const og = attr(html, /<meta property="og:image" content="([^"]*)">/)!;
      expect(og).toMatch(/\/presse\/medien\/wappen-[a-z0-9]{8}-1200\.png$/);
      expect((await sharp(fileOf(path.join(root, 'dist'), og)).metadata()).width).toBe(1200);
      expect(attr(html, /<meta name="twitter:card" content="([^"]*)">/)).toBe('summary');

      // New bytes for the default image: cached pages must point at its new name, which is published.
      writeFileSync(path.join(root, 'content/bilder/wappen.png'), await pngWithMetadata(1500, 900));
      await buildSite(root);
      const again = attr(readFileSync(path.join(root, 'dist/2025/02-13-rathaus/index.html'), 'utf8'), /<meta property="og:image" content="([^"]*)">/)!;
      expect(again).not.toBe(og);
      expect(statSync(fileOf(path.join(root, 'dist'), again)).isFile()).toBe(true);

      writeFileSync(path.join(root, 'stadtbote.config.yaml'), `${CONFIG}images:\n  default: /bilder/fehlt.png\n`);
      const error = await buildSite(root).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'stadtbote.config.yaml', field: 'images.default', ruleId: 'default-image' })]));
    } finally {
      cleanup(root);
    }
  }, 60_000);
});

describe('images copied byte for byte', () => {
  it('warns about a camera photo in static/ (or a theme icon with metadata), which is published as it is', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': CONFIG, 'content/2025/2025-02-13-a.md': article(), 'static/bilder/team.png': await pngWithMetadata(40, 30), 'static/bilder/sauber.png': await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer(), 'templates/icons/apple-touch-icon.png': await pngWithMetadata(180, 180) });
    try {
      mkdirSync(path.join(root, 'static/fotos'));
      await cameraJpeg(path.join(root, 'static/fotos/kamera.jpg'), 400, 300);
      const report = await buildSite(root);
      const warnings = report.warnings.filter((w) => w.ruleId === 'image-metadata');
      expect(warnings.map((w) => w.file)).toEqual(['static/bilder/team.png', 'static/fotos/kamera.jpg', 'templates/icons/apple-touch-icon.png']);
      expect(warnings[1]!.reason).toMatch(/wird Byte für Byte mit seinen EXIF, XMP(, IPTC)?-Metadaten veröffentlicht/);
      expect(readFileSync(path.join(root, 'dist/fotos/kamera.jpg'))).toEqual(readFileSync(path.join(root, 'static/fotos/kamera.jpg')));
      // The next build takes what was found from the cache, without reading an image: the same warnings, as long as the images are the same.
      const reads = vi.spyOn(sharp.prototype, 'metadata');
      const again = await buildSite(root);
      expect(reads).not.toHaveBeenCalled();
      reads.mockRestore();
      expect(again.warnings.filter((w) => w.ruleId === 'image-metadata')).toEqual(warnings);
      // A cleaned photo loses its warning.
      writeFileSync(path.join(root, 'static/bilder/team.png'), await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer());
      const cleaned = await buildSite(root);
      expect(cleaned.warnings.filter((w) => w.ruleId === 'image-metadata').map((w) => w.file)).toEqual(['static/fotos/kamera.jpg', 'templates/icons/apple-touch-icon.png']);
    } finally {
      cleanup(root);
    }
  });
});

describe('copiedImageMetadata: what earlier builds found', () => {
  it('is taken by the hash of the bytes, without reading the image again; new bytes are read and remembered', async () => {
    const remembered = new Map<string, readonly string[]>();
    const memo = { get: (hash: string) => remembered.get(hash), set: (hash: string, blocks: readonly string[]) => void remembered.set(hash, blocks) };
    // Not an image at all: only the memo can say it carries EXIF.
    const notAnImage = new Uint8Array([1, 2, 3]);
    remembered.set(hashOf(notAnImage), ['EXIF']);
    const photo = await pngWithMetadata(20, 20);
    const problems = await copiedImageMetadata([{ owner: 'static/a.png', content: notAnImage }, { owner: 'static/b.png', content: photo }], 'de', memo);
    expect(problems.map((p) => p.file)).toEqual(['static/a.png', 'static/b.png']);
    expect(remembered.get(hashOf(photo))?.length).toBeGreaterThan(0);
  });
});

describe('the images config', () => {
  it('refuses a maxWidth out of range and a default that is an address, and warns about unknown keys', () => {
    const root = makeSite({ 'stadtbote.config.yaml': 'images:\n  maxWidth: 100\n  default: https://cdn.example.com/logo.png\n  quality: 80\n' });
    try {
      const error = (() => {
        try {
          resolveSite({ root });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      const reasons = (error as ConfigError).problems.map((p) => `${p.field}: ${p.reason}`);
      expect(reasons).toEqual([
        'images: images.maxWidth muss eine ganze Zahl von 480 bis 8000 Pixeln sein, nicht 100',
        'images: images.default muss der Pfad eines Bildes im Inhaltsordner sein, nicht "https://cdn.example.com/logo.png"',
      ]);
      writeFileSync(path.join(root, 'stadtbote.config.yaml'), 'images:\n  maxWidth: 1600\n  quality: 80\n');
      const site = resolveSite({ root });
      expect(site.config.images).toEqual({ maxWidth: 1600 });
      expect(site.warnings.map((w) => w.reason)).toEqual(['der Schlüssel „images.quality“ ist unbekannt und wird übergangen']);
    } finally {
      cleanup(root);
    }
  });
});
