import type { ResolvedSite } from '../config/config.js';
import type { GeneratedFile, KeyedFile } from '../model/outputs.js';
import type { HtmlPageEntry, SiteModel } from '../model/site.js';
import type { Renderer } from '../render/renderer.js';
import type { PageMeta } from '../model/types.js';

export type { GeneratedFile, KeyedFile, OutputSource } from '../model/outputs.js';

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
  readonly htmlPages: readonly HtmlPageEntry[];
}

/** A generator of site-wide files (feeds, sitemap, …): a pure function of the snapshot. */
export type Generator = (snapshot: SiteSnapshot) => (GeneratedFile | KeyedFile)[];
