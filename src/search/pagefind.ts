import { readFileSync } from 'node:fs';
import { VERSION } from '../version.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CacheData, CachedOutput } from '../cache/cache.js';
import type { ResolvedSite } from '../config/config.js';
import type { ArticleMeta } from '../model/types.js';
import { outputPathFor } from '../model/urls.js';
import type { SiteOutput } from '../write/site-output.js';
import { hashOf, hashOfList } from '../util/hash.js';
import { SEARCH_DIR, searchParts } from './parts.js';
import { owner } from '../i18n/owners.js';
import { SearchThread, type BuiltBundle } from './search-thread.js';
import { buildIndex, BUNDLE_VIA_FOLDER_FROM, type SearchPage } from './bundle.js';
import { LastParts } from './last-parts.js';
import { collectIfLarge } from '../util/collect-garbage.js';

export { SEARCH_DIR };

export interface SearchInput {
  /** Where the bundle goes; the article pages are read back from it. */
  readonly writer: SiteOutput;
  readonly site: ResolvedSite;
  readonly articles: readonly ArticleMeta[];
  readonly previous: CacheData;
  readonly next: CacheData;
  readonly claim: (outPath: string, owner: string) => boolean;
  /** Keep the previous index when articles changed, instead of indexing again (the dev server while editing). */
  readonly allowStale?: boolean;
  /** Hash of an article page's search view (theme/search-view.ts), where the build knows it; else the page's own hash is used. */
  readonly searchHashOf?: (url: string) => string | undefined;
  /** The parts of the last build also after a template or config edit (their keys cover all they depend on); `previous.outputs` otherwise. */
  readonly lastParts?: ReadonlyMap<string, CachedOutput>;
}

/** What became of the search index: built again, kept because nothing it shows changed, or kept although something did. */
export type SearchStatus = 'indexed' | 'kept' | 'stale';

/** The index as a whole (`indexed` when any part was built again) and how many of its parts were built. */
export interface SearchResult {
  readonly status: SearchStatus;
  readonly parts: number;
  readonly indexedParts: number;
  readonly indexedArticles: number;
  /** Parts built again from an index of their last pages begun while the build rendered (`SearchIndexing.guess`). */
  readonly guessedParts: number;
}

