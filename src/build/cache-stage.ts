import path from 'node:path';
import { markdownEntryKey, markdownInputsKey, markdownInputsOf, MarkdownStore } from '../cache/markdown-store.js';
import { outputStateDir } from '../write/writer.js';
import { BuildCache, emptyCache, type CacheData, type CachedOutput, type CachedSource, type CachePart, type PendingCacheSave } from '../cache/cache.js';
import { SEARCH_PART_PREFIX } from '../search/pagefind.js';
import { KEYED_FILE_PREFIX } from '../model/outputs.js';
import { usableStateDir, warnIfUnwritable } from '../cache/failures.js';
import type { Problem } from '../model/problem.js';
import type { ResolvedSite } from '../config/config.js';
import { templateFingerprints } from '../theme/engine.js';
import { LIST_PAGE_TEMPLATES, SOURCE_PAGE_TEMPLATES } from '../render/page-templates.js';
import { COMPRESSED_PREFIX } from '../write/precompress.js';
import { IMAGE_METADATA_PREFIX } from './site-files.js';
import { articlePageOutput, ARTICLE_CONTEXT_OUTPUT } from './article-pages.js';
import { LIST_OUTPUT_PREFIXES } from './list-pages.js';
import { hashOf } from '../util/hash.js';
import { VERSION } from '../version.js';

/** Folder of the Markdown cache inside the cache folder. */
const MARKDOWN_STORE_DIR = 'markdown';

export interface CacheStageInput {
  readonly site: ResolvedSite;
  readonly templateDirs: readonly string[];
  readonly drafts: boolean;
  readonly future: boolean;
  /** What every page's head shows besides templates and config: icons and the default share image (render/share-image.ts). */
  readonly headKey: string;
  /** Where a cache folder that cannot be used is reported (a warning: it only costs speed). */
  readonly problems: Problem[];
  /** Off for `--no-cache` and dry runs: nothing is read, nothing saved. */
  readonly enabled: boolean;
}

/** The build cache of this run: what the last build left, and what this one hands to the next. */
export interface CacheStage {
  /** Key of everything that invalidates the whole cache: version, templates, config, base path, drafts, future. */
  readonly fingerprint: string;
  /**
   * `partial`: a template the sources' own pages do not use changed (a list page's, the 404
   * page's), so the sources and article pages are kept and the other pages rendered again (the list
   * pages too where their templates changed). `stale` after an edit of a template only article pages
   * use (`article.liquid`) keeps the list pages.
   */
  readonly status: 'hit' | 'partial' | 'missing' | 'invalid' | 'stale' | 'off';
  /** Whether the last build's sources hold (`hit` or `partial`). */
  readonly sourcesHit: boolean;
  readonly previous: CacheData;
  readonly next: CacheData;
  /**
   * The last build's sources, also after a template or config edit: only for predictions that are
   * checked (build/predicted-links.ts). Handed out once and let go: after an edit they are no cache.
   */
  takeLastSources(): ReadonlyMap<string, CachedSource>;
  /**
   * Outputs of the last build that carry a complete key of their own and so stay valid across a
   * template or config edit: the search index's parts (search/pagefind.ts). The cache's own after a hit.
   */
  readonly lastSearchParts: ReadonlyMap<string, CachedOutput>;
  /** Generated files keyed by all their inputs (model/outputs.ts `KeyedFile`: feeds), also after a template or config edit. */
  readonly lastKeyedFiles: ReadonlyMap<string, CachedOutput>;
  /** Where the output writer keeps its manifests: one folder per output folder, so builds into several never confuse each other. */
  readonly writerState: string | undefined;
  /** Folder of the Markdown cache (cache/markdown-store.ts), kept across template and config changes; undefined when the cache is off. */
  readonly markdownStore: string | undefined;
  /**
   * Once every page and site file is written (the sources are final): writes the sources' part of the
   * cache now and lets `next.sources` go, so that their entries (each article's metadata and list
   * HTML) are not held while the search index is built. `save` completes the file.
   */
  saveSources(): void;
  /** Saves the build cache and drops stored Markdown results no source of this build has any more. */
  save(displayPrefix: string): void;
  /** On a build's failure: a save begun by `saveSources` leaves nothing behind. */
  abandon(): void;
}

