import childProcess, { type ChildProcess } from 'node:child_process';
import { parentPort } from 'node:worker_threads';
import { hashOf } from '../util/hash.js';
import { closePagefind, indexPages, type PagefindBundle, readView, type SearchPage } from './bundle.js';
import type { BuiltBundle, BundleFile, IndexAnswer, IndexJob, SearchThreadRequest } from './search-thread.js';

/**
 * The thread of search/search-thread.ts: works through what it is sent, one request after the
 * other in the order they come. Its own event loop keeps Pagefind fed while the build's thread
 * renders, writes list pages or site files. `drop` and `close` act at once, not in turn.
 */

// Pagefind's Node API starts its indexer as a child process, unref'd, and kills it on close
// without waiting for its end. The child belongs to this thread's event loop: a thread that ended
// right after would leave it unreaped (a zombie per build in a long-running dev server, and its CPU
// time counted nowhere). So the thread keeps hold of the children started in it, and `close` waits
// for their end before the thread ends. Only this thread's `child_process` is wrapped.
const children = new Set<ChildProcess>();
/** Set by `close`: nothing more is started. */
let closing = false;
const spawn = childProcess.spawn;
childProcess.spawn = function (this: unknown, ...args: Parameters<typeof spawn>): ChildProcess {
  // A request still running when `close` came would start Pagefind again: refused, so nothing outlives the thread.
  if (closing) throw new Error('the search thread is closing');
  const child = spawn.apply(this, args);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
} as typeof spawn;

/** A part's index begun from its last pages, before the new ones are written; and what it was given. */
interface Guess {
  readonly bundle: PagefindBundle;
  readonly pages: readonly SearchPage[];
  /** The hash of each page's view as guessed (theme/search-view.ts `searchViewHash`). */
  readonly viewHashes: ReadonlyMap<string, string>;
  readonly lastPlace: boolean;
}

const guesses = new Map<number, Guess>();
/** Guesses dropped before they were made, or while: made no further. */
const dropped = new Set<number>();

/** Begins an index from the pages as they were (the live output): the views that did not change need not be parsed once the new pages are known. */
async function guess(id: number, job: IndexJob): Promise<Guess | undefined> {
  const viewHashes = new Map<string, string>();
  try {
    const bundle = await indexPages(job.language, job.pages, job.lastPlace, {
      onView: (url, view) => viewHashes.set(url, hashOf(view)),
      goOn: () => !dropped.has(id) && !closing,
    });
    return { bundle, pages: job.pages, viewHashes, lastPlace: job.lastPlace };
  } catch {
    // A last page gone or unreadable, or the guess dropped: no guess (indexPages let its index go); the part is indexed from its new pages alone.
    return undefined;
  }
}

/** Whether the guess was made from the same articles in the same order: then the new views need only replace the changed ones. */
function fits(g: Guess, job: IndexJob): boolean {
  return g.lastPlace === job.lastPlace && g.pages.length === job.pages.length && g.pages.every((p, i) => p.url === job.pages[i]!.url);
}

/** The index of the job's pages: the guess with the changed views added again where it fits, else made from the new pages. */
async function indexOf(job: IndexJob, guessed: Guess | undefined): Promise<{ bundle: PagefindBundle; guessed: boolean }> {
  if (guessed && fits(guessed, job)) {
    const { bundle } = guessed;
    try {
      // A page whose view has the guessed view's hash (the build knows the new pages' hashes) is not even read.
      const changed = job.pages
        .filter((page) => page.viewHash === undefined || page.viewHash !== guessed.viewHashes.get(page.url))
        .map((page) => ({ url: page.url, view: readView(page) }))
        .filter(({ url, view }) => guessed.viewHashes.get(url) !== hashOf(view));
      await bundle.add(changed);
      return { bundle, guessed: true };
    } catch (err) {
      await bundle.discard();
      throw err;
    }
  }
  await guessed?.bundle.discard();
  return { bundle: await indexPages(job.language, job.pages, job.lastPlace), guessed: false };
}

/** Builds the job's bundle, its files handed back in memory (parts beside the build are small: search/pagefind.ts). */
async function build(job: IndexJob, guessed: Guess | undefined): Promise<BuiltBundle> {
  const index = await indexOf(job, guessed);
  const files: BundleFile[] = [];
  await index.bundle.take((path, content) => void files.push({ path, content }), false);
  return { files, guessed: index.guessed };
}

/** Ends the thread once Pagefind's processes are gone: every guess dropped, the service stopped, its child reaped. */
async function close(): Promise<void> {
  closing = true;
  await closePagefind().catch(() => undefined);
  await Promise.all([...children].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)))));
  process.exit(0);
}

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: SearchThreadRequest) => {
  if (request.type === 'close') {
    void close();
    return;
  }
  if (request.type === 'drop') {
    dropped.add(request.guess);
    queue = queue.then(async () => {
      const g = guesses.get(request.guess);
      guesses.delete(request.guess);
      await g?.bundle.discard().catch(() => undefined);
    });
    return;
  }
  queue = queue.then(async () => {
    if (closing) return;
    if (request.type === 'guess') {
      const g = dropped.has(request.id) ? undefined : await guess(request.id, request);
      if (g && dropped.has(request.id)) await g.bundle.discard().catch(() => undefined);
      else if (g) guesses.set(request.id, g);
      return;
    }
    const guessed = request.guess === undefined ? undefined : guesses.get(request.guess);
    if (request.guess !== undefined) guesses.delete(request.guess);
    let answer: IndexAnswer;
    try {
      answer = { id: request.id, ...(await build(request, guessed)) };
    } catch (err) {
      answer = { id: request.id, error: err instanceof Error ? err.message : String(err) };
    }
    parentPort!.postMessage(answer);
  });
});
