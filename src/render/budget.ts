import { splitPacked, type Packed } from './transfer.js';
import { rulesIn } from '../model/messages.js';
import type { Piscina } from 'piscina';
import type { Problem } from '../model/problem.js';
import type { SourceFile, SourceResult } from '../model/types.js';

/**
 * The render budget: every source renders within a time and a memory limit. Limits on single
 * constructs (markdown/limits.ts) catch what is known to be slow; the budget catches everything
 * else, so that no source, however written, can stall a build for minutes or take the machine's
 * memory. A source over budget is reported as a problem naming the file; its thread is ended and
 * replaced, and the other sources of its batch render again.
 */
export interface RenderBudget {
  /** Longest time one source may take to validate and render, in milliseconds. */
  readonly ms: number;
  /** Heap of a render thread, in MB: a source that needs more ends the thread. */
  readonly mb: number;
}

/**
 * A 2 MB source of ordinary prose renders in about 2 s and 300 MB on a 2-core machine; the
 * budget leaves room for slow CI machines and stops a hostile source long before it hurts.
 */
export const DEFAULT_RENDER_BUDGET: RenderBudget = { ms: 20_000, mb: 1024 };

/**
 * Sources up to this size render in the main thread when a build is too small for worker threads;
 * larger ones render in a budget thread. Measured on 2 cores: starting a render thread costs about
 * 0.5 s; the slowest body known of 16 KB (3,200 unclosed image brackets) renders in well under a
 * second, while at 32 KB it already takes 3.5 s. Real news items are 2–10 KB, so small builds
 * almost never pay for the thread.
 */
export const LOCAL_SOURCE_BYTES = 16 * 1024;

export function budgetProblem(source: SourceFile, exceeded: 'time' | 'memory', budget: RenderBudget, language: string): Problem {
  const t = rulesIn(language)['render-budget'];
  const text = exceeded === 'time' ? t.time({ seconds: budget.ms / 1000 }) : t.memory({ megabytes: budget.mb });
  return { file: source.display, line: 1, column: 1, ruleId: 'render-budget', ...text, severity: 'error' };
}

/** Slot a render thread writes its progress to: [index of the source it renders + 1, when it started (ms)]. */
export type ProgressSlot = SharedArrayBuffer;

export function newProgressSlot(): ProgressSlot {
  return new SharedArrayBuffer(16);
}

/** Called by the render thread before each source of a task. */
export function markSourceStart(slot: ProgressSlot | undefined, index: number): void {
  if (!slot) return;
  const view = new BigInt64Array(slot);
  Atomics.store(view, 1, BigInt(Date.now()));
  Atomics.store(view, 0, BigInt(index + 1));
}

/** Index of the source a task was rendering, or -1 before the first. */
function currentSource(slot: ProgressSlot): number {
  return Number(Atomics.load(new BigInt64Array(slot), 0)) - 1;
}

/**
 * One timer for all running tasks: it reads each task's progress slot and aborts a task whose
 * current source has run longer than the budget. The timer only runs while tasks do.
 */
class Watchdog {
  private readonly watched = new Map<ProgressSlot, () => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ms: number) {}

  watch(slot: ProgressSlot, onExpired: () => void): () => void {
    this.watched.set(slot, onExpired);
    this.timer ??= setInterval(() => this.check(), Math.max(10, Math.min(500, this.ms / 10)));
    return () => {
      this.watched.delete(slot);
      if (this.watched.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private check(): void {
    const now = Date.now();
    for (const [slot, onExpired] of this.watched) {
      const view = new BigInt64Array(slot);
      if (Atomics.load(view, 0) > 0n && now - Number(Atomics.load(view, 1)) > this.ms) {
        this.watched.delete(slot);
        onExpired();
      }
    }
  }
}

function isOutOfMemory(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * Runs sources on worker threads under the budget. A task that overruns is aborted (Piscina ends
 * its thread and starts a new one); a task whose thread runs out of memory fails. Either way the
 * progress slot names the source at fault: it gets a `render-budget` problem, the others of its
 * batch are sent again.
 */
export class BudgetedSources {
  private readonly watchdog: Watchdog;

  constructor(
    private readonly budget: RenderBudget,
    private readonly language: string,
  ) {
    this.watchdog = new Watchdog(budget.ms);
  }

  async run(pool: Piscina, sources: readonly SourceFile[], task: (sources: readonly SourceFile[], progress: ProgressSlot) => unknown): Promise<(SourceResult | Packed)[]> {
    const results: (SourceResult | Packed)[] = new Array<SourceResult | Packed>(sources.length);
    let pending = sources.map((_, i) => i);
    while (pending.length > 0) {
      const slot = newProgressSlot();
      const controller = new AbortController();
      const unwatch = this.watchdog.watch(slot, () => controller.abort(new Error('render budget exceeded')));
      try {
        // The thread answers with its results packed (render/transfer.ts).
        const out = splitPacked((await pool.run(task(pending.map((i) => sources[i]!), slot), { signal: controller.signal })) as Uint8Array);
        out.forEach((r, j) => (results[pending[j]!] = r));
        pending = [];
      } catch (err) {
        const exceeded = controller.signal.aborted ? 'time' : isOutOfMemory(err) ? 'memory' : undefined;
        const at = currentSource(slot);
        if (exceeded === undefined || at < 0 || at >= pending.length) throw err;
        const culprit = pending[at]!;
        const source = sources[culprit]!;
        results[culprit] = { kind: 'invalid', src: source.rel, problems: [budgetProblem(source, exceeded, this.budget, this.language)] };
        pending = pending.filter((_, j) => j !== at);
      } finally {
        unwatch();
      }
    }
    return results;
  }
}
