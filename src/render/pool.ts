import os from 'node:os';
import { Piscina } from 'piscina';
import type { RenderContext } from './renderer.js';
import { Renderer } from './renderer.js';
import type { SourceFile, SourceResult } from '../model/types.js';
import type { WorkerTask } from './messages.js';
import type { ArticleLinks, TemplateJob } from '../theme/views.js';
import { splitPacked, unpacked, type Packed } from './transfer.js';
import { BudgetedSources, DEFAULT_RENDER_BUDGET, LOCAL_SOURCE_BYTES, type RenderBudget } from './budget.js';

/** An article's predicted links to other articles, by source path (build/predicted-links.ts). */
export type ArticleLinksOf = (rel: string) => ArticleLinks | undefined;

/** Below this many items to render, starting worker threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 300;
/** Bodies parsed in this thread before the rest of a large render goes to threads: the Markdown cache did not have them. */
const PARSED_BEFORE_THREADS = 16;
/**
 * Above this many sources a render from stored bodies goes to threads all the same: what a render
 * leaves behind piles up in this thread's heap until V8 collects it, and threads keep that apart
 * (a template edit of 100,000 articles: 1,916 MiB at its peak here, 1,479–1,492 MiB on threads).
 */
const STORED_RENDER_HERE_MAX = 25_000;
const SOURCE_BATCH = 64;
/** Sources announced to the Markdown store's read-ahead at a time (cache/store-read-ahead.ts). */
const READ_AHEAD_SOURCES = 128;
const PAGE_BATCH = 32;
const WORKER_YOUNG_GENERATION_MB = 32;

/**
 * Renders on all cores: worker threads for large builds, this thread for small ones. The threads
 * are started on first use and kept for the build's later stages (list pages after articles).
 */
export class RenderPool {
  private pool: Piscina | undefined;
  /** One thread for the large sources of a build too small for the pool: the budget needs a thread to end. */
  private isolated: Piscina | undefined;
  private readonly budgeted: BudgetedSources;
  private isolatedUsed = false;
  /** Set when a large render of stored bodies ran in this thread (see `renderSources`). */
  private renderedStoredHere = false;
  /** Set while `renderSources` streams sources to the threads (see `rendersSourcesOnThreads`). */
  private sourcesOnThreads = false;
  private started = false;
  private localRenderer: Renderer | undefined;
  private readonly threads: number;

  /** `workers`: threads to use; 0 renders in this thread; undefined: one per core when it pays. */
  constructor(
    private readonly context: RenderContext,
    private readonly contextKey: string,
    private readonly workers?: number,
    private readonly budget: RenderBudget = DEFAULT_RENDER_BUDGET,
  ) {
    this.threads = workers ?? Math.max(1, Math.min(os.availableParallelism(), 8));
    this.budgeted = new BudgetedSources(budget, context.config.language);
  }

  /** Worker threads that have rendered so far; 0 when everything ran in this thread. */
  get threadsUsed(): number {
    return this.started ? this.threads : this.isolatedUsed ? 1 : 0;
  }

  /** Stored bodies this thread took from the read-ahead thread (cache/store-read-ahead.ts): for the timing report. */
  get storedReadAhead(): number {
    return this.localRenderer?.storedReadAhead ?? 0;
  }

  /** The renderer of this thread, for small jobs. */
  local(): Renderer {
    return (this.localRenderer ??= new Renderer(this.context));
  }

  private parallel(count: number): Piscina | undefined {
    if (this.threads === 0) return undefined;
    if (!this.pool && this.workers === undefined && (count < PARALLEL_THRESHOLD || this.threads === 1)) return undefined;
    this.started = true;
    this.pool ??= this.newPool(this.threads);
    return this.pool;
  }

