/** The `images` key of the site configuration: how photos of the content folder are published. */
export interface ImageConfig {
  /** No published image is wider than this (px); larger photos are scaled down. */
  readonly maxWidth: number;
  /**
   * A raster image in the content folder (`/bilder/wappen.png`, from the content root) shown as the
   * share image (`og:image`) of articles without a photo. Without it the publisher logo stands in,
   * then the site's touch icon.
   */
  readonly default?: string;
}

export const DEFAULT_IMAGE_CONFIG: ImageConfig = { maxWidth: 2400 };

/** Below this a published photo is too small for a page column on a phone with a dense screen. */
const MIN_WIDTH = 480;
/** Above this no screen needs more pixels, and encoding gets slow. */
const MAX_WIDTH = 8000;

/**
 * Reads the `images` mapping. `fail` reports an error and `warn` a warning at the key; the result
 * holds the defaults for anything that is missing or wrong.
 */
export function parseImageConfig(raw: unknown, fail: (reason: string, fix: string) => void, warn: (reason: string, fix: string) => void): ImageConfig {
  if (raw === undefined) return DEFAULT_IMAGE_CONFIG;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail('images must be a mapping', 'images:\n  maxWidth: 2400\n  default: /bilder/wappen.png');
    return DEFAULT_IMAGE_CONFIG;
  }
  const value = raw as Record<string, unknown>;
  let maxWidth = DEFAULT_IMAGE_CONFIG.maxWidth;
  if (value.maxWidth !== undefined) {
    const w = value.maxWidth;
    if (typeof w === 'number' && Number.isInteger(w) && w >= MIN_WIDTH && w <= MAX_WIDTH) maxWidth = w;
    else fail(`images.maxWidth must be a whole number of pixels from ${MIN_WIDTH} to ${MAX_WIDTH}, not ${JSON.stringify(w)}`, 'for example maxWidth: 2400');
  }
  let fallback: string | undefined;
  if (value.default !== undefined) {
    const d = value.default;
    if (typeof d === 'string' && d.trim() !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(d)) fallback = d.trim();
    else fail(`images.default must be the path of an image in the content folder, not ${JSON.stringify(d)}`, 'for example default: /bilder/wappen.png (from the content folder\'s root)');
  }
  for (const key of Object.keys(value)) {
    if (key !== 'maxWidth' && key !== 'default') warn(`unknown config key "images.${key}" is ignored`, 'known keys of images: maxWidth, default');
  }
  return { maxWidth, ...(fallback !== undefined ? { default: fallback } : {}) };
}
