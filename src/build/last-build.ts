import type { CachedSource } from '../cache/cache.js';
import type { SourceFile } from '../model/types.js';
import type { ArticleLinksOf } from '../render/pool.js';
import { predictArticleLinks } from './predicted-links.js';
import type { PublishPolicy } from './publish.js';

/** How the render stage reads sources: any source, or one the last build knew by its stamp and hash. */
export interface SourceReading {
  readonly read: (rel: string) => SourceFile;
  readonly stamp: (rel: string) => string | undefined;
  readonly readKnown: (rel: string, hash: string, stamp: string) => SourceFile;
}

/**
 * Whether predicting article links (build/predicted-links.ts) pays: it models the whole archive
 * (10,000 articles: some 60 ms), while a page rendered without them is read back and written again
 * (a fraction of a millisecond). One edited article of 10,000 goes without; a template edit, which
 * renders every page, and small sites predict.
 */
export function predictsLinks(rendering: number, sources: number): boolean {
  return rendering > 0 && rendering * LINK_PREDICTION_SHARE >= sources;
}
/** Rendering at least one source in this many predicts links. */
const LINK_PREDICTION_SHARE = 32;

/**
 * What rendering takes from the last build's sources, also after a template or config edit that
 * made its cache stale: the links each article page is predicted to show (build/predicted-links.ts),
 * and the hash of every file whose stamp has not changed since, so that such a file is read only
 * when its text is needed (content/load.ts `stampedSource`; a template edit renders from the
 * Markdown cache by the hash). Only hashes and stamps are held, not the last build's metadata.
 */
export function fromLastBuild(last: ReadonlyMap<string, CachedSource>, sources: readonly string[], policy: PublishPolicy, reading: SourceReading, predict: boolean): { articleLinksOf: ArticleLinksOf | undefined; read: (rel: string) => SourceFile } {
  const known = new Map<string, readonly [hash: string, stamp: string]>();
  for (const [rel, entry] of last) if (entry.stamp !== undefined) known.set(rel, [entry.hash, entry.stamp]);
  const read = (rel: string): SourceFile => {
    const file = known.get(rel);
    return file && reading.stamp(rel) === file[1] ? reading.readKnown(rel, file[0], file[1]) : reading.read(rel);
  };
  return { articleLinksOf: predict ? predictArticleLinks(last, sources, policy) : undefined, read };
}
