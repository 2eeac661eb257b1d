import type { ArticleMeta } from './types.js';

/** The published articles of one region, newest first. */
export interface RegionSummary {
  readonly name: string;
  readonly slug: string;
  readonly count: number;
  readonly articles: readonly ArticleMeta[];
}

/** The published articles of one topic, newest first. */
export type TopicSummary = RegionSummary;

/** The published site as list pages, feeds, sitemap and search see it. */
export interface SiteModel {
  /** Published articles, newest first. */
  readonly articles: readonly ArticleMeta[];
  readonly regions: readonly RegionSummary[];
  /** Topics with at least one published article, in the order of their names. */
  readonly topics: readonly TopicSummary[];
  readonly years: readonly { year: string; articles: readonly ArticleMeta[]; months: readonly { month: string; articles: readonly ArticleMeta[] }[] }[];
}

/** A public HTML page of the site, for the sitemap: its site path and the day it last changed. */
export interface HtmlPageEntry {
  readonly url: string;
  readonly lastmod?: string;
}
