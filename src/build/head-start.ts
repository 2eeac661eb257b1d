import { existsSync } from 'node:fs';
import { cacheFileIn } from '../cache/cache.js';
import type { ResolvedSite } from '../config/config.js';
import { SourceStamps, type KnownSource, type StampOf } from '../content/source-stamps.js';
import { CopyCheck } from '../write/copy-check.js';
import type { CopyVerdict } from '../write/manifest.js';
import { liveManifestFile, outputStateDir } from '../write/writer.js';

/**
 * What a build starts on threads before it loads its cache, so that the cache stage finds it done:
 * the check of an output folder that CI restored (write/copy-check.ts), and the sources' stamps or,
 * in CI, their hashes (content/source-stamps.ts). Without a cache (`--no-cache`, a dry run) nothing
 * is started and every source is read.
 */
export class HeadStart {
  private stamps: SourceStamps | undefined;
  /** A restored copy's sources are hashed once the copy is checked. */
  private hashLater = false;

  private constructor(
    private readonly site: ResolvedSite,
    private readonly copyCheck: CopyCheck | undefined,
    private readonly enabled: boolean,
  ) {}

  /** Starts the check of a restored output, first: it takes longest. */
  static begin(site: ResolvedSite, cacheEnabled: boolean): HeadStart {
    const { paths } = site;
    const copyCheck = cacheEnabled ? CopyCheck.start(paths.out, liveManifestFile(outputStateDir(paths.cache, paths.out))) : undefined;
    return new HeadStart(site, copyCheck, cacheEnabled);
  }

  /**
   * Starts on the sources once listed. Their stamps go on a thread while the cache loads — not without
   * a cache file (no stamps to compare with), not in a restored copy: that is CI, whose checkout gave
   * every source new times, so the thread hashes them instead, after the copy check (`copyVerdict`;
   * two threads beside this one would slow all three).
   */
  sources(sources: readonly string[]): void {
    if (!this.enabled) return;
    const hasCache = existsSync(cacheFileIn(this.site.paths.cache));
    this.stamps = SourceStamps.take(this.site.paths.content, sources, hasCache && !this.copyCheck?.copy);
    this.hashLater = hasCache && this.copyCheck?.copy === true;
  }

  /** A source's stamp now, from the thread where it got there; undefined without a cache (then every source is read). */
  get stampOf(): StampOf | undefined {
    return this.stamps?.stampOf;
  }

  /** A source the thread read and hashed (CI). */
  get knownOf(): ((rel: string) => KnownSource | undefined) | undefined {
    return this.stamps?.knownOf;
  }

  /** How the sources were surveyed, for the timing report: stamps taken here, sources hashed here while the copy was checked, sources the thread answered for. */
  get survey(): string {
    const stamps = this.stamps;
    if (!stamps) return 'no stamps';
    return `${stamps.takenHere} stamps taken here, ${stamps.hashedWhileWaiting} sources hashed while the output was checked, ${stamps.answeredOnThread} on the thread`;
  }

  /** The verdict on a restored output, for the writer; the sources of a copy are hashed here while it is awaited, the rest then on a thread. */
  async copyVerdict(): Promise<CopyVerdict | undefined> {
    const pending = this.copyCheck?.verdict();
    // The sources of a copy are read whatever the verdict: this thread begins on them while the check runs.
    const verdict = await (this.hashLater && this.stamps && pending ? this.stamps.hashWhile(pending) : pending);
    if (this.hashLater) this.stamps?.startHashing();
    return verdict;
  }

  /** The cache stage is done: the thread stops; stamps taken stay (a template edit asks for them when it renders). */
  sourcesTaken(): void {
    this.stamps?.close();
  }

  /** On a build's failure: threads still at work stop. */
  close(): void {
    this.copyCheck?.close();
    this.stamps?.close();
  }
}
