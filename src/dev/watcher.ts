import path from 'node:path';
import { isInside } from '../util/files.js';
import { watch, type FSWatcher } from 'chokidar';
import { CONFIG_FILE_NAMES, type SitePaths } from '../config/config.js';

/**
 * Batches bursts of file events (a `git checkout` touching 500 files) into one rebuild and never
 * runs two rebuilds at once: changes that arrive during a rebuild wait for one follow-up run.
 */
export class RebuildScheduler {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstPendingAt = 0;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly run: (changes: readonly string[]) => Promise<void>,
    private readonly delayMs = 100,
    /** Longest a steady stream of events may postpone a rebuild. */
    private readonly maxWaitMs = 1000,
  ) {}

  notify(file: string): void {
    if (this.closed) return;
    if (this.pending.size === 0) this.firstPendingAt = Date.now();
    this.pending.add(file);
    if (this.running) return; // the running build schedules the follow-up when it ends
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const waited = Date.now() - this.firstPendingAt;
    this.timer = setTimeout(() => void this.flush(), waited >= this.maxWaitMs ? 0 : this.delayMs);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.running || this.closed || this.pending.size === 0) return;
    const changes = [...this.pending].sort();
    this.pending.clear();
    this.running = this.run(changes).catch(() => undefined);
    await this.running;
    this.running = undefined;
    if (this.pending.size > 0 && !this.closed) this.schedule();
  }

  /** Resolves when no rebuild runs and none is due. */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, this.delayMs));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) await this.running;
  }
}


/**
 * Watches what a build reads: content, templates, static files and the config file. The output
 * folder, the cache and dotfiles (editor swap files, the build's shadow folders) are ignored so
 * that a build never triggers itself.
 */
export async function watchSite(paths: SitePaths, onChange: (file: string, event: string) => void): Promise<FSWatcher> {
  const sources = [paths.content, paths.templates, paths.static];
  const configFiles = paths.configFile ? [paths.configFile] : CONFIG_FILE_NAMES.map((n) => path.join(paths.root, n));
  const excluded = [paths.out, paths.cache];
  const roots = [paths.root, ...sources.filter((s) => !isInside(paths.root, s)), ...configFiles.filter((c) => !isInside(paths.root, c))];

  const ignored = (file: string): boolean => {
    const abs = path.resolve(file);
    if (roots.includes(abs)) return false;
    if (excluded.some((e) => isInside(e, abs))) return true;
    const base = path.basename(abs);
    if (base.startsWith('.') || base.endsWith('~')) return true;
    if (configFiles.includes(abs)) return false;
    // Folders leading to a source folder must be walked; anything else under the root is not ours.
    return !sources.some((s) => isInside(s, abs) || isInside(abs, s));
  };

  const watcher = watch(roots, { ignored, ignoreInitial: true, persistent: true });
  watcher.on('all', (event, file) => onChange(path.resolve(file), event));
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  return watcher;
}
