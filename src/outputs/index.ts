import { notFoundPage, themeAssets } from './basics.js';
import type { Generator } from './types.js';

export type { GeneratedFile, Generator, SiteSnapshot } from './types.js';

/** Every generator of site-wide files, in the order they run. */
export const generators: readonly Generator[] = [themeAssets, notFoundPage];
