import { searchParts, type SearchPart } from '../search/parts.js';
import type { SiteSnapshot } from './types.js';

const partsOf = new WeakMap<SiteSnapshot, readonly SearchPart[]>();

/**
 * The parts of the search index of a snapshot's articles (search/parts.ts), worked out once per
 * snapshot: the search page and the server files (Apache's twice) all ask, and each answer goes
 * over every article (10,000: some 10 ms).
 */
export function snapshotSearchParts(s: SiteSnapshot): readonly SearchPart[] {
  let parts = partsOf.get(s);
  if (!parts) partsOf.set(s, (parts = searchParts(s.model.articles, s.site.config.searchSplit)));
  return parts;
}
