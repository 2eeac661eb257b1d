import { parentPort } from 'node:worker_threads';
import { BUNDLE_VIA_FOLDER_FROM, buildIndex, PagefindBundle, readView } from './bundle.js';
import type { BuiltBundle, BundleFile, IndexAnswer, SearchThreadRequest } from './search-thread.js';
import type { SearchPage } from './bundle.js';
import { hashOf } from '../util/hash.js';

/**
 * The thread of search/search-thread.ts: works through what it is sent, one request after the
 * other in the order they come. Its own event loop keeps Pagefind fed while the build's thread
 * renders, writes list pages or site files.
 */

/** A part's index begun from its last pages, before the new ones are written; and what it was given. */
interface Guess {
  readonly bundle: PagefindBundle | undefined;
  readonly pages: readonly SearchPage[];
  /** The hash of each page's view as guessed (theme/search-view.ts `searchViewHash`). */
  readonly viewHashes: ReadonlyMap<string, string>;
  readonly lastPlace: boolean;
}

const guesses = new Map<number, Guess>();
const PAGES_READ_AT_ONCE = 64;

/** Begins an index from the pages as they were (the live output): the views that did not change need not be parsed once the new pages are known. */
async function guess(language: string, pages: readonly SearchPage[], lastPlace: boolean): Promise<Guess> {
  const viewHashes = new Map<string, string>();
  let bundle: PagefindBundle | undefined;
  try {
    bundle = await PagefindBundle.create(language);
    for (let i = 0; i < pages.length; i += PAGES_READ_AT_ONCE) {
      const added = pages.slice(i, i + PAGES_READ_AT_ONCE).map((page) => ({ url: page.url, view: readView(page) }));
      for (const { url, view } of added) viewHashes.set(url, hashOf(view));
      await bundle.add(added);
    }
    if (lastPlace) await bundle.addPartEnd();
    return { bundle, pages, viewHashes, lastPlace };
  } catch {
    // A last page gone or unreadable: no guess; the part is indexed from its new pages alone.
    await bundle?.discard().catch(() => undefined);
    return { bundle: undefined, pages, viewHashes, lastPlace };
  }
}

/** Whether the guess was made from the same articles in the same order: then the new views need only replace the changed ones. */
function fits(g: Guess, pages: readonly SearchPage[], lastPlace: boolean): boolean {
  return g.lastPlace === lastPlace && g.pages.length === pages.length && g.pages.every((p, i) => p.url === pages[i]!.url);
}

async function index(language: string, pages: readonly SearchPage[], lastPlace: boolean, guessed: Guess | undefined): Promise<BuiltBundle> {
  const files: BundleFile[] = [];
  const take = (path: string, content: Uint8Array): number => files.push({ path, content });
  const viaFolder = pages.length >= BUNDLE_VIA_FOLDER_FROM;
  const bundle = guessed?.bundle;
  if (guessed && bundle && fits(guessed, pages, lastPlace)) {
    // A page whose view has the guessed view's hash (the build knows the new pages' hashes) is not even read.
    const changed = pages
      .filter((page) => page.viewHash === undefined || page.viewHash !== guessed.viewHashes.get(page.url))
      .map((page) => ({ url: page.url, view: readView(page) }))
      .filter(({ url, view }) => guessed.viewHashes.get(url) !== hashOf(view));
    await bundle.add(changed);
    await bundle.take(take, viaFolder);
    return { files, guessed: true };
  }
  await bundle?.discard();
  await buildIndex(language, pages, lastPlace, take, viaFolder);
  return { files, guessed: false };
}

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: SearchThreadRequest) => {
  queue = queue.then(async () => {
    if (request.type === 'guess') {
      guesses.set(request.id, await guess(request.language, request.pages, request.lastPlace));
      return;
    }
    const guessed = request.guess === undefined ? undefined : guesses.get(request.guess);
    if (request.guess !== undefined) guesses.delete(request.guess);
    if (request.type === 'drop') {
      await guessed?.bundle?.discard().catch(() => undefined);
      return;
    }
    let answer: IndexAnswer;
    try {
      answer = { id: request.id, ...(await index(request.language, request.pages, request.lastPlace, guessed)) };
    } catch (err) {
      answer = { id: request.id, error: err instanceof Error ? err.message : String(err) };
    }
    parentPort!.postMessage(answer);
  });
});
