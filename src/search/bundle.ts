import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchView } from '../theme/search-view.js';
import { listFiles } from '../util/files.js';

/**
 * One Pagefind bundle made from the search views of a part's articles (search/pagefind.ts decides
 * which parts, and takes the files). Kept apart from the rest of the search: the search thread
 * (search/index-thread.ts) loads this module and Pagefind, nothing of the build.
 */

const PIPELINED_PAGES = 64;

/** An article page to index: its site path (without the base path) and where its file is. */
export interface SearchPage {
  readonly url: string;
  readonly file: string;
  /** The hash of its search view (theme/search-view.ts `searchViewHash`) where the build knows it. */
  readonly viewHash?: string | undefined;
}

/** The record that closes every part of a split index: one word, and a date before any article's. */
// A word no text contains: a word shared with an article hid that article from the part's search.
const PART_END_WORD = 'qxqxqxqxqx';
// Before year 1 (-62,135,596,800,000 ms), and small enough for the number type Pagefind sorts with.
const PART_END_SORT = '-99999999999999';

/**
 * Bundle files the theme never loads: Pagefind's own UIs (our search page has its own accessible
 * one) and the playground. Leaving them out keeps the output small and free of unused scripts.
 */
const UNUSED = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|playground\/)/;

// One Pagefind service serves every index of this thread (search/index-thread.ts); it is stopped
// when the last one is done, and started again for the next.
let activeIndexes = 0;
let pagefindLoaded = false;

/**
 * From this many pages on, a part's bundle comes through a temporary folder instead of memory.
 * `getFiles` brings the whole bundle through Pagefind's Node wrapper as base64 in JSON, a transient
 * of several times its size in the thread that asks for it; with one part per year of 100,000 articles (7,000
 * pages a part) that was where the build peaked: 1,795 MiB for the process tree against 1,533 MiB
 * through the folder (one run each, idle 2-core machine). Writing, reading and removing the folder's
 * files costs time (that build 236 → 272 s), so parts of the usual size (about 2,000 pages) stay in memory.
 */
export const BUNDLE_VIA_FOLDER_FROM = 4000;

type PagefindIndex = NonNullable<Awaited<ReturnType<(typeof import('pagefind'))['createIndex']>>['index']>;

/** What Pagefind reads of an article page, and nothing else (theme/search-view.ts): the index is made from what its key covers. */
export function readView(page: SearchPage): string {
  return searchView(readFileSync(page.file, 'utf8'));
}

/**
 * One Pagefind index being made: pages added in article order, then the bundle taken. A page added
 * again under the same URL takes its own place (Pagefind replaces the record where it stands), so an
 * index made from a part's last pages, with the changed ones added again, is the index of the new
 * pages, byte for byte (search/index-thread.ts guesses that way; test/unit/search-bundle.test.ts).
 */
export class PagefindBundle {
  private open = true;

  private constructor(
    private readonly index: PagefindIndex,
    private readonly language: string,
  ) {}

  static async create(language: string): Promise<PagefindBundle> {
    activeIndexes++;
    try {
      pagefindLoaded = true;
      const pagefind = await import('pagefind');
      const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
      if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
      return new PagefindBundle(index, language);
    } catch (err) {
      await release();
      throw err;
    }
  }

  /** Adds (or adds again) the views of these pages, in their order. */
  async add(views: readonly { readonly url: string; readonly view: string }[]): Promise<void> {
    // Requests are pipelined, a batch at a time: Pagefind parses while the next pages are sent
    // (10,000 pages: 6.3 s instead of 9 s), and requests still arrive in article order, which keeps
    // the index byte-identical from run to run. (Pagefind's own reading of a folder parses on all
    // cores, but in the order the file system lists the files, which differs between machines.)
    for (let i = 0; i < views.length; i += PIPELINED_PAGES) {
      await Promise.all(
        views.slice(i, i + PIPELINED_PAGES).map(async ({ url, view }) => {
          // Site paths without the base path: the search script sets Pagefind's baseUrl, which it prepends.
          const added = await this.index.addHTMLFile({ url, content: view });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
        }),
      );
    }
  }

