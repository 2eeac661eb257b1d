import { readFileSync } from 'node:fs';
import { siteIcons } from '../theme/icons.js';
import type { GeneratedFile, SiteSnapshot } from './types.js';

/** The theme's default favicon and touch icon at the site root, unless `static/` has the site's own. */
export function iconFiles(s: SiteSnapshot): GeneratedFile[] {
  return siteIcons(s.renderer.context.templateDirs, s.site.paths.static).files.map((f) => ({ path: f.name, content: readFileSync(f.abs), owner: `templates/icons/${f.name}` }));
}