/** Cache entries of the parts: `search:` for a single index, `search:2022-2024` for a part of those years. */
export const SEARCH_PART_PREFIX = 'search:';
const CACHE_ENTRY = SEARCH_PART_PREFIX;
/** Who writes the search bundle, in messages about paths that collide with it. */
export const SEARCH_OWNER = owner('searchIndex');
/** The files that load and run the search: needed once, in the primary part. */
const LOADER = /^(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;

function pagefindVersion(): string {
  try {
    // The package exports no package.json; it is found beside the folder of its entry module.
    const entry = fileURLToPath(import.meta.resolve('pagefind'));
    const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Everything a part's index depends on: the Pagefind version, the language, and each of its articles'
 * URL with the hash of what Pagefind is given of the page: its search view (theme/search-view.ts),
 * or the page itself where the view's hash is not known. Only a change to what is indexed of a page
 * of this part changes its key; an edit elsewhere — another part, a footer line of every page, a
 * source change that leaves the page as it was — does not.
 */
export function searchKey(site: ResolvedSite, writer: SiteOutput, articles: readonly ArticleMeta[], searchHashOf: SearchInput['searchHashOf'] = () => undefined): string {
  // Stadtbote's version too: the key is also trusted across a template or config edit, where the cache's fingerprint does not guard it.
  const parts = [VERSION, pagefindVersion(), site.basePath, site.config.language];
  for (const a of articles) {
    const view = searchHashOf(a.url);
    // The two kinds of hash are told apart, so that a page's own hash is never taken for a view's.
    parts.push(a.url, view === undefined ? `page:${writer.hashOf(outputPathFor(a.url)) ?? ''}` : `view:${view}`);
  }
  return hashOfList(parts);
}

let indexRuns = 0;

/** How often this process has had a bundle built, so that tests can see the cache at work. */
export function searchIndexRuns(): number {
  return indexRuns;
}

/**
 * Whether the build collects garbage after taking a part (`collectIfLarge`). Large parts are built
 * in the build's thread one after the other, each beside a Pagefind process of its own size: what
 * feeding one left behind goes before the next. Switching search on for 100,000 articles (14 parts
 * of some 7,000 pages) grew the process from 820 to 947 MiB, and the build peaked at 1,513–1,536
 * MiB; collected after each part (215–315 ms each), it stayed at 823–867 MiB and peaked at
 * 1,447–1,473 MiB. Not after the last part built here (nothing is built beside what it would free),
 * nor for parts built on the search thread beside the build (small ones, whose feeding was there).
 */
export function collectsAfterPart(beside: boolean, status: SearchStatus | 'guessed', later: readonly { readonly reusable?: unknown }[]): boolean {
  return !beside && status === 'indexed' && later.some((part) => !part.reusable);
}

/** A part of the index as this build plans it: its key and cache entry, and its bundle where it is built again. */
interface PlannedPart {
  /** The part's name and its articles' URLs: only these are kept, not the articles (the whole site's metadata while Pagefind indexes). */
  readonly part: { readonly name: string; readonly urls: readonly string[] };
  readonly primary: boolean;
  readonly key: string;
  readonly entry: string;
  readonly dir: string;
  /** The last build's bundle where it may be kept (same key, or stale allowed). */
  readonly reusable: CachedOutput | undefined;
  /** The bundle on its way from the search thread; let go once taken. */
  bundle?: Promise<BuiltBundle> | undefined;
}

/** What guesses are made from: the last build's parts and the live output their pages are in. */
export interface SearchGuessInput {
  readonly language: string;
  readonly lastParts: ReadonlyMap<string, CachedOutput>;
  readonly outDir: string;
}

/** At most this many parts are begun from their last pages: an edit, not a pull of a hundred articles, is what a guess is for. */
const MAX_GUESSED_PARTS = 4;

/**
 * Parts below this many pages are built beside the build, on the search thread, and begun from
 * guesses. A larger one (a year of 100,000 articles, or one index of a large site) is built here,
 * after the list pages and site files, once the file thread's memory is given back: Pagefind's own
 * memory is the build's peak there (7,000 pages: about 0.6 GiB), and a thread would add its own.
 */
const PART_BESIDE_BUILD_BELOW_PAGES = BUNDLE_VIA_FOLDER_FROM;

/**
 * The Pagefind index of all published articles, in `<out>/pagefind/` (or one bundle per part,
 * `<out>/pagefind/<years>/`, see ./parts.ts). Pages other than articles are not indexed (only article
 * pages carry `data-pagefind-body`), drafts are never written. A part whose pages are the same as in
 * the last build, in the same role, keeps its previous bundle as it is.
 *
 * In steps, so that Pagefind works while the build does (search/search-thread.ts): `guess`, as the
 * build finds a changed article, begins its part's index from the last pages; `start` once every
 * article page is written sends the parts to build; `finish` takes the bundles where the build took
 * them before: their files are claimed and written there, in part order.
 */
export class SearchIndexing {
  private thread: SearchThread | undefined;
  /** Guesses begun by `guess`, by part name. */
  private readonly guesses = new Map<string, number>();
  /** The input without its articles, which are let go once planned: the parts keep their URLs. */
  private started: { readonly input: Omit<SearchInput, 'articles'>; readonly planned: readonly PlannedPart[]; readonly beside: boolean } | undefined;
  /** Where guesses come from, set before the build looks for changed sources (`allowGuesses`). */
  private guessFrom: { readonly input: SearchGuessInput; readonly parts: LastParts } | undefined;

  /** Allows guesses in this build (the last build's parts are known, and it has a live output). */
  allowGuesses(input: SearchGuessInput): void {
    this.guessFrom = { input, parts: new LastParts(input.lastParts, CACHE_ENTRY) };
  }

  /**
   * Begins the index of the part of the last build that a changed article was in, from the part's
   * pages in the live output: by the time the new pages are written, only those whose search view
   * changed are left to add (a part of 900 pages: 0.4–0.7 s of Pagefind's parsing done beside the
   * build). A guess that does not fit (the part has other articles now) is dropped for a fresh index.
   */
  guess(lastUrl: string): void {
    const from = this.guessFrom;
    const part = from?.parts.of(lastUrl);
    if (!from || !part || this.started || this.guesses.has(part.name) || this.guesses.size >= MAX_GUESSED_PARTS || part.pages.length >= PART_BESIDE_BUILD_BELOW_PAGES) return;
    const pages = part.pages.map((url) => ({ url, file: path.join(from.input.outDir, outputPathFor(url)) }));
    try {
      this.guesses.set(part.name, this.searchThread().guess({ language: from.input.language, pages, lastPlace: part.name !== '' }));
    } catch {
      // Only a head start: a thread that cannot start now is started (and its failure told) where the index is built.
    }
  }

  /** Whether a planned part is built again, not kept from the last build (before `finish`). */
  get indexesHere(): boolean {
    return !!this.started?.planned.some((p) => !p.reusable);
  }

  /**
   * Plans the parts (every article page is final now). Parts below `PART_BESIDE_BUILD_BELOW_PAGES`
   * pages go to the search thread at once, to be built beside the build; with a larger one, every
   * part is built here when its turn comes in `finish`, its files written as Pagefind hands them
   * over. Returns whether they are built beside the build.
   */
  start(input: SearchInput): boolean {
    const { writer, site, previous, allowStale = false } = input;
    const parts = searchParts(input.articles, site.config.searchSplit);
    const beside = parts.every((part) => part.articles.length < PART_BESIDE_BUILD_BELOW_PAGES);
    const { articles: _planned, ...kept } = input;
    const planned = parts.map((part, i): PlannedPart => {
      const primary = i === 0;
      // The role is part of the key: only the primary part carries the script, worker and WebAssembly.
      const key = hashOf(searchKey(site, writer, part.articles, input.searchHashOf), primary ? 'primary' : 'merged');
      const entry = CACHE_ENTRY + part.name;
      const cached: CachedOutput | undefined = previous.outputs.get(entry) ?? input.lastParts?.get(entry);
      const reusable = cached && (cached.key === key || allowStale) && cached.files.length > 0 ? cached : undefined;
      return { part: { name: part.name, urls: part.articles.map((a) => a.url) }, primary, key, entry, dir: part.name ? `${SEARCH_DIR}/${part.name}` : SEARCH_DIR, reusable };
    });
    this.started = { input: kept, planned, beside };
    if (!beside) {
      // Parts are built in this thread, one after the other: no guess is taken, and the search thread goes before Pagefind starts here.
      this.guesses.clear();
      this.close();
      return false;
    }
    // Guesses no part takes go first: their indexes are let go before the parts that are needed are built.
    const taken = new Set(planned.filter((p) => !p.reusable).map((p) => p.part.name));
    for (const [name, guess] of this.guesses) {
      if (taken.has(name)) continue;
      this.thread?.drop(guess);
      this.guesses.delete(name);
    }
    for (const p of planned) if (!p.reusable) p.bundle = this.bundleOf(input, p);
    return true;
  }

  /** Takes every part: kept as it was, or its new bundle claimed and written. */
  async finish(): Promise<SearchResult> {
    const started = this.started;
    if (!started) throw new Error('SearchIndexing.finish before start');
    const claimed = new Set<string>();
    const claimOnce = (rel: string): boolean => {
      if (claimed.has(rel)) return true;
      if (!started.input.claim(rel, SEARCH_OWNER)) return false;
      claimed.add(rel);
      return true;
    };
    const statuses: SearchStatus[] = [];
    let indexedArticles = 0;
    let guessedParts = 0;
    try {
      for (const [i, p] of started.planned.entries()) {
        const status = await this.take(started.input, p, claimOnce);
        if (status === 'indexed' || status === 'guessed') indexedArticles += p.part.urls.length;
        if (status === 'guessed') guessedParts++;
        statuses.push(status === 'guessed' ? 'indexed' : status);
        if (collectsAfterPart(started.beside, status, started.planned.slice(i + 1))) collectIfLarge();
      }
    } finally {
      this.close();
    }
    // A part that is gone (a year without articles now) leaves nothing behind: a build writes only what it claims.
    const status: SearchStatus = statuses.includes('indexed') ? 'indexed' : statuses.includes('stale') ? 'stale' : 'kept';
    return { status, parts: started.planned.length, indexedParts: statuses.filter((s) => s === 'indexed').length, indexedArticles, guessedParts };
  }

  /** Ends the search thread and Pagefind's process: after `finish`, or when the build failed before it. */
  close(): void {
    this.thread?.close();
    this.thread = undefined;
  }

  private searchThread(): SearchThread {
    return (this.thread ??= SearchThread.start());
  }

  /** The pages of a part, read by Pagefind where the writer has them: the same bytes readers get, links resolved. */
  private pagesOf(input: Omit<SearchInput, 'articles'>, p: PlannedPart): SearchPage[] {
    return p.part.urls.map((url) => ({ url, file: input.writer.fileOf(outputPathFor(url)), viewHash: input.searchHashOf?.(url) }));
  }

  private bundleOf(input: Omit<SearchInput, 'articles'>, p: PlannedPart): Promise<BuiltBundle> {
    indexRuns++;
    const guess = this.guesses.get(p.part.name);
    this.guesses.delete(p.part.name);
    return this.searchThread().index({ language: input.site.config.language, pages: this.pagesOf(input, p), lastPlace: p.part.name !== '' }, guess);
  }

  private async take(input: Omit<SearchInput, 'articles'>, p: PlannedPart, claimOnce: (rel: string) => boolean): Promise<SearchStatus | 'guessed'> {
    const { writer, next } = input;
    if (p.reusable) {
      let complete = true;
      for (const [rel, hash] of p.reusable.files) {
        if (!claimOnce(rel)) continue;
        if (!writer.keep(rel, hash)) {
          complete = false;
          break;
        }
      }
      if (complete) {
        // A stale part keeps its old key in the cache, so the next build that may not be stale indexes it again.
        next.outputs.set(p.entry, p.reusable);
        return p.reusable.key === p.key ? 'kept' : 'stale';
      }
    }
    // Merged parts are searched by the primary part's script and WebAssembly: their own copies are left out.
    const written: [string, string][] = [];
    const put = (file: string, content: Uint8Array): void => {
      if (!p.primary && LOADER.test(file)) return;
      const rel = `${p.dir}/${file}`;
      if (!claimOnce(rel)) return;
      const hash = hashOf(content);
      writer.put(rel, content, hash);
      written.push([rel, hash]);
    };
    let guessed = false;
    if (p.bundle) {
      const bundle = await p.bundle;
      // Let go: the files are in the writer now (a part's bundle held to the end of the build was some 1.3 KB an article).
      p.bundle = undefined;
      guessed = bundle.guessed;
      for (const { path: file, content } of bundle.files) put(file, content);
    } else {
      // A large part, after the build (or one whose kept files were gone): built here, its files written as Pagefind hands them over.
      indexRuns++;
      await buildIndex(input.site.config.language, this.pagesOf(input, p), p.part.name !== '', put);
    }
    next.outputs.set(p.entry, { key: p.key, files: written, pages: p.part.urls });
    return guessed ? 'guessed' : 'indexed';
  }
}
