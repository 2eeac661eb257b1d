import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImageConfig } from '../config/images.js';
import type { AssetInfo } from '../model/types.js';
import type { Problem } from '../model/problem.js';
import { hashOf } from '../util/hash.js';
import { slugify } from '../util/slug.js';
import { encodeImage, imageOptionsKey, planImage, RASTER_EXTENSIONS, readImageFacts, recipeHash, type EncodeSpec, type ImageFacts, type PlannedImage } from './images.js';
import { fsProblem, isFsError } from '../model/fs-errors.js';

export interface AssetOutput {
  readonly path: string;
  /** Identifies the bytes: the content hash of a copy, the recipe hash of an encoded image. */
  readonly hash: string;
  /** The content file it comes from, for the message when another output wants the same path. */
  readonly owner: string;
  readonly src: string;
  /** How to produce the bytes when the output does not hold them already. */
  readonly produce: () => Promise<Uint8Array>;
}

/** One published file of a processed asset; `spec` tells how an image output is encoded from the source. */
export interface ProcessedOutput {
  readonly path: string;
  readonly hash: string;
  readonly spec?: EncodeSpec;
}

export interface ProcessedAsset {
  readonly hash: string;
  readonly info: AssetInfo;
  readonly outputs: readonly ProcessedOutput[];
}

export interface AssetsResult {
  readonly assets: Map<string, AssetInfo>;
  readonly outputs: AssetOutput[];
  readonly problems: Problem[];
  /** By content hash, file and image options, for the cache. */
  readonly processed: Map<string, ProcessedAsset>;
}

/** `foto-3fa2c1d0-960.webp`: a readable name, a tag that changes with the bytes, the variant. */
function outputName(rel: string, tag: string, mediaDir: string, suffix: string, ext: string): string {
  const base = slugify(path.posix.basename(rel, path.posix.extname(rel))) || 'datei';
  return `${mediaDir}/${base}-${tag.slice(0, 8).toLowerCase().replace(/[^a-z0-9]/g, '0')}${suffix}${ext}`;
}

/**
 * `0wldsusi/antrag-soforthilfe.pdf` under the media folder: a download keeps a readable file name
 * (what the reader's browser saves it as), and the folder before it is a tag of the bytes, so the
 * address stays unique and changes whenever the file does (safe for `/medien/` cached as immutable).
 */
