import type { GeneratedFile, SiteSnapshot } from './types.js';
import { owner } from '../i18n/owners.js';

/**
 * Stylesheets and other theme assets from every template folder's `assets/` (site first, subfolders
 * too, hidden files not), under content-hashed names (theme/assets.ts).
 */
export function themeAssets(s: SiteSnapshot): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const asset of s.renderer.theme.assets.values()) {
    // The search script is only useful with the search index beside it.
    if (asset.name === 'search.js' && !s.site.config.search) continue;
    // A generated asset (theme/brand.ts) comes from the config, not from a template folder.
    const by = asset.dir === 'generated' ? owner('configAsset', asset.name) : `templates/assets/${asset.name}`;
    files.push({ path: `assets/${asset.published}`, content: asset.bytes, owner: by });
  }
  return files;
}

/** The 404 page static hosts serve for unknown paths (GitHub/GitLab Pages, Netlify; Apache/nginx via ErrorDocument). */
export function notFoundPage(s: SiteSnapshot): GeneratedFile[] {
  const { renderer } = s;
  const html = renderer.renderPage('404', { kind: '404', title: renderer.strings.notFoundTitle, url: '/404.html', description: renderer.strings.notFoundText, feeds: renderer.siteFeeds(), noindex: true }, {});
  return [{ path: '404.html', content: html, owner: owner('notFoundPage') }];
}