  /**
   * A split index needs each part's results to score above zero (see templates/assets/search.js):
   * sorted by date, Pagefind scores a page by how many pages of its part are older, so the oldest
   * scores 0. A record older than every article takes that place; Pagefind drops a record without
   * words, so it has one, and the search script drops it (the only result that still scores 0).
   */
  async addPartEnd(): Promise<void> {
    const added = await this.index.addCustomRecord({ url: '/', content: PART_END_WORD, language: this.language, sort: { date: PART_END_SORT } });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the end of a search part: ${added.errors.join('; ')}`);
  }

  /** Builds the bundle and hands each file to `take`, in path order; the index is gone afterwards. */
  async take(take: (path: string, content: Uint8Array) => void, viaFolder: boolean): Promise<void> {
    try {
      if (!viaFolder) {
        const result = await this.index.getFiles();
        if (result.errors.length > 0) throw new Error(`Pagefind could not write the index: ${result.errors.join('; ')}`);
        await this.discard();
        // Pagefind returns the same files in varying order; sorted, the bundle is byte-identical across runs.
        const files = result.files.map((f) => ({ path: f.path.replace(/^\/+/, ''), content: f.content })).filter((f) => !UNUSED.test(f.path));
        for (const f of files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) take(f.path, f.content);
        return;
      }
      const bundle = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-pagefind-'));
      try {
        const result = await this.index.writeFiles({ outputPath: bundle });
        if (result.errors.length > 0) throw new Error(`Pagefind could not write the index: ${result.errors.join('; ')}`);
        await this.discard();
        // listFiles gives the paths sorted: the bundle is handed over in the same order on every run, one file at a time.
        for (const rel of listFiles(bundle)) if (!UNUSED.test(rel)) take(rel, readFileSync(path.join(bundle, rel)));
      } finally {
        rmSync(bundle, { recursive: true, force: true });
      }
    } finally {
      await this.discard();
    }
  }

  /** Drops the index (once); Pagefind's process ends with the last index of its thread. */
  async discard(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    try {
      await this.index.deleteIndex();
    } finally {
      await release();
    }
  }
}

/** Stops this thread's Pagefind service, if one was started (its child process is killed, not waited for). */
export async function closePagefind(): Promise<void> {
  if (pagefindLoaded) await (await import('pagefind')).close();
}

async function release(): Promise<void> {
  activeIndexes--;
  if (activeIndexes === 0) await (await import('pagefind')).close();
}

/** An index of the pages, read from their files in their order (and the part's end record where asked), ready to be built. */
export async function indexPages(
  language: string,
  pages: readonly SearchPage[],
  lastPlace: boolean,
  /** Told each view as it is read (a guess keeps their hashes); asked before each batch whether to go on (a dropped guess stops). */
  watch: { readonly onView?: (url: string, view: string) => void; readonly goOn?: () => boolean } = {},
): Promise<PagefindBundle> {
  const bundle = await PagefindBundle.create(language);
  try {
    // Read a batch at a time: a part's views are not all held at once (a year of 100,000 articles: some 40 MB).
    for (let i = 0; i < pages.length; i += PIPELINED_PAGES) {
      if (watch.goOn && !watch.goOn()) throw new Error('stopped');
      const views = pages.slice(i, i + PIPELINED_PAGES).map((page) => ({ url: page.url, view: readView(page) }));
      for (const { url, view } of views) watch.onView?.(url, view);
      await bundle.add(views);
    }
    if (lastPlace) await bundle.addPartEnd();
    return bundle;
  } catch (err) {
    await bundle.discard();
    throw err;
  }
}

/** Indexes the pages, read from their files, and hands each file of the bundle to `take`, in path order. */
export async function buildIndex(
  language: string,
  pages: readonly SearchPage[],
  lastPlace: boolean,
  take: (path: string, content: Uint8Array) => void,
  viaFolder = pages.length >= BUNDLE_VIA_FOLDER_FROM,
): Promise<void> {
  await (await indexPages(language, pages, lastPlace)).take(take, viaFolder);
}
