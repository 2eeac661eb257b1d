import { outputPathFor } from '../model/urls.js';
import type { Problem } from '../model/problem.js';
import type { PendingLink } from '../model/types.js';

/** A link of a body to a site path (`/impressum/`), with the file it is in. */
export interface SiteLink {
  readonly display: string;
  readonly link: PendingLink & { readonly sitePath: string };
}

/**
 * Site-absolute links of bodies that point at nothing the build writes. Checked after every output
 * is claimed (pages, lists, feeds, media, redirect pages), so a link to a feed or a region page counts.
 */
export function brokenSiteLinks(links: readonly SiteLink[], written: (outPath: string) => boolean, basePath: string): Problem[] {
  const problems: Problem[] = [];
  for (const { display, link } of links) {
    const rel = outputPathFor(link.sitePath);
    // `/impressum` is served as `/impressum/` by every static host.
    if (written(rel) || written(`${rel}/index.html`)) continue;
    const shown = basePath + link.sitePath.slice(1);
    problems.push({
      file: display,
      line: link.line,
      column: link.column,
      ruleId: 'broken-link',
      reason: `link "${shown}" points to a page of this site that does not exist`,
      fix: 'check the address; to link an article, link its Markdown file (../2025/datei.md)',
      severity: 'error',
    });
  }
  return problems;
}
