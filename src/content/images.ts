import type { Sharp as SharpInstance } from 'sharp';
import type { ImageConfig } from '../config/images.js';
import { hashOf } from '../util/hash.js';

/**
 * The photo pipeline. Every published raster file is encoded anew by sharp (libvips): orientation
 * applied first, colour converted to sRGB, and no metadata written, so no camera serial number,
 * author, location (GPS) or editing history of an EXIF, XMP or IPTC block reaches the web. A credit
 * belongs in the page (`image.credit`), never in the file.
 */

/** Bumped whenever an encoder setting changes: output names and cache keys change with it. */
const PIPELINE = 'images-2';
/** Widths of the WebP variants offered in `srcset` (only those narrower than the published image). */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
/** Width of the share image (`og:image`, JSON-LD, feed enclosures): what Facebook, LinkedIn and Mastodon show. */
export const SOCIAL_WIDTH = 1200;
/** Larger images are refused: decoding them could take the build's memory. */
const MAX_PIXELS = 50_000_000;

export const RASTER_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif']);

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

/** One file the pipeline makes from a source image: plain data, kept in the build cache. */
export interface EncodeSpec {
  readonly format: ImageFormat;
  readonly width: number;
  /** Every frame of an animated GIF, not only the first. */
  readonly animated: boolean;
}

/** What is read from an image's header: cheap, no pixels decoded. */
export interface ImageFacts {
  /** Size as displayed, EXIF orientation applied. */
  readonly width: number;
  readonly height: number;
  readonly hasAlpha: boolean;
  readonly animated: boolean;
  /** What the bytes are (`jpeg`, `png`, `svg`, …), whatever the file's name says. */
  readonly format?: string;
}

type SharpModule = typeof import('sharp').default;
let sharpModule: Promise<SharpModule> | undefined;
/** sharp is loaded only when an image has to be read: most builds take images from the cache. */
async function sharp(bytes: Uint8Array, animated = false): Promise<SharpInstance> {
  const mod = await (sharpModule ??= import('sharp').then((m) => m.default));
  return mod(bytes, { limitInputPixels: MAX_PIXELS, animated });
}

/** The part of the config that decides the bytes of every output, for names and cache keys. */
export function imageOptionsKey(config: ImageConfig): string {
  return hashOf(PIPELINE, String(config.maxWidth));
}

export async function readImageFacts(bytes: Uint8Array): Promise<ImageFacts> {
  const meta = await (await sharp(bytes)).metadata();
  const pages = meta.pages ?? 1;
  return {
    width: meta.autoOrient?.width ?? meta.width ?? 0,
    height: meta.autoOrient?.height ?? meta.pageHeight ?? meta.height ?? 0,
    hasAlpha: meta.hasAlpha ?? false,
    animated: meta.format === 'gif' && pages > 1,
    ...(meta.format ? { format: meta.format } : {}),
  };
}

/** Height of an image scaled to `width`, rounded as libvips rounds it. */
export function scaledHeight(facts: ImageFacts, width: number): number {
  return width >= facts.width ? facts.height : Math.max(1, Math.round((facts.height * width) / facts.width));
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, ImageFormat>> = { '.jpg': 'jpeg', '.jpeg': 'jpeg', '.png': 'png', '.webp': 'webp', '.avif': 'avif', '.gif': 'gif' };

/** A file the pipeline publishes for one source image. */
export interface PlannedImage {
  /** Name suffix before the extension (`''` for the full image, `-960` for a variant). */
  readonly suffix: string;
  readonly ext: string;
  readonly spec: EncodeSpec;
  readonly width: number;
  readonly height: number;
}

export interface ImagePlan {
  readonly full: PlannedImage;
  /** WebP variants for `srcset`, narrowest first. */
  readonly variants: readonly PlannedImage[];
  /** The share image; undefined when the full image serves (a JPEG, PNG or GIF no wider than SOCIAL_WIDTH). */
  readonly social?: PlannedImage;
}

/**
 * What to publish for one image: the full image in its own format, no wider than `maxWidth`; WebP
 * variants narrower than that; and a share image of at most SOCIAL_WIDTH in a format every link
 * preview reads (JPEG, or PNG where there is transparency).
 *
 * Animated GIFs stay animated, full image and variants alike (animated WebP, a fraction of the
 * size): an editor who publishes an animation means it, and a still would silently change the
 * article. The share image is the first frame, since link previews show stills.
 */
export function planImage(ext: string, facts: ImageFacts, config: ImageConfig): ImagePlan {
  const format = FORMAT_BY_EXTENSION[ext] ?? 'jpeg';
  const animated = facts.animated;
  const fullWidth = Math.min(facts.width, config.maxWidth);
  const planned = (suffix: string, fileExt: string, spec: EncodeSpec): PlannedImage => ({ suffix, ext: fileExt, spec, width: spec.width, height: scaledHeight(facts, spec.width) });
  const full = planned('', ext, { format, width: fullWidth, animated });
  const variants = VARIANT_WIDTHS.filter((w) => w < fullWidth).map((w) => planned(`-${w}`, '.webp', { format: 'webp', width: w, animated }));
  const socialWidth = Math.min(fullWidth, SOCIAL_WIDTH);
  const previewable = format === 'jpeg' || format === 'png' || format === 'gif';
  if (previewable && socialWidth === fullWidth) return { full, variants };
  const socialFormat: ImageFormat = facts.hasAlpha ? 'png' : 'jpeg';
  const social = planned(`-${socialWidth}`, socialFormat === 'png' ? '.png' : '.jpg', { format: socialFormat, width: socialWidth, animated: false });
  return { full, variants, social };
}

/** A name for the bytes an EncodeSpec makes of a source: same source, options and spec → same bytes. */
export function recipeHash(sourceHash: string, optionsKey: string, spec: EncodeSpec): string {
  return hashOf(sourceHash, optionsKey, JSON.stringify(spec));
}

/**
 * Encodes one output. Nothing of the source's metadata is kept: sharp writes none unless told to
 * (no `keepExif`, `keepXmp`, `keepIccProfile`, `withMetadata`), and converts to sRGB on the way.
 */
export async function encodeImage(bytes: Uint8Array, spec: EncodeSpec): Promise<{ data: Buffer; width: number; height: number }> {
  let image = await sharp(bytes, spec.animated);
  // EXIF orientation turns the pixels before the EXIF block goes; GIFs carry no orientation.
  if (!spec.animated) image = image.autoOrient();
  image = image.resize({ width: spec.width, withoutEnlargement: true }).toColourspace('srgb');
  switch (spec.format) {
    case 'jpeg':
      // mozjpeg: progressive, optimised Huffman tables, about a third smaller than libjpeg's default.
      image = image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
      break;
    case 'png':
      image = image.png({ compressionLevel: 9, adaptiveFiltering: true });
      break;
    case 'webp':
      image = image.webp({ quality: 78, effort: 4 });
      break;
    case 'avif':
      image = image.avif({ quality: 55, effort: 4 });
      break;
    case 'gif':
      image = image.gif({ effort: 7 });
      break;
  }
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.pageHeight ?? info.height };
}
