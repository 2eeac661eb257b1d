import type { ResolvedSite } from '../config/config.js';
import { displayPrefixOf } from '../content/load.js';
import type { Problem } from '../model/problem.js';
import { outputPathFor } from '../model/urls.js';
import { relativePath } from '../util/files.js';

/**
 * Footer links (Impressum, Datenschutz, …) that lead to a page of this site which the build does
 * not produce. `produces` answers for an output path; the build asks once every output is claimed,
 * so generated pages, standalone pages and static files all count.
 */
export function missingFooterPages(site: ResolvedSite, produces: (outputPath: string) => boolean): Problem[] {
  const configFile = site.paths.configFile ? relativePath(site.paths.root, site.paths.configFile) : 'config';
  const problems: Problem[] = [];
  for (const link of site.config.footerLinks) {
    const href = link.href.split(/[?#]/, 1)[0] ?? '';
    if (!href.startsWith('/') || href.startsWith('//')) continue; // another site's page
    const url = href.endsWith('/') || /\.[a-z0-9]+$/i.test(href) ? href : `${href}/`;
    if (produces(outputPathFor(url))) continue;
    const rel = url.replace(/^\/|\/$/g, '') || 'index';
    problems.push({
      file: configFile,
      ruleId: 'missing-footer-page',
      field: 'footerLinks',
      reason: `footer link "${link.label}" points to ${link.href}, which no source produces`,
      fix: `create ${displayPrefixOf(site.paths.content, site.paths.root)}pages/${rel}.md with a title, or change footerLinks in the config`,
      severity: 'warning',
    });
  }
  return problems;
}
