import { existsSync } from 'node:fs';
import { startThread } from '../util/threads.js';
import type { Worker } from 'node:worker_threads';
import { folderOfManifest, type CopyVerdict } from './manifest.js';

/** What the thread is given: the live output's manifest and folder. */
export interface CopyCheckData {
  readonly manifest: string;
  readonly out: string;
}

/**
 * The check of a live output folder that CI brought back from its cache (write/manifest.ts
 * `readState`): every file of it listed and compared with the manifest's stamps, 0.3–0.45 s for
 * the 23,000 files of a 10,000-article site with search (0.55–0.6 s beside the cache's load), which
 * the writer needs before the first page is kept. Started on a thread of its own as the build
 * begins, it runs while this thread loads the cache and the content; the writer takes the verdict
 * when it opens, and a CI build hashes sources while it waits (content/source-stamps.ts
 * `hashWhile`). Only where a check is due: the manifest was written for another folder (a warm
 * build on the same folder starts no thread).
 */
export class CopyCheck {
  private constructor(
    private readonly thread: Worker,
    private readonly answer: Promise<CopyVerdict | undefined>,
    /** Another folder than the manifest's (another inode): CI restored it, so its sources come from a checkout too. */
    readonly copy: boolean,
  ) {}

  static start(out: string, manifest: string | undefined): CopyCheck | undefined {
    const folder = manifest === undefined || !existsSync(out) ? undefined : folderOfManifest(manifest, out);
    if (manifest === undefined || folder === undefined || folder === 'this') return undefined;
    let thread: Worker;
    try {
      thread = startThread(import.meta.url, './copy-check-thread', { workerData: { manifest, out } satisfies CopyCheckData });
    } catch {
      return undefined;
    }
    // Held until it answers: a build waiting for nothing else would otherwise let the process end.
    thread.ref();
    const answer = new Promise<CopyVerdict | undefined>((resolve) => {
      const settle = (verdict: CopyVerdict | undefined): void => {
        thread.unref();
        resolve(verdict);
      };
      thread.once('message', settle);
      // A thread that fails (out of memory, a broken install) gives no verdict: the writer checks itself.
      thread.on('error', () => settle(undefined));
      thread.once('exit', () => settle(undefined));
    });
    return new CopyCheck(thread, answer, folder === 'copy');
  }

  /** The thread's verdict; undefined when it had none (it failed, or the manifest changed meanwhile): the writer then checks itself. */
  verdict(): Promise<CopyVerdict | undefined> {
    return this.answer;
  }

  /** Stops the thread when the build ends before it needs the verdict (a failed build). */
  close(): void {
    void this.thread.terminate();
  }
}
