import type { OutputWriter } from './writer.js';

/**
 * What the build's stages write through: the output writer, with every file whose bytes are written
 * handed to the writer's checks of written files (external resources, model/outputs.ts), which scan
 * it where it is made. Files kept from the last build are not handed over: the cache fingerprints
 * cover the templates they were made with and config, so they passed the same checks. Keyed files (feeds, model/outputs.ts)
 * are kept across config edits too: they are XML and JSON, which the checks do not read; an HTML or
 * CSS file made keyed would have to be handed over. A dry run (`check`) has no writer: it writes
 * nothing, keeps nothing and so checks no written file.
 */
export class SiteOutput {
  constructor(readonly writer: OutputWriter | undefined) {}

  get dryRun(): boolean {
    return this.writer === undefined;
  }

  /** Writes a file of the new output (nothing in a dry run). */
  put(rel: string, content: string | Uint8Array, hash?: string): void {
    this.writer?.put(rel, content, hash, true);
  }

  /**
   * Writes a file again that was put in this build already, without handing it to the checks a
   * second time (they would count it twice): for an article page finished with links to other articles.
   */
  replace(rel: string, content: string, hash?: string): void {
    this.writer?.put(rel, content, hash, false);
  }

  /** Waits until the writer's checks have scanned every file put so far (write/writer.ts `finishChecks`). */
  finishChecks(): void {
    this.writer?.finishChecks();
  }

  /** Carries a file over from the last build; false when its bytes are not there to keep (always in a dry run). */
  keep(rel: string, hash: string): boolean {
    return this.writer?.keep(rel, hash) ?? false;
  }

  /** Whether `keep` would succeed; a dry run has nothing to write, so anything can be had. */
  canKeep(rel: string, hash: string): boolean {
    return !this.writer || this.writer.canKeep(rel, hash);
  }

  /** Content hash of a file written or kept in this build (the search index keys its parts by the pages' bytes). */
  hashOf(rel: string): string | undefined {
    return this.writer?.hashOf(rel);
  }

  /** Bytes of a file written or kept in this build (the search index reads the article pages back). */
  read(rel: string): Buffer {
    if (!this.writer) throw new Error(`nothing is written in a dry run: ${rel}`);
    return this.writer.read(rel);
  }

  /** Where a file written or kept in this build is until the commit (the search thread reads the article pages there). */
  fileOf(rel: string): string {
    if (!this.writer) throw new Error(`nothing is written in a dry run: ${rel}`);
    return this.writer.fileOf(rel);
  }
}
