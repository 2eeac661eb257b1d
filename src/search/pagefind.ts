import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { VERSION } from '../version.js';
import { searchView } from '../theme/search-view.js';
import os from 'node:os';
import path from 'node:path';
import { listFiles } from '../util/files.js';
import { fileURLToPath } from 'node:url';
import type { CacheData, CachedOutput } from '../cache/cache.js';
import type { ResolvedSite } from '../config/config.js';
import type { ArticleMeta } from '../model/types.js';
import { outputPathFor } from '../model/urls.js';
import type { SiteOutput } from '../write/site-output.js';
import { hashOf } from '../util/hash.js';
import { SEARCH_DIR, searchParts, type SearchPart } from './parts.js';
import { owner } from '../i18n/owners.js';

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
}

/** Cache entries of the parts: `search:` for a single index, `search:2022-2024` for a part of those years. */
export const SEARCH_PART_PREFIX = 'search:';
const CACHE_ENTRY = SEARCH_PART_PREFIX;
/** Who writes the search bundle, in messages about paths that collide with it. */
export const SEARCH_OWNER = owner('searchIndex');
const PIPELINED_PAGES = 64;
/** The record that closes every part of a split index: one word, and a date before any article's. */
// A word no text contains: a word shared with an article hid that article from the part's search.
const PART_END_WORD = 'qxqxqxqxqx';
// Before year 1 (-62,135,596,800,000 ms), and small enough for the number type Pagefind sorts with.
const PART_END_SORT = '-99999999999999';

/** The files that load and run the search: needed once, in the primary part. */
const LOADER = /^(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;

/**
 * Bundle files the theme never loads: Pagefind's own UIs (our search page has its own accessible
 * one) and the playground. Leaving them out keeps the output small and free of unused scripts.
 */
const UNUSED = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|playground\/)/;

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
  return hashOf(...parts);
}

// One Pagefind service serves every index of this process; it is stopped when the last one is done,
// so that a build run from the CLI can exit while a concurrent build in the same process still indexes.
let activeIndexes = 0;
let indexRuns = 0;

/** How often this process has run Pagefind, so that tests can see the cache at work. */
export function searchIndexRuns(): number {
  return indexRuns;
}

/**
 * From this many pages on, a part's bundle comes through a temporary folder instead of memory.
 * `getFiles` brings the whole bundle through Pagefind's Node wrapper as base64 in JSON, a transient
 * of several times its size in the main thread; with one part per year of 100,000 articles (7,000
 * pages a part) that was where the build peaked: 1,795 MiB for the process tree against 1,533 MiB
 * through the folder (one run each, idle 2-core machine). Writing, reading and removing the folder's
 * files costs time (that build 236 → 272 s), so parts of the usual size (about 2,000 pages) stay in memory.
 */
export const BUNDLE_VIA_FOLDER_FROM = 4000;

