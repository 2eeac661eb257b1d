import type { AssetInfo } from '../model/types.js';
import { hashOf } from '../util/hash.js';

/** Key of the content files a page refers to, as they are now: a cached page is stale when it changes. */
export function assetDependencyKey(rels: readonly string[], assets: ReadonlyMap<string, AssetInfo>): string {
  return hashOf(JSON.stringify(rels.map((rel) => [rel, assets.get(rel) ?? null])));
}
