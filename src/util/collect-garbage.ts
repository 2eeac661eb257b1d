import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, now, that compacts the heap, so that the freed memory goes back to the
 * system. V8 collects when a thread allocates; a build that has let go of its pages' data and then
 * waits for Pagefind (a year of 100,000 articles: 0.6–0.8 GiB of Pagefind's own) allocates little, so
 * the memory it no longer uses stayed resident beside Pagefind's — measured: the main process at
 * 1.04 GB while it needed 0.67. A collection alone is not enough: what survives (the cache's and the
 * output's lists of 226,000 files) stays spread over the heap's pages, which V8 keeps (100,000
 * articles: heap 662 MiB, 208 MiB of it used, after `gc()`). Compacting moves it together and the
 * emptied pages are unmapped. Node offers no call for either without flags; set at run time, as Jest
 * does for `--logHeapUsage`, `--expose-gc` gives `gc` to new contexts, and the compaction flag is
 * read by each full collection, here only by this one. Costs some hundred milliseconds on a large heap.
 */
export function collectGarbage(): void {
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    fullCollection();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/**
 * Heap in use above which a build collects at the end of its long stages (`collectIfLarge`). A
 * 10,000-article build's main thread stays below 200 MiB and never pays for it; 100,000 articles
 * pass 380 MiB once their sources are looked up in the cache.
 */
const LARGE_HEAP_BYTES = 384 * 2 ** 20;

/**
 * A full collection, now, where the heap in use is above `limit`; whether it collected. V8 lets a
 * heap grow well beyond what lives in it before it collects on its own, and each long stage of a
 * large build leaves most of what it made behind (results handed on, neighbours worked out): the
 * next stage, whose threads grow too, would begin on top of it. Measured on a template edit of
 * 100,000 articles: the main heap at 1,013 MiB after the article pages, 544 MiB after a
 * collection; the build's peak 1,490–1,509 MiB without, 1,196–1,244 MiB with a collection after
 * each of its three long stages (some 300 ms each, of a 60–70 s build). Not `collectGarbage`:
 * its compaction first copies what survives, and the peak rose to 1,653 MiB.
 */
export function collectIfLarge(limit: number = LARGE_HEAP_BYTES): boolean {
  if (getHeapStatistics().used_heap_size <= limit) return false;
  fullCollection();
  return true;
}

/** V8's `gc`, taken once from a context made with `--expose-gc`. */
let exposedGc: (() => void) | undefined;

/** A full collection, as V8 makes one on its own. */
function fullCollection(): void {
  if (!exposedGc) {
    setFlagsFromString('--expose-gc');
    exposedGc = runInNewContext('gc') as () => void;
  }
  exposedGc();
}
