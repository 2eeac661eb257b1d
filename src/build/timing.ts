/**
 * With STADTBOTE_TIMING=1, prints how long each stage of a build took and the main thread's heap in
 * use at its end (for profiling builds: where a large archive's memory goes).
 */
export class StageTimer {
  private readonly enabled = process.env.STADTBOTE_TIMING === '1';
  private lap: number;

  constructor(readonly started: number = performance.now()) {
    this.lap = started;
  }

  mark(stage: string): void {
    if (!this.enabled) return;
    const t = performance.now();
    const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    process.stderr.write(`[timing] ${stage}: ${(t - this.lap).toFixed(0)} ms (main heap ${heap} MiB)\n`);
    this.lap = t;
  }

  elapsed(): number {
    return performance.now() - this.started;
  }
}
