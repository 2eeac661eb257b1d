import path from 'node:path';
import type { ResolvedSite } from '../config/config.js';
import { displayOldAddress, parseOldAddress, placeOldAddress } from '../content/aliases.js';
import { displayPrefixOf, fieldPosition } from '../content/load.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta } from '../model/types.js';

export interface AliasCheck {
  readonly problems: Problem[];
  /** Old addresses (path and query) that only the server files redirect: outside the base path, or with a query. */
  readonly serverOnly: string[];
}

/**
 * The old addresses of the published articles against the site: another host is an error, a path
 * that repeats the base path a warning with the fix, two articles claiming one old address (as
 * servers compare it: nginx maps ignore case) an error naming both.
 */
export function checkAliases(site: ResolvedSite, articles: readonly ArticleMeta[]): AliasCheck {
  const host = new URL(site.config.baseUrl).host;
  const prefix = displayPrefixOf(site.paths.content, site.paths.root);
  const problems: Problem[] = [];
  const serverOnly: string[] = [];
  const seen = new Map<string, { src: string; url: string; written: string; exact: string }>();
  for (const a of articles) {
    const at = (i: number) => ({ file: prefix + a.src, ...fieldPosition(path.join(site.paths.content, a.src), `aliases.${i}`), field: `aliases.${i}` });
    a.data.aliases.forEach((written, i) => {
      const parsed = parseOldAddress(written);
      if (!parsed.ok) return; // reported by validation
      const placed = placeOldAddress(parsed.address, host, site.basePath);
      if (placed.kind === 'other-host') {
        problems.push({ ...at(i), ruleId: 'alias-other-host', reason: `alias "${written}" is an address on another host (${placed.host}); this site is served from ${host}`, fix: `only old addresses of ${host} can be redirected here: write the path (${displayOldAddress(parsed.address)}) if the old page was on this host, or remove the alias`, severity: 'error' });
        return;
      }
      if (placed.doubledBasePath) {
        const single = parsed.address.path.slice(site.basePath.length - 1);
        problems.push({ ...at(i), ruleId: 'alias-doubled-base-path', reason: `alias "${written}" repeats the base path ${site.basePath}; an alias is the old address as it was, from the host root, and is no longer put below the base path`, fix: `write ${single}${parsed.address.query !== undefined ? `?${parsed.address.query}` : ''} if that was the old address`, severity: 'warning' });
      }
      if (placed.pageAt === undefined) serverOnly.push(displayOldAddress(parsed.address));
      const exact = `${parsed.address.decodedPath}?${parsed.address.query ?? ''}`;
      const before = seen.get(exact.toLowerCase());
      if (!before) seen.set(exact.toLowerCase(), { src: a.src, url: a.url, written, exact });
      // Two redirect pages at the very same path are reported by the output claims already.
      else if (before.url !== a.url && !(placed.pageAt !== undefined && before.exact === exact)) {
        problems.push({ ...at(i), ruleId: 'alias-clash', reason: `alias "${written}" is also an alias of ${prefix}${before.src} ("${before.written}"); servers cannot tell the two apart (upper and lower case count as one)`, fix: 'keep the alias in one article only', severity: 'error' });
      }
    });
  }
  return { problems, serverOnly: [...new Set(serverOnly)].sort() };
}