function downloadName(rel: string, hash: string, mediaDir: string, ext: string): string {
  const base = slugify(path.posix.basename(rel, path.posix.extname(rel))) || 'datei';
  return `${mediaDir}/${hash.slice(0, 8).toLowerCase().replace(/[^a-z0-9]/g, '0')}/${base}${ext}`;
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

/** Plans, and for the share image encodes, every file published for one raster image. */
async function processImage(bytes: Uint8Array, facts: ImageFacts, rel: string, hash: string, ext: string, mediaDir: string, config: ImageConfig, optionsKey: string): Promise<ProcessedAsset> {
  const plan = planImage(ext, facts, config);
  // The tag covers the options: a new maxWidth makes new bytes, which must not hide behind a cached name.
  const tag = hashOf(hash, optionsKey);
  const nameOf = (p: PlannedImage): string => outputName(rel, tag, mediaDir, p.suffix, p.ext);
  const outputs: ProcessedOutput[] = [plan.full, ...plan.variants].map((p) => ({ path: nameOf(p), hash: recipeHash(hash, optionsKey, p.spec), spec: p.spec }));
  const url = (p: PlannedImage): string => `/${nameOf(p)}`;
  let social: NonNullable<AssetInfo['social']>;
  if (plan.social) {
    // Encoded now: a feed enclosure states its size in bytes.
    const encoded = await encodeImage(bytes, plan.social.spec);
    outputs.push({ path: nameOf(plan.social), hash: hashOf(encoded.data), spec: plan.social.spec });
    social = { url: url(plan.social), width: encoded.width, height: encoded.height, type: plan.social.spec.format === 'png' ? 'image/png' : 'image/jpeg', bytes: encoded.data.length };
  } else {
    const encoded = await encodeImage(bytes, plan.full.spec);
    social = { url: url(plan.full), width: encoded.width, height: encoded.height, type: `image/${plan.full.spec.format}`, bytes: encoded.data.length };
  }
  return {
    hash,
    info: { url: url(plan.full), width: plan.full.width, height: plan.full.height, variants: plan.variants.map((v) => ({ url: url(v), width: v.width })), social },
    outputs,
  };
}

/**
 * Prepares every non-Markdown file of the content folder for publishing under a content-hashed
 * name (safe to cache forever on a CDN). Raster images are encoded anew without metadata
 * (content/images.ts); other files are copied as they are. The same bytes under the same
 * published name (`2024/foto.png` and `2025/foto.png`, `Foto 1.png` and `foto-1.png`) are one file.
 */
export async function processAssets(
  contentDir: string,
  displayPrefix: string,
  rels: readonly string[],
  mediaDir: string,
  cached: ReadonlyMap<string, ProcessedAsset>,
  config: ImageConfig,
): Promise<AssetsResult> {
  const assets = new Map<string, AssetInfo>();
  const outputs: AssetOutput[] = [];
  const problems: Problem[] = [];
  const processed = new Map<string, ProcessedAsset>();
  const optionsKey = imageOptionsKey(config);
  /** Published path → the output that has it, so equal files are published once. */
  const published = new Map<string, AssetOutput>();
  /** Equal bytes under the same published name are encoded once, whichever folder they are in. */
  const byName = new Map<string, ProcessedAsset>();
  for (const rel of rels) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(contentDir, rel));
    } catch (err) {
      // Reported with every other problem of the run; references to it stay quiet.
      if (!isFsError(err)) throw err;
      problems.push(fsProblem(err, '', displayPrefix + rel));
      assets.set(rel, { url: `/${outputName(rel, '00000000', mediaDir, '', path.posix.extname(rel).toLowerCase())}`, unreadable: true });
      continue;
    }
    const hash = hashOf(bytes);
    const ext = path.posix.extname(rel).toLowerCase();
    const raster = RASTER_EXTENSIONS.has(ext);
    // `download` names copies the readable way (downloadName): entries cached under the older names are not reused.
    const key = `${hash}\u0000${rel}\u0000${raster ? optionsKey : 'download'}`;
    const sameName = `${hash}\u0000${raster ? outputName(rel, '', mediaDir, '', ext) : downloadName(rel, '', mediaDir, ext)}`;
    let entry = cached.get(key) ?? byName.get(sameName);
    if (!entry) {
      if (raster) {
        try {
          const facts = await readImageFacts(bytes);
          // The bytes decide, not the name: SVG (scripts) or any other format under an image name is refused.
          const mismatch = formatMismatch(ext, facts.format);
          if (mismatch) {
            problems.push({ file: displayPrefix + rel, ruleId: facts.format === 'svg' ? 'active-content' : 'invalid-image', reason: mismatch, fix: 'export the image again as JPEG, PNG or WebP under a matching name; an SVG the site owner vouches for goes into static/', severity: 'error' });
            assets.set(rel, { url: `/${outputName(rel, hash, mediaDir, '', ext)}`, unreadable: true });
            continue;
          }
          entry = await processImage(bytes, facts, rel, hash, ext, mediaDir, config, optionsKey);
        } catch (err) {
          problems.push({ file: displayPrefix + rel, ruleId: 'invalid-image', reason: `image cannot be read: ${(err as Error).message}`, fix: 'export the image again as JPEG, PNG or WebP', severity: 'error' });
          assets.set(rel, { url: `/${outputName(rel, hash, mediaDir, '', ext)}`, unreadable: true });
          continue;
        }
      } else {
        const copy = downloadName(rel, hash, mediaDir, ext);
        entry = { hash, info: { url: `/${copy}`, bytes: bytes.length }, outputs: [{ path: copy, hash }] };
      }
    }
    processed.set(key, entry);
    byName.set(sameName, entry);
    assets.set(rel, entry.info);
    const owner = displayPrefix + rel;
    for (const out of entry.outputs) {
      const earlier = published.get(out.path);
      if (earlier && earlier.hash === out.hash) continue;
      if (earlier) {
        // Names carry a hash of the bytes, so this takes a hash collision; say so rather than overwrite.
        problems.push({ file: owner, ruleId: 'duplicate-url', reason: `${owner} would be published as /${out.path}, which ${earlier.owner} (different bytes) is published as too`, fix: 'rename one of the two files', severity: 'error' });
        continue;
      }
      const spec = out.spec;
      // Read again when needed: holding every photo's bytes until the write would hold the whole media folder.
      const read = (): Buffer => readFileSync(path.join(contentDir, rel));
      const output: AssetOutput = { path: out.path, hash: out.hash, owner, src: rel, produce: spec ? async () => (await encodeImage(read(), spec)).data : async () => read() };
      published.set(out.path, output);
      outputs.push(output);
    }
  }
  return { assets, outputs, problems, processed };
}
