/** With STADTBOTE_TIMING=1, prints how long each stage of a build took (for profiling builds). */
export class StageTimer {
  private readonly enabled = process.env.STADTBOTE_TIMING === '1';
  private lap: number;

  constructor(readonly started: number = performance.now()) {
    this.lap = started;
  }

  mark(stage: string): void {
    if (!this.enabled) return;
    const t = performance.now();
    process.stderr.write(`[timing] ${stage}: ${(t - this.lap).toFixed(0)} ms\n`);
    this.lap = t;
  }

  elapsed(): number {
    return performance.now() - this.started;
  }
}
