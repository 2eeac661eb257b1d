import { rulesIn } from '../model/messages.js';
import type { Problem } from '../model/problem.js';
import { isAllowed } from '../util/hosts.js';
import type { WrittenFileCheck } from '../model/outputs.js';
import { isGeneratorOwner } from '../i18n/owners.js';
import type { ExternalResource } from './resource-scan.js';
import { ScanQueue } from './scan-queue.js';

export { findExternalCssResources, findExternalResources, type ExternalResource } from './resource-scan.js';

/**
 * Collects the external resources of every HTML and CSS file a build writes: the build hands it
 * each written file (write/site-output.ts). German site operators
 * have been held liable for pages that make readers' browsers contact third parties (fonts, CDNs),
 * so each one is an error unless the config lists its host under `allowedHosts`. One problem per
 * resource, naming the first file and how many more use it, keeps a theme-wide mistake readable.
 */
export class ExternalResourceCheck implements WrittenFileCheck {
  private readonly queue: ScanQueue;

  constructor(
    siteHost: string,
    private readonly allowedHosts: readonly string[],
    /** Who produced an output path, for the message (a source file, a template, `static/…`). */
    private readonly ownerOf: (outPath: string) => string | undefined = () => undefined,
    /** The site's language, for the problems' words. */
    private readonly language = 'de',
    /** Files scanned in this thread before a thread of its own takes over (checks/scan-queue.ts). */
    threadFrom?: number,
    /** Whether a core is free for that thread. */
    coreFree?: () => boolean,
  ) {
    this.queue = new ScanQueue(siteHost, threadFrom, coreFree);
  }

  inspect(outPath: string, content: string | Uint8Array): void {
    const isHtml = /\.html?$/i.test(outPath);
    const isCss = /\.css$/i.test(outPath);
    if (!isHtml && !isCss) return;
    this.queue.add(outPath, typeof content === 'string' ? content : Buffer.from(content).toString('utf8'), isCss);
  }

  /** The problems of every file inspected; ends the scan thread. */
  async problems(): Promise<Problem[]> {
    const seen = new Map<string, { resource: ExternalResource; first: string; count: number }>();
    for (const { rel, resources } of await this.queue.finish()) {
      for (const resource of resources) {
        if (isAllowed(resource.host, this.allowedHosts)) continue;
        const key = `${resource.kind} ${resource.url}`;
        const entry = seen.get(key);
        if (entry) entry.count++;
        else seen.set(key, { resource, first: rel, count: 1 });
      }
    }
    return [...seen.values()].map(({ resource, first, count }) => {
      const owner = this.ownerOf(first);
      return {
        file: owner && !isGeneratorOwner(owner) ? owner : first,
        ruleId: 'external-resource',
        ...rulesIn(this.language)['external-resource'].page({ first, more: count - 1, kind: resource.kind, host: resource.host, url: resource.url }),
        severity: 'error' as const,
      };
    });
  }

  /** Ends the scan thread of a build that is abandoned. */
  close(): void {
    this.queue.close();
  }
}
