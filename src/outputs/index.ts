import { notFoundPage, themeAssets } from './basics.js';
import { feeds } from './feeds.js';
import { redirects } from './redirects.js';
import { sitemapFiles } from './sitemap.js';
import { searchPage } from './search-page.js';
import { cmsAdmin } from './cms/index.js';
import type { Generator } from './types.js';

export type { GeneratedFile, Generator, SiteSnapshot } from './types.js';

/** Every generator of site-wide files, in the order they run. */
export const generators: readonly Generator[] = [themeAssets, notFoundPage, feeds, sitemapFiles, redirects, searchPage, cmsAdmin];
