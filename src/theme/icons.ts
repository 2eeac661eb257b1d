import { existsSync } from 'node:fs';
import path from 'node:path';

/** A `<link>` to a site icon in every page's head. */
export interface IconLink {
  readonly rel: 'icon' | 'apple-touch-icon';
  /** Site path, without the base path. */
  readonly href: string;
  readonly type?: string;
  readonly sizes?: string;
}

/** A default icon of the theme that the site does not replace. */
export interface IconFile {
  readonly name: string;
  readonly abs: string;
}

/**
 * The icons every site has, at the root where browsers, iOS and crawlers look for them by name:
 * `favicon.ico` (asked for by every browser, so never a 404), `favicon.svg` (sharp at any size) and
 * `apple-touch-icon.png` (180 × 180, the share image of last resort). The theme's `icons/` folder
 * ships neutral defaults; a file of the same name in `static/` replaces one.
 */
const ICONS: readonly (IconLink & { readonly name: string })[] = [
  // `sizes` keeps browsers that read both from preferring the ICO over the SVG.
  { name: 'favicon.ico', rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
  { name: 'favicon.svg', rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { name: 'apple-touch-icon.png', rel: 'apple-touch-icon', href: '/apple-touch-icon.png' },
];

export function siteIcons(templateDirs: readonly string[], staticDir: string): { links: IconLink[]; files: IconFile[] } {
  const own = (name: string): boolean => existsSync(path.join(staticDir, name));
  const links: IconLink[] = [];
  const files: IconFile[] = [];
  for (const { name, ...link } of ICONS) {
    // A site's own favicon.ico must not lose to the theme's SVG, which browsers prefer.
    if (name === 'favicon.svg' && !own(name) && own('favicon.ico')) continue;
    if (!own(name)) {
      const dir = templateDirs.find((d) => existsSync(path.join(d, 'icons', name)));
      if (!dir) continue;
      files.push({ name, abs: path.join(dir, 'icons', name) });
    }
    links.push(link);
  }
  return { links, files };
}
