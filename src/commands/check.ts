import { readFileSync } from 'node:fs';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { resolveSite, type ResolvedSite } from '../config.js';
import { parseFrontmatter } from '../content/frontmatter.js';
import { build, type BuildOptions } from '../core/build.js';
import { ContentError } from '../core/errors.js';
import { compareProblems, type Problem } from '../core/problem.js';
import type { ArticleMeta } from '../core/types.js';
import { displayPrefixOf } from '../core/load.js';

export type CheckOptions = Omit<BuildOptions, 'dryRun' | 'inspect' | 'resolved' | 'onProgress'> & {
  onProgress?: BuildOptions['onProgress'];
};

export interface CheckResult {
  /** Every problem, errors and warnings, in a stable order. */
  readonly problems: readonly Problem[];
  readonly errors: number;
  readonly warnings: number;
  readonly root: string;
}


/** Line and column of a frontmatter field, read again only for the few files that need it. */
function fieldPosition(file: string, field: string): { line?: number; column?: number } {
  try {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const pos = parseFrontmatter(text).positionOf(field);
    return pos ? { line: pos.line, column: pos.column } : {};
  } catch {
    return {};
  }
}

/** Articles whose region is not one of the configured ones, with the nearest known name. */
/** What to say about a region the config does not list: a suggestion when one is close, else the list. */
export function unknownRegion(region: string, known: readonly string[]): { reason: string; fix: string } {
  const nearest = closest(region, [...known]);
  // A suggestion far from what was typed is noise; then list what is allowed instead.
  const close = distance(region.toLowerCase(), nearest.toLowerCase()) <= Math.max(2, Math.floor(nearest.length / 3));
  return close
    ? { reason: `Region "${region}" is not known. Did you mean "${nearest}"?`, fix: `write region: ${nearest}` }
    : { reason: `Region "${region}" is not known.`, fix: `use one of: ${known.join(', ')} (or add it to regions in the config)` };
}

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

/** Validates and renders everything a build would, writes nothing, and adds the editors' checks. */
export async function checkSite(options: CheckOptions = {}): Promise<CheckResult> {
  const site = resolveSite(options);
  let problems: readonly Problem[];
  try {
    const report = await build({
      ...options,
      resolved: site,
      dryRun: true,
      inspect: ({ articles }) => unknownRegions(site, articles),
    });
    problems = report.warnings;
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    problems = err.problems;
  }
  const sorted = [...problems].sort(compareProblems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  return { problems: sorted, errors, warnings: sorted.length - errors, root: site.paths.root };
}
