import type { AssetInfo } from '../model/types.js';
import { hashOf } from '../util/hash.js';

/**
 * The key of a page that refers to no content file: the same for every such page, so made once.
 * Every source of a build from the cache is keyed (10,000 articles: some 70 ms of hashing `[]`).
 */
const NO_ASSETS_KEY = hashOf(JSON.stringify([]));

/** Key of the content files a page refers to, as they are now: a cached page is stale when it changes. */
export function assetDependencyKey(rels: readonly string[], assets: ReadonlyMap<string, AssetInfo>): string {
  if (rels.length === 0) return NO_ASSETS_KEY;
  return hashOf(JSON.stringify(rels.map((rel) => [rel, assets.get(rel) ?? null])));
}
