import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/config.js';
import type { IconLink } from '../theme/icons.js';
import { hashOf } from '../util/hash.js';
import { resolveReference } from '../markdown/resolve.js';
import type { AssetInfo, ImageInfo, SocialImage } from '../model/types.js';

/** The default touch icon every site has (outputs/icons.ts): the share image of last resort. */
export const TOUCH_ICON: SocialImage = { url: '/apple-touch-icon.png', type: 'image/png' };

/**
 * The share image of pages without a photo of their own: `images.default` (an image of the content
 * folder, published without metadata like any photo), else the publisher logo, else the touch icon.
 * So every page has an `og:image`; link previews then show a small `summary` card.
 */
export function fallbackShareImage(config: SiteConfig, assets: ReadonlyMap<string, AssetInfo>): SocialImage {
  if (config.images.default !== undefined) {
    const target = resolveReference('', config.images.default.startsWith('/') ? config.images.default : `/${config.images.default}`);
    const asset = target.ok ? assets.get(target.rel) : undefined;
    // A missing or unreadable default is reported by checks/default-image.ts.
    if (asset?.social) return asset.social;
  }
  if (config.publisher.logo) return { url: config.publisher.logo };
  return TOUCH_ICON;
}

/** What `<head>` and JSON-LD show of a page's image: its own photo with a large card, or the fallback. */
export function shareImageOf(image: ImageInfo | undefined, fallback: SocialImage): { image: SocialImage; card: 'summary_large_image' | 'summary' } {
  if (image) return { image: image.social ?? { url: image.url, width: image.width, height: image.height }, card: 'summary_large_image' };
  return { image: fallback, card: 'summary' };
}

/**
 * What every page's head depends on beyond templates and config: which icons the site has (its own
 * in `static/` or the theme's) and the bytes of `images.default`. Part of the cache fingerprint, so
 * a new favicon or default image renders every cached page again.
 */
export function pageHeadKey(config: SiteConfig, contentDir: string, icons: readonly IconLink[]): string {
  let defaultImage = '';
  if (config.images.default !== undefined) {
    const target = resolveReference('', config.images.default.startsWith('/') ? config.images.default : `/${config.images.default}`);
    try {
      if (target.ok) defaultImage = hashOf(readFileSync(path.join(contentDir, target.rel)));
    } catch {
      defaultImage = 'missing';
    }
  }
  return hashOf(JSON.stringify(icons), defaultImage);
}