  private newPool(threads: number): Piscina {
    const ts = import.meta.url.endsWith('.ts');
    return new Piscina({
      filename: new URL(ts ? './worker.ts' : './worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // Under the TypeScript test runner the worker needs the same loader as the main thread.
      execArgv: ts ? ['--import', 'tsx'] : [],
      idleTimeout: 1000,
      // A render thread makes short-lived garbage fast (Markdown events, trees, strings): with an 8 MB
      // young generation it spent a sixth of its time collecting and promoted much of it. 32 MB, measured
      // on a cold 10,000-article build (three alternating pairs): 14.5–17.3 s → 12.1–14.9 s, CPU −15 %,
      // peak +70–80 MB (still below Hugo's); 64 MB gained little more for another 100 MB.
      // The old generation is the render budget's memory limit: a source that needs more ends its thread.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: this.budget.mb },
    });
  }

  private sourcesTask(sources: readonly SourceFile[], progress: SharedArrayBuffer, articleLinksOf?: ArticleLinksOf): WorkerTask {
    const articleLinks = articleLinksOf ? sources.map((s) => articleLinksOf(s.rel)) : undefined;
    return { kind: 'sources', contextKey: this.contextKey, context: this.context, sources, progress, ...(articleLinks ? { articleLinks } : {}) };
  }

  /**
   * Renders sources, calling `onResult` in the order given as results stream in. Items given as a
   * path are read only when their batch is sent, and only a few batches per thread are in flight,
   * so memory holds a bounded number of sources whatever the archive's size. `articleLinksOf` gives
   * an article's predicted links to other articles, so that its page comes finished (render/renderer.ts).
   */
  async renderSources(
    items: readonly (SourceFile | string)[],
    read: (rel: string) => SourceFile,
    onResult: (result: SourceResult, source: SourceFile) => Promise<void> | void,
    articleLinksOf?: ArticleLinksOf,
  ): Promise<void> {
    const load = (item: SourceFile | string): SourceFile => (typeof item === 'string' ? read(item) : item);
    const renderOneHere = async (item: SourceFile | string): Promise<void> => {
      const source = load(item);
      await onResult(await this.renderHere(source, articleLinksOf), source);
    };
    let start = 0;
    // Sources loaded and announced to the read-ahead, not rendered yet.
    let ahead: SourceFile[] = [];
    if (this.rendersHereFirst(items.length)) {
      // Bodies stored by earlier builds (a template or config edit) make a page in a fraction of a
      // millisecond: less than threads cost to start and to send pages back (10,000 articles after
      // a template edit: 5.2–5.5 s and 7.3 s of CPU here, 5.9–6.1 s and 10.5 s on two threads). Render
      // here until bodies have to be parsed for real; then the rest goes to the threads.
      const renderer = this.local();
      const parsedBefore = renderer.markdownRendered;
      try {
        while ((ahead.length > 0 || start < items.length) && renderer.markdownRendered - parsedBefore < PARSED_BEFORE_THREADS) {
          // The next sources are announced while half of those before are still to render: their stored bodies are read ahead on a thread.
          if (ahead.length <= READ_AHEAD_SOURCES / 2 && start < items.length) {
            const next = items.slice(start, start + READ_AHEAD_SOURCES).map(load);
            start += next.length;
            renderer.readAhead(next);
            ahead = ahead.concat(next);
          }
          const source = ahead.shift()!;
          await onResult(await this.renderHere(source, articleLinksOf), source);
        }
      } finally {
        renderer.endReadAhead();
      }
    }
    const remaining = start === 0 ? items : [...ahead, ...items.slice(start)];
    this.renderedStoredHere ||= start > 0 && remaining.length === 0;
    const pool = this.parallel(remaining.length);
    if (!pool) {
      for (const item of remaining) await renderOneHere(item);
      return;
    }
    function* batches(): Generator<Batch<SourceFile>> {
      for (let i = 0; i < remaining.length; i += SOURCE_BATCH) yield { items: remaining.slice(i, i + SOURCE_BATCH).map(load) };
    }
    const run = (sources: readonly SourceFile[]): Promise<(SourceResult | Packed)[]> => this.budgeted.run(pool, sources, (s, p) => this.sourcesTask(s, p, articleLinksOf));
    this.sourcesOnThreads = true;
    try {
      await streamBatches<SourceFile, SourceResult | Packed>(run, this.threads * 4, batches(), (result, source) => onResult(unpacked(result), source));
    } finally {
      this.sourcesOnThreads = false;
    }
  }

  /** Whether sources are being rendered on the threads now: then they take every core (Markdown is most of a cold build's work). */
  get rendersSourcesOnThreads(): boolean {
    return this.sourcesOnThreads;
  }

  /** Whether a large render starts in this thread: threads chosen automatically, none running yet, and stored bodies to take. */
  private rendersHereFirst(count: number): boolean {
    return this.workers === undefined && !this.pool && count >= PARALLEL_THRESHOLD && count <= STORED_RENDER_HERE_MAX && this.local().hasStoredMarkdown;
  }

  /** One source in this thread; one too large to be surely quick renders in a thread of its own, under the budget (only a thread can be ended). */
  private async renderHere(source: SourceFile, articleLinksOf?: ArticleLinksOf): Promise<SourceResult> {
    const large = (source.size ?? source.text?.length ?? 0) > LOCAL_SOURCE_BYTES;
    this.isolatedUsed ||= large;
    if (!large) return this.local().renderSourceLoaded(source, articleLinksOf?.(source.rel));
    return unpacked((await this.budgeted.run((this.isolated ??= this.newPool(1)), [source], (s, p) => this.sourcesTask(s, p, articleLinksOf)))[0]!);
  }

  /**
   * Renders template pages, calling `onPage` with each page's HTML. Jobs are taken from the iterable
   * only as batches go out, so a plan that makes its pages as it goes is never held whole.
   */
  async renderPages<J extends TemplateJob>(jobs: Iterable<J>, onPage: (job: J, html: string) => Promise<void> | void): Promise<void> {
    // Enough jobs to know whether threads pay; the rest stay in the iterable until their batch is due.
    const iterator = jobs[Symbol.iterator]();
    const first: J[] = [];
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      first.push(next.value);
      if (first.length >= PARALLEL_THRESHOLD) break;
    }
    // After sources rendered here from stored bodies, template pages are rendered here too: for the same reason.
    // Threads that are not running yet are not started for template pages alone (an edit of a list
    // template, where every source comes from the cache): starting them and sending the pages back
    // cost more than they save (10,000 articles, 2,748 list pages: 3.1–4.0 s against 2.3–2.6 s of
    // wall time and 240 against 410 MiB at the peak; 100,000: 24.2–24.4 s against 17.6–21.6 s).
    const idle = !this.pool && this.workers === undefined;
    const pool = this.renderedStoredHere || idle ? undefined : this.parallel(first.length);
    if (!pool) {
      const renderer = this.local();
      for (const job of rest(first, iterator)) await onPage(job, renderer.renderPage(job.template, job.chrome, job.data));
      return;
    }
    const { context, contextKey } = this;
    function* batches(): Generator<Batch<J>> {
      let batch: J[] = [];
      for (const job of rest(first, iterator)) {
        batch.push(job);
        if (batch.length < PAGE_BATCH) continue;
        yield { items: batch };
        batch = [];
      }
      if (batch.length > 0) yield { items: batch };
    }
    // The thread answers with its pages packed (render/transfer.ts).
    const run = async (batch: readonly J[]): Promise<Packed[]> =>
      splitPacked((await pool.run({ kind: 'pages', contextKey, context, pages: batch.map(jobOnly) } satisfies WorkerTask)) as Uint8Array);
    await streamBatches<J, Packed>(run, this.threads * 4, batches(), (html, job) => onPage(job, unpacked<string>(html)));
  }

