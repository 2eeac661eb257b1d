import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../util/files.js';
import type { GeneratedFile, SiteSnapshot } from './types.js';

/** Stylesheets and other theme assets from every template folder's `assets/`, site first. */
export function themeAssets(s: SiteSnapshot): GeneratedFile[] {
  const seen = new Map<string, GeneratedFile>();
  for (const dir of s.renderer.context.templateDirs) {
    const assetsDir = path.join(dir, 'assets');
    // Subfolders (fonts/, icons/) are copied too; hidden files are not.
    for (const name of listFiles(assetsDir)) {
      if (seen.has(name) || name.split('/').some((part) => part.startsWith('.'))) continue;
      // The search script is only useful with the search index beside it.
      if (name === 'search.js' && !s.site.config.search) continue;
      seen.set(name, { path: `assets/${name}`, content: readFileSync(path.join(assetsDir, name)), owner: `templates/assets/${name}` });
    }
  }
  return [...seen.values()];
}

/** The 404 page static hosts serve for unknown paths (GitHub/GitLab Pages, Netlify; Apache/nginx via ErrorDocument). */
export function notFoundPage(s: SiteSnapshot): GeneratedFile[] {
  const { renderer } = s;
  const html = renderer.renderPage('404', { kind: '404', title: renderer.strings.notFoundTitle, url: '/404.html', description: renderer.strings.notFoundText, feeds: renderer.siteFeeds(), noindex: true }, {});
  return [{ path: '404.html', content: html, owner: 'the 404 page' }];
}
