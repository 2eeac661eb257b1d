import type { ResolvedSite } from '../config/config.js';
import type { SiteModel } from '../build/plan.js';
import type { Renderer } from '../render/renderer.js';
import type { PageMeta } from '../model/types.js';

/** What every generator of site-wide files sees once all articles are known. */
export interface SiteSnapshot {
  readonly site: ResolvedSite;
  readonly renderer: Renderer;
  readonly model: SiteModel;
  /** Standalone pages (Impressum, …). */
  readonly pages: readonly PageMeta[];
  /** Body HTML of the articles that are in some feed, links resolved, by source path. */
  readonly feedBodies: ReadonlyMap<string, string>;
  /** Site path of every generated HTML page, for the sitemap. */
  readonly htmlPages: readonly { url: string; lastmod?: string }[];
}

export interface GeneratedFile {
  /** Path inside the output folder, forward slashes, no leading slash. */
  readonly path: string;
  readonly content: string | Uint8Array;
  /** Who produced it, for duplicate-path messages. */
  readonly owner?: string;
  /** The content file behind it, named when it collides with another output. */
  readonly source?: OutputSource;
}

/** A content file an output comes from: its path in the content folder, and the frontmatter field that made the output. */
export interface OutputSource {
  readonly src: string;
  readonly field?: string;
}

/** A generator of site-wide files (feeds, sitemap, …): a pure function of the snapshot. */
export type Generator = (snapshot: SiteSnapshot) => GeneratedFile[];