/** Indexes the articles and hands each file of the bundle to `take`, in path order. */
export async function buildIndex(
  input: Pick<SearchInput, 'writer' | 'site'>,
  articles: readonly Pick<ArticleMeta, 'url'>[],
  lastPlace: boolean,
  take: (path: string, content: Uint8Array) => void,
  viaFolder = articles.length >= BUNDLE_VIA_FOLDER_FROM,
): Promise<void> {
  const { writer, site } = input;
  activeIndexes++;
  indexRuns++;
  try {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({ forceLanguage: site.config.language });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    // Articles are read back from the new output: the same bytes readers get, links resolved.
    // Requests are pipelined, a batch at a time: Pagefind parses while the next pages are sent
    // (10,000 pages: 6.3 s instead of 9 s), and requests still arrive in article order, which keeps
    // the index byte-identical from run to run.
    for (let i = 0; i < articles.length; i += PIPELINED_PAGES) {
      await Promise.all(
        articles.slice(i, i + PIPELINED_PAGES).map(async (a) => {
          // What Pagefind reads of the page, and nothing else (theme/search-view.ts): the index is made from what its key covers.
          const html = searchView(writer.read(outputPathFor(a.url)).toString('utf8'));
          // Site paths without the base path: the search script sets Pagefind's baseUrl, which it prepends.
          const added = await index.addHTMLFile({ url: a.url, content: html });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${a.url}: ${added.errors.join('; ')}`);
        }),
      );
    }
    // A split index needs each part's results to score above zero (see templates/assets/search.js):
    // sorted by date, Pagefind scores a page by how many pages of its part are older, so the oldest
    // scores 0. A record older than every article takes that place; Pagefind drops a record without
    // words, so it has one, and the search script drops it (the only result that still scores 0).
    if (lastPlace) {
      const added = await index.addCustomRecord({ url: '/', content: PART_END_WORD, language: site.config.language, sort: { date: PART_END_SORT } });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the end of a search part: ${added.errors.join('; ')}`);
    }
    if (!viaFolder) {
      const result = await index.getFiles();
      if (result.errors.length > 0) throw new Error(`Pagefind could not write the index: ${result.errors.join('; ')}`);
      await index.deleteIndex();
      // Pagefind returns the same files in varying order; sorted, the bundle is byte-identical across runs.
      const files = result.files.map((f) => ({ path: f.path.replace(/^\/+/, ''), content: f.content })).filter((f) => !UNUSED.test(f.path));
      for (const f of files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) take(f.path, f.content);
      return;
    }
    const bundle = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-pagefind-'));
    try {
      const result = await index.writeFiles({ outputPath: bundle });
      if (result.errors.length > 0) throw new Error(`Pagefind could not write the index: ${result.errors.join('; ')}`);
      await index.deleteIndex();
      // listFiles gives the paths sorted: the bundle is handed over in the same order on every run.
      for (const rel of listFiles(bundle)) if (!UNUSED.test(rel)) take(rel, readFileSync(path.join(bundle, rel)));
    } finally {
      rmSync(bundle, { recursive: true, force: true });
    }
  } finally {
    activeIndexes--;
    if (activeIndexes === 0) await (await import('pagefind')).close();
  }
}

/**
 * Builds the Pagefind index of all published articles into `<out>/pagefind/` (or one bundle per part,
 * `<out>/pagefind/<years>/`, see ./parts.ts). Pages other than articles are not indexed (only article
 * pages carry `data-pagefind-body`), drafts are never written. A part whose pages are the same as in
 * the last build, in the same role, keeps its previous bundle as it is.
 */
export async function indexSearch(input: SearchInput): Promise<SearchResult> {
  const { claim, allowStale = false } = input;
  const claimed = new Set<string>();
  const claimOnce = (rel: string): boolean => {
    if (claimed.has(rel)) return true;
    if (!claim(rel, SEARCH_OWNER)) return false;
    claimed.add(rel);
    return true;
  };
  const parts = searchParts(input.articles, input.site.config.searchSplit);
  const statuses: SearchStatus[] = [];
  let indexedArticles = 0;
  for (const part of parts) {
    const status = await indexPart(input, part, part === parts[0], claimOnce, allowStale);
    if (status === 'indexed') indexedArticles += part.articles.length;
    statuses.push(status);
  }
  // A part that is gone (a year without articles now) leaves nothing behind: a build writes only what it claims.
  const status: SearchStatus = statuses.includes('indexed') ? 'indexed' : statuses.includes('stale') ? 'stale' : 'kept';
  return { status, parts: parts.length, indexedParts: statuses.filter((s) => s === 'indexed').length, indexedArticles };
}

async function indexPart(input: SearchInput, part: SearchPart, primary: boolean, claimOnce: (rel: string) => boolean, allowStale: boolean): Promise<SearchStatus> {
  const { writer, site, previous, next } = input;
  // The role is part of the key: only the primary part carries the script, worker and WebAssembly.
  const key = hashOf(searchKey(site, writer, part.articles, input.searchHashOf), primary ? 'primary' : 'merged');
  const entry = CACHE_ENTRY + part.name;
  const dir = part.name ? `${SEARCH_DIR}/${part.name}` : SEARCH_DIR;
  const cached: CachedOutput | undefined = previous.outputs.get(entry) ?? input.lastParts?.get(entry);
  // A stale part keeps its old key in the cache, so the next build that may not be stale indexes it again.
  if (cached && (cached.key === key || allowStale) && cached.files.length > 0) {
    let complete = true;
    for (const [rel, hash] of cached.files) {
      if (!claimOnce(rel)) continue;
      if (!writer.keep(rel, hash)) {
        complete = false;
        break;
      }
    }
    if (complete) {
      next.outputs.set(entry, cached);
      return cached.key === key ? 'kept' : 'stale';
    }
  }

  // Merged parts are searched by the primary part's script and WebAssembly: their own copies are left out.
  const written: [string, string][] = [];
  await buildIndex(input, part.articles, part.name !== '', (file, content) => {
    if (!primary && LOADER.test(file)) return;
    const rel = `${dir}/${file}`;
    if (!claimOnce(rel)) return;
    const hash = hashOf(content);
    writer.put(rel, content, hash);
    written.push([rel, hash]);
  });
  next.outputs.set(entry, { key, files: written });
  return 'indexed';
}