  async close(): Promise<void> {
    await Promise.all([this.pool?.destroy(), this.isolated?.destroy()]);
    this.pool = undefined;
    this.isolated = undefined;
  }
}

/** The items taken already, then the rest of the iterator. */
function* rest<T>(taken: T[], iterator: Iterator<T>): Generator<T> {
  // Handed on one by one and let go: `taken` empties as it is read.
  while (taken.length > 0) yield taken.shift()!;
  for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
}

/** The job without what callers add to it (URL, cache key): less to copy to the thread. */
function jobOnly({ template, chrome, data }: TemplateJob): TemplateJob {
  // Taking the union apart loses which data goes with which template; it is the same job's.
  return { template, chrome, data } as TemplateJob;
}

/** Items sent to a thread together. */
export interface Batch<T> {
  readonly items: readonly T[];
}

/**
 * Runs batches on the pool with at most `limit` in flight, handing each item and its result to
 * `onResult` in the order of the batches, whichever thread finishes first: what the build does with
 * them (which of two sources that want one address gets it, which page a message names first) is
 * then the same in every run. Batches are taken from the iterable only when there is room, so items
 * that are read or built per batch, and their results, never pile up in memory.
 */
export async function streamBatches<T, R>(run: (items: readonly T[]) => Promise<R[]>, limit: number, batches: Iterable<Batch<T>>, onResult: (result: R, item: T) => Promise<void> | void): Promise<void> {
  // Oldest first: each batch is handed on after the one before it, so the oldest is always the next to end.
  const inFlight: Promise<void>[] = [];
  for (const { items } of batches) {
    const before = inFlight.at(-1);
    const job = Promise.all([run(items), before]).then(async ([results]) => {
      for (let j = 0; j < results.length; j++) await onResult(results[j]!, items[j]!);
    });
    // A failure is thrown where its batch is awaited, in batch order; until then it is not unhandled.
    void job.catch(() => undefined);
    inFlight.push(job);
    if (inFlight.length >= limit) await inFlight.shift();
  }
  await Promise.all(inFlight);
}