export function openCache(input: CacheStageInput): CacheStage {
  const { site, enabled } = input;
  const { config, paths } = site;
  const templates = templateFingerprints(input.templateDirs);
  const settings = [VERSION, JSON.stringify(config), site.basePath, String(input.drafts), String(input.future), input.headKey];
  const fingerprint = hashOf(templates.all, ...settings);
  const cache = new BuildCache(paths.cache, fingerprint, () => {
    const kinds = templates.kinds({ sources: SOURCE_PAGE_TEMPLATES, lists: LIST_PAGE_TEMPLATES });
    return { sources: hashOf('sources', kinds.sources, ...settings), lists: hashOf('lists', kinds.lists, ...settings) };
  });
  // Only what is used is kept: a stale cache's data (`last`) would otherwise stay alive for the whole
  // build (100,000 articles: some 0.3 GB); its sources go with the prediction, its outputs but the search parts at once.
  const loaded = (enabled ? cache.load() : undefined) ?? { data: emptyCache(), status: 'off' as const, last: undefined, holding: undefined };
  const { status, last, holding } = loaded;
  // The outputs of the parts that hold; after a stale load whose lists hold, the list pages of `last`.
  const data =
    holding === undefined ? loaded.data
    : status === 'partial' ? { ...loaded.data, outputs: outputsOfParts(loaded.data.outputs, holding) }
    : { ...emptyCache(), outputs: outputsOfParts(last?.outputs ?? new Map(), holding) };
  const next = emptyCache();
  const markdownDir = enabled ? path.join(paths.cache, MARKDOWN_STORE_DIR) : undefined;
  let lastSources: ReadonlyMap<string, CachedSource> = last?.sources ?? data.sources;
  const lastSearchParts = new Map([...(last?.outputs ?? data.outputs)].filter(([name]) => name.startsWith(SEARCH_PART_PREFIX)));
  const lastKeyedFiles = new Map([...(last?.outputs ?? data.outputs)].filter(([name]) => name.startsWith(KEYED_FILE_PREFIX)));
  const hit = status === 'hit' ? data : undefined;
  const sourcesHit = status === 'hit' || status === 'partial' ? data : undefined;
  // Set by `saveSources`: the save begun with the sources (undefined where it could not be begun), and each source's hash for the pruning.
  let begun: { readonly pending: PendingCacheSave | undefined; readonly hashes: ReadonlyMap<string, string> } | undefined;
  // Writes the sources' part of the cache and lets the entries go: only their hashes are kept, for the pruning.
  const beginSave = (): NonNullable<typeof begun> => {
    const pending = warnIfUnwritable(() => cache.beginSave(next.sources), paths.root, input.problems, config.language);
    const hashes = new Map([...next.sources].map(([rel, entry]) => [rel, entry.hash]));
    next.sources.clear();
    return { pending, hashes };
  };
  return {
    fingerprint,
    status,
    sourcesHit: sourcesHit !== undefined,
    previous: data,
    next,
    lastSearchParts,
    lastKeyedFiles,
    takeLastSources: () => {
      const last = lastSources;
      lastSources = new Map();
      return last;
    },
    // A cache folder that cannot be made (a file stands there, no permission) only costs speed: a warning.
    writerState: enabled ? usableStateDir(outputStateDir(paths.cache, paths.out), paths.root, input.problems, config.language) : undefined,
    // The site is published by then: a cache that cannot be written is a warning, never a failed build.
    markdownStore: markdownDir,
    saveSources: () => {
      // After a cache hit with every source as it was, the entries are the last build's (held anyway): `save` decides.
      if (!enabled || markdownDir === undefined || begun || (sourcesHit && sameMap(sourcesHit.sources, next.sources))) return;
      begun = beginSave();
    },
    save: (displayPrefix) => {
      if (!enabled || markdownDir === undefined) return;
      // A build that took every entry as it was (nothing changed) would write the same bytes again: 0.1 s of a warm 10k build.
      if (!begun && hit && sameEntries(hit, next)) return;
      const { pending, hashes } = begun ?? beginSave();
      begun = undefined;
      if (pending) warnIfUnwritable(() => pending.finish(next), paths.root, input.problems, config.language);
      pruneMarkdownStore(new MarkdownStore(markdownDir), markdownInputsKey(markdownInputsOf(config, site.basePath)), displayPrefix, sourcesHit?.sources, hashes);
    },
    abandon: () => {
      begun?.pending?.abandon();
      begun = undefined;
    },
  };
}

/** Outputs by the part of the cache whose templates make them (cache/cache.ts `LoadedCache.holding`). */
const OUTPUTS_OF_PART: Readonly<Record<CachePart, readonly string[]>> = {
  sources: [articlePageOutput(''), ARTICLE_CONTEXT_OUTPUT],
  lists: LIST_OUTPUT_PREFIXES,
};
/**
 * Outputs whose key is made of all their inputs' bytes (search parts, feeds, the images' metadata,
 * compressed copies): with version and config the last build's, which every part's fingerprint
 * holds, no template can change them.
 */
const SELF_KEYED = [SEARCH_PART_PREFIX, KEYED_FILE_PREFIX, IMAGE_METADATA_PREFIX, COMPRESSED_PREFIX];

/** The outputs a cache keeps when the parts `holding` match but the whole fingerprint does not: theirs, and the self-keyed ones. */
function outputsOfParts(outputs: ReadonlyMap<string, CachedOutput>, holding: ReadonlySet<CachePart>): Map<string, CachedOutput> {
  const kept = [...SELF_KEYED, ...[...holding].flatMap((part) => OUTPUTS_OF_PART[part])];
  return new Map([...outputs].filter(([name]) => kept.some((prefix) => name.startsWith(prefix))));
}

/**
 * Drops the stored Markdown results no source of this build has. After a cache hit the settings
 * are the last build's, so only the entries of sources changed or deleted since are removed, by
 * name (a warm build of 100,000 articles lists no folder); otherwise the whole store is listed.
 */
function pruneMarkdownStore(store: MarkdownStore, inputsKey: string, displayPrefix: string, previous: ReadonlyMap<string, CachedSource> | undefined, next: ReadonlyMap<string, string>): void {
  const keyOf = (rel: string, hash: string): string => markdownEntryKey(inputsKey, rel, displayPrefix + rel, hash);
  if (previous) {
    for (const [rel, entry] of previous) if (next.get(rel) !== entry.hash) store.remove(keyOf(rel, entry.hash));
    return;
  }
  const live = new Set<string>();
  for (const [rel, hash] of next) live.add(keyOf(rel, hash));
  store.prune(live);
}

/** Whether `next` holds exactly the entries of `previous`, each the very object the last build left (taken, not made again). */
function sameEntries(previous: CacheData, next: CacheData): boolean {
  return sameMap(previous.sources, next.sources) && sameMap(previous.outputs, next.outputs) && sameMap(previous.assets, next.assets);
}

function sameMap<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of b) if (a.get(key) !== value) return false;
  return true;
}
