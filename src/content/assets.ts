import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AssetInfo } from '../markdown/resolve.js';
import { hashOf } from '../util/hash.js';
import { slugify } from '../util/slug.js';
import type { Problem } from '../model/problem.js';
import { fsProblem, isFsError } from '../model/fs-errors.js';

/** Widths of the WebP variants made for every raster image (only those smaller than the original). */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
const RASTER = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif']);
/** Larger images are refused: decoding them could take the build's memory. */
const MAX_PIXELS = 50_000_000;

export interface AssetOutput {
  readonly path: string;
  readonly hash: string;
  /** How to produce the bytes when the output does not hold them already. */
  readonly produce: () => Promise<Uint8Array>;
}

export interface ProcessedAsset {
  readonly hash: string;
  readonly info: AssetInfo;
  readonly outputs: readonly { path: string; hash: string }[];
}

export interface AssetsResult {
  readonly assets: Map<string, AssetInfo>;
  readonly outputs: AssetOutput[];
  readonly problems: Problem[];
  /** By content hash, for the cache. */
  readonly processed: Map<string, ProcessedAsset>;
}

type Sharp = typeof import('sharp').default;
let sharpModule: Promise<Sharp> | undefined;
/** sharp (libvips) is loaded only when an image has to be read: most builds take images from the cache. */
async function sharp(...args: Parameters<Sharp>): Promise<ReturnType<Sharp>> {
  const mod = await (sharpModule ??= import('sharp').then((m) => m.default));
  return mod(...args);
}

/**
 * Formats that may be published under an image name. A JPEG saved as `.png` is still an image every
 * browser shows; SVG (which can hold scripts), PDF or TIFF under an image name is not.
 */
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif']);

/** Why the bytes cannot be published under the image name `ext`, or undefined when they can. */
function formatMismatch(ext: string, format: string | undefined): string | undefined {
  if (format !== undefined && IMAGE_FORMATS.has(format)) return undefined;
  const found = format === 'svg' ? 'SVG (an XML document that can hold scripts)' : format ? `a ${format.toUpperCase()} file` : 'of an unknown format';
  return `file is named ${ext} but is ${found}; it is not published as an image`;
}

function outputName(rel: string, hash: string, mediaDir: string, suffix: string, ext: string): string {
  const base = slugify(path.posix.basename(rel, path.posix.extname(rel))) || 'datei';
  return `${mediaDir}/${base}-${hash.slice(0, 8).toLowerCase().replace(/[^a-z0-9]/g, '0')}${suffix}${ext}`;
}

/**
 * Prepares every non-Markdown file of the content folder: a copy under a content-hashed name (safe
 * to cache forever on a CDN) and, for raster images, WebP variants in a few widths.
 */
export async function processAssets(
  contentDir: string,
  displayPrefix: string,
  rels: readonly string[],
  mediaDir: string,
  cached: ReadonlyMap<string, ProcessedAsset>,
): Promise<AssetsResult> {
  const assets = new Map<string, AssetInfo>();
  const outputs: AssetOutput[] = [];
  const problems: Problem[] = [];
  const processed = new Map<string, ProcessedAsset>();
  for (const rel of rels) {
    const abs = path.join(contentDir, rel);
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch (err) {
      // Reported with every other problem of the run; references to it stay quiet.
      if (!isFsError(err)) throw err;
      problems.push(fsProblem(err, '', displayPrefix + rel));
      assets.set(rel, { url: `/${outputName(rel, '00000000', mediaDir, '', path.posix.extname(rel).toLowerCase())}`, unreadable: true });
      continue;
    }
    const hash = hashOf(bytes);
    const ext = path.posix.extname(rel).toLowerCase();
    const original = outputName(rel, hash, mediaDir, '', ext);
    let entry = cached.get(hash + rel);
    if (!entry) {
      if (RASTER.has(ext)) {
        try {
          const meta = await (await sharp(bytes, { limitInputPixels: MAX_PIXELS })).metadata();
          // The bytes decide, not the name: SVG (scripts) or any other format under an image name is refused.
          const mismatch = formatMismatch(ext, meta.format);
          if (mismatch) {
            problems.push({ file: displayPrefix + rel, ruleId: meta.format === 'svg' ? 'active-content' : 'invalid-image', reason: mismatch, fix: 'export the image again as JPEG, PNG or WebP under a matching name; an SVG the site owner vouches for goes into static/', severity: 'error' });
            assets.set(rel, { url: `/${original}`, unreadable: true });
            continue;
          }
          const width = meta.autoOrient?.width ?? meta.width ?? 0;
          const height = meta.autoOrient?.height ?? meta.height ?? 0;
          const variants: { url: string; width: number; hash: string }[] = [];
          for (const w of VARIANT_WIDTHS) {
            if (w >= width) break;
            const buf = await (await sharp(bytes, { limitInputPixels: MAX_PIXELS })).rotate().resize({ width: w }).webp({ quality: 78 }).toBuffer();
            variants.push({ url: `/${outputName(rel, hash, mediaDir, `-${w}`, '.webp')}`, width: w, hash: hashOf(buf) });
          }
          entry = {
            hash,
            info: { url: `/${original}`, width, height, variants: variants.map(({ url, width: vw }) => ({ url, width: vw })) },
            outputs: [{ path: original, hash }, ...variants.map((v) => ({ path: v.url.slice(1), hash: v.hash }))],
          };
        } catch (err) {
          problems.push({ file: displayPrefix + rel, ruleId: 'invalid-image', reason: `image cannot be read: ${(err as Error).message}`, fix: 'export the image again as JPEG, PNG or WebP', severity: 'error' });
          assets.set(rel, { url: `/${original}`, unreadable: true });
          continue;
        }
      } else {
        entry = { hash, info: { url: `/${original}` }, outputs: [{ path: original, hash }] };
      }
    }
    processed.set(hash + rel, entry);
    assets.set(rel, entry.info);
    for (const out of entry.outputs) {
      if (out.path === original) outputs.push({ path: out.path, hash: out.hash, produce: async () => bytes });
      else {
        const width = Number(/-(\d+)\.webp$/.exec(out.path)?.[1]);
        outputs.push({ path: out.path, hash: out.hash, produce: async () => (await sharp(bytes, { limitInputPixels: MAX_PIXELS })).rotate().resize({ width }).webp({ quality: 78 }).toBuffer() });
      }
    }
  }
  return { assets, outputs, problems, processed };
}
