import { notFoundPage, themeAssets } from './basics.js';
import { iconFiles } from './icons.js';
import { feeds } from './feeds.js';
import { redirects } from './redirects.js';
import { apacheFiles } from './apache.js';
import { netlifyFiles } from './netlify.js';
import { nginxFiles } from './nginx.js';
import { sitemapFiles } from './sitemap.js';
import { searchPage } from './search-page.js';
import { cmsAdmin } from './cms/index.js';
import type { Generator } from './types.js';

export type { GeneratedFile, Generator, KeyedFile, SiteSnapshot } from './types.js';

/** Every generator of site-wide files, in the order they run. */
export const generators: readonly Generator[] = [themeAssets, iconFiles, notFoundPage, feeds, sitemapFiles, redirects, searchPage, nginxFiles, apacheFiles, netlifyFiles, cmsAdmin];
