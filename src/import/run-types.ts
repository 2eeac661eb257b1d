import type { SiteOptions } from '../config/config.js';
import type { SourceArchive } from './types.js';

/** What `stadtbote import` is asked and what it answers: its own module, so import.ts and rerun.ts both depend on it. */

export interface ImportOptions extends SiteOptions {
  /** Feed or export file, static-site folder, or http(s) URL. */
  readonly source: string;
  /** Region for items whose categories and tags name none. */
  readonly region?: string;
  /** YAML file: category or tag → region. */
  readonly regionMap?: string;
  /** Overwrite files edited since the last import. */
  readonly force?: boolean;
  /** Plan and report, write nothing. */
  readonly dryRun?: boolean;
  /** "Now" for deciding which imported posts are scheduled (tests); default the clock. */
  readonly now?: number;
  /** Working folder for relative paths (default: the process's). */
  readonly cwd?: string;
}

export type ItemStatus = 'new' | 'updated' | 'unchanged' | 'edited' | 'deleted';

export interface ImportedItem {
  readonly kind: 'article' | 'page';
  readonly title: string;
  readonly oldUrl?: string;
  /** Content-relative file. */
  readonly file: string;
  readonly status: ItemStatus;
  readonly aliases: readonly string[];
  readonly dropped: readonly string[];
  readonly notes: readonly string[];
}

export interface ImportReport {
  readonly kind: SourceArchive['kind'];
  readonly items: readonly ImportedItem[];
  readonly articles: number;
  readonly pages: number;
  readonly media: number;
  readonly aliases: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly dryRun: boolean;
  /** Bodies converted to Markdown: 0 when a re-run found nothing changed. */
  readonly converted: number;
  readonly durationMs: number;
  readonly language: string;
}
