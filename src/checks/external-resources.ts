import { rulesIn } from '../model/messages.js';
import type { Problem } from '../model/problem.js';
import { isAllowed } from '../util/hosts.js';
import type { ThreadedFileCheck } from '../model/outputs.js';
import { isGeneratorOwner } from '../i18n/owners.js';
import type { ExternalResource } from './resource-scan.js';
import { scanWrittenFile } from './scan-file.js';

export { findExternalCssResources, findExternalResources, type ExternalResource } from './resource-scan.js';

/** The scan's module as the file thread loads it: the TypeScript source under the test runner, else the compiled file. */
const SCAN_MODULE = new URL(import.meta.url.endsWith('.ts') ? './scan-file.ts' : './scan-file.js', import.meta.url).href;
const SCANNED = /\.(?:html?|css)$/i;

/**
 * Collects the external resources of every HTML and CSS file a build writes: the output writer runs
 * its scan on each file it is handed (write/site-output.ts), where it makes the file. German site
 * operators have been held liable for pages that make readers' browsers contact third parties
 * (fonts, CDNs), so each one is an error unless the config lists its host under `allowedHosts`.
 * One problem per resource, naming the first file and how many more use it, keeps a theme-wide
 * mistake readable.
 */
export class ExternalResourceCheck implements ThreadedFileCheck<ExternalResource[]> {
  readonly module = SCAN_MODULE;
  readonly data: string;
  readonly scan = scanWrittenFile;
  /** What each file loads from elsewhere, in the order the files were put. */
  private readonly findings: { readonly rel: string; readonly resources: readonly ExternalResource[] }[] = [];

  constructor(
    siteHost: string,
    private readonly allowedHosts: readonly string[],
    /** The site's language, for the problems' words. */
    private readonly language = 'de',
  ) {
    this.data = siteHost;
  }

  wants(outPath: string): boolean {
    return SCANNED.test(outPath);
  }

  found(outPath: string, resources: ExternalResource[]): void {
    this.findings.push({ rel: outPath, resources });
  }

  /**
   * The problems of every file scanned so far; the writer has made (and so scanned) every file put
   * when the caller asks (write/site-output.ts `finishChecks`). `ownerOf` names who produced an output
   * path, for the message (a source file, a template, `static/…`).
   */
  problems(ownerOf: (outPath: string) => string | undefined = () => undefined): Problem[] {
    const seen = new Map<string, { resource: ExternalResource; first: string; count: number }>();
    // In the order the files were put (write/file-queue.ts tells findings so), which is the same in
    // every run: render threads hand their pages back in the order given (render/pool.ts `streamBatches`).
    for (const { rel, resources } of this.findings) {
      for (const resource of resources) {
        if (isAllowed(resource.host, this.allowedHosts)) continue;
        const key = `${resource.kind} ${resource.url}`;
        const entry = seen.get(key);
        if (entry) entry.count++;
        else seen.set(key, { resource, first: rel, count: 1 });
      }
    }
    return [...seen.values()].map(({ resource, first, count }) => {
      const owner = ownerOf(first);
      return {
        file: owner && !isGeneratorOwner(owner) ? owner : first,
        ruleId: 'external-resource',
        ...rulesIn(this.language)['external-resource'].page({ first, more: count - 1, kind: resource.kind, host: resource.host, url: resource.url }),
        severity: 'error' as const,
      };
    });
  }
}
