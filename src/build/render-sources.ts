import { assetDependencyKey } from '../cache/asset-key.js';
import type { CachedSource } from '../cache/cache.js';
import type { Problem } from '../model/problem.js';
import type { AssetInfo, FinishedArticlePage, SourceFile, SourceResult, PendingLink } from '../model/types.js';
import type { ArticleLinksOf, RenderPool } from '../render/pool.js';
import type { KnownSource } from '../content/source-stamps.js';
import { hashOf } from '../util/hash.js';

/** Where rendered and cached sources go (the collect stage). */
export interface SourceSink {
  /** Takes a source into the site; false when a cache hit's page cannot be had without rendering it. */
  accept(entry: CachedSource, html: string | undefined, bodyHtml: string | undefined, display: string, finished?: FinishedArticlePage): boolean;
  /** A source that is not valid, with its problems. */
  reject(problems: readonly Problem[], links: readonly PendingLink[], display: string): void;
}

export interface SourceStageInput {
  /** Source paths relative to the content folder, in path order. */
  readonly sources: readonly string[];
  readonly read: (rel: string) => SourceFile;
  /** A source file's stamp now (content/file-stamp.ts): equal to its cache entry's, the file is not read. */
  readonly stamp: (rel: string) => string | undefined;
  /** A source read and hashed already on a thread (content/source-stamps.ts, CI): its hash equal to the entry's, it is not read again. */
  readonly known?: (rel: string) => KnownSource | undefined;
  /** How sources are named in messages (`content/`). */
  readonly displayPrefix: string;
  /** Images and attachments as they are now: a cached page that refers to a changed one is stale. */
  readonly assets: ReadonlyMap<string, AssetInfo>;
  /** Filled with this build's cache entry of every source that was taken. */
  readonly next: Map<string, CachedSource>;
}

/**
 * The cache stage for sources: a source whose bytes and referred files are unchanged is taken from
 * the cache without rendering, when its page can be had. Returns what must be rendered: paths not
 * in the cache (read only when rendered), and sources already read whose entry was stale or unusable.
 */
export function takeCachedSources(input: SourceStageInput, previous: ReadonlyMap<string, CachedSource>, sink: SourceSink, onRender?: (rel: string) => void): (SourceFile | string)[] {
  const toRender: (SourceFile | string)[] = [];
  // Told as it is found, not at the end: the search index begins the part of a changed article at once (build/search-stage.ts).
  const render = (source: SourceFile | string): void => {
    toRender.push(source);
    onRender?.(typeof source === 'string' ? source : source.rel);
  };
  for (const rel of input.sources) {
    const hit = previous.get(rel);
    if (hit === undefined) {
      render(rel);
      continue;
    }
    const assetsFresh = hit.assetKey === assetDependencyKey(hit.assets, input.assets);
    // The file as it was when the cache entry was made: its bytes need not be read to know they are the same.
    if (hit.stamp !== undefined && assetsFresh && hit.stamp === input.stamp(rel)) {
      if (sink.accept(hit, undefined, hit.bodyHtml, input.displayPrefix + rel)) {
        input.next.set(rel, hit);
        continue;
      }
      render(input.read(rel));
      continue;
    }
    const known = input.known?.(rel);
    if (known !== undefined && assetsFresh && known.hash === hit.hash) {
      if (sink.accept(hit, undefined, hit.bodyHtml, input.displayPrefix + rel)) input.next.set(rel, hit.stamp === known.stamp ? hit : withStamp(hit, known.stamp));
      else render(input.read(rel));
      continue;
    }
    // Read one at a time: the text of a source served from the cache is dropped right away.
    const source = input.read(rel);
    const fresh = hit.hash === source.hash && assetsFresh;
    // The same bytes with a new stamp (a checkout): the entry keeps the stamp of this read for the next build.
    if (fresh && sink.accept(hit, undefined, hit.bodyHtml, source.display)) input.next.set(source.rel, hit.stamp === source.stamp ? hit : withStamp(hit, source.stamp));
    else render(source);
  }
  return toRender;
}

function withStamp(entry: CachedSource, stamp: string | undefined): CachedSource {
  const { stamp: _old, ...rest } = entry;
  return stamp === undefined ? rest : { ...rest, stamp };
}

/**
 * The render stage: validates and renders sources on the pool (content/validate.ts runs inside each
 * render task, so it is spread over the threads too) and hands each result to the sink as it comes.
 */
export async function renderSources(
  input: SourceStageInput,
  pool: RenderPool,
  toRender: readonly (SourceFile | string)[],
  sink: SourceSink,
  onProgress?: (done: number, total: number) => void,
  articleLinksOf?: ArticleLinksOf,
): Promise<void> {
  const total = toRender.length;
  let done = 0;
  await pool.renderSources(toRender, input.read, (result: SourceResult, source: SourceFile) => {
    done++;
    if (onProgress && (done % 50 === 0 || done === total)) onProgress(done, total);
    if (result.kind === 'invalid') {
      sink.reject(result.problems, result.links ?? [], source.display);
      return;
    }
    const entry: CachedSource = {
      hash: source.hash,
      ...(source.stamp ? { stamp: source.stamp } : {}),
      kind: result.kind,
      meta: result.meta,
      problems: result.problems,
      links: result.links,
      assets: result.assets,
      assetKey: assetDependencyKey(result.assets, input.assets),
      // The hash of the page as rendered from its source alone, also when it came finished with links to other articles.
      htmlHash: (result.kind === 'article' ? result.finished?.baseHash : undefined) ?? hashOf(result.html),
      ...(result.links.length > 0 ? { html: result.html } : {}),
    };
    input.next.set(source.rel, entry);
    sink.accept(entry, result.html, result.kind === 'article' ? result.bodyHtml : undefined, source.display, result.kind === 'article' ? result.finished : undefined);
  }, articleLinksOf);
}
