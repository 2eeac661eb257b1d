import path from 'node:path';
import { unknownName } from './did-you-mean.js';
import type { ResolvedSite } from '../config/config.js';
import { displayPrefixOf, fieldPosition } from '../content/load.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta } from '../model/types.js';

/** What to say about a region the config does not list: a suggestion when one is close, else the list. */
export function unknownRegion(region: string, known: readonly string[]): { reason: string; fix: string } {
  return unknownName('Region', region, known, 'regions', (nearest) => `write region: ${nearest}`);
}

/** Articles whose region is not one of the configured ones, with the nearest known name. */
export function unknownRegions(site: ResolvedSite, articles: readonly ArticleMeta[]): Problem[] {
  const known = site.config.regions;
  if (known.length === 0) return [];
  const knownSet = new Set(known);
  const prefix = displayPrefixOf(site.paths.content, site.paths.root);
  const problems: Problem[] = [];
  for (const a of articles) {
    const region = a.data.region;
    if (knownSet.has(region)) continue;
    problems.push({ file: prefix + a.src, ...fieldPosition(path.join(site.paths.content, a.src), 'region'), ruleId: 'unknown-region', field: 'region', ...unknownRegion(region, known), severity: 'error' });
  }
  return problems;
}

/** Region names that differ only in spelling would share one region page: the first spelling wins, the others are errors. */
export function regionSpelling(site: ResolvedSite, articles: readonly ArticleMeta[]): Problem[] {
  const prefix = displayPrefixOf(site.paths.content, site.paths.root);
  const problems: Problem[] = [];
  const regionNames = new Map<string, { name: string; src: string }>();
  for (const a of articles) {
    const seen = regionNames.get(a.regionSlug);
    if (!seen) regionNames.set(a.regionSlug, { name: a.data.region, src: a.src });
    else if (seen.name !== a.data.region) {
      problems.push({ file: prefix + a.src, ...fieldPosition(path.join(site.paths.content, a.src), 'region'), ruleId: 'region-spelling', field: 'region', reason: `region "${a.data.region}" is spelled "${seen.name}" in ${prefix}${seen.src}`, fix: `use one spelling, e.g. region: ${seen.name}`, severity: 'error' });
    }
  }
  return problems;
}
