import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { resolveSite, type ResolvedSite } from '../config.js';
import { parseFrontmatter } from '../content/frontmatter.js';
import { build, type BuildOptions } from '../core/build.js';
import { ContentError } from '../core/errors.js';
import { compareProblems, type Problem } from '../core/problem.js';
import type { ArticleMeta, PageMeta } from '../core/types.js';
import { outputPathFor, UrlScheme } from '../core/urls.js';

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

function displayPrefix(site: ResolvedSite): string {
  return (path.relative(site.paths.root, site.paths.content).split(path.sep).join('/') || '.') + '/';
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
export function unknownRegions(site: ResolvedSite, articles: readonly ArticleMeta[]): Problem[] {
  const known = site.config.regions;
  if (known.length === 0) return [];
  const knownSet = new Set(known);
  const prefix = displayPrefix(site);
  const problems: Problem[] = [];
  for (const a of articles) {
    const region = a.data.region;
    if (knownSet.has(region)) continue;
    const nearest = closest(region, [...known]);
    // A suggestion far from what was typed is noise; then list what is allowed instead.
    const close = distance(region.toLowerCase(), nearest.toLowerCase()) <= Math.max(2, Math.floor(nearest.length / 3));
    problems.push({
      file: prefix + a.src,
      ...fieldPosition(path.join(site.paths.content, a.src), 'region'),
      ruleId: 'unknown-region',
      field: 'region',
      reason: close ? `Region "${region}" is not known. Did you mean "${nearest}"?` : `Region "${region}" is not known.`,
      fix: close ? `write region: ${nearest}` : `use one of: ${known.join(', ')} (or add it to regions in the config)`,
      severity: 'error',
    });
  }
  return problems;
}

/** Site paths the build produces without any source: home, archive, regions, search, feeds. */
function generatedUrls(site: ResolvedSite): Set<string> {
  const urls = new UrlScheme(site.strings);
  return new Set([urls.home(), urls.archive(), urls.regions(), urls.search(), urls.feed('rss'), urls.feed('atom'), urls.feed('json'), '/sitemap.xml']);
}

function staticFileExists(site: ResolvedSite, url: string): boolean {
  const rel = outputPathFor(url);
  if (rel.split('/').some((s) => s === '..')) return false;
  const file = path.join(site.paths.static, ...rel.split('/'));
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Footer links (Impressum, Datenschutz, …) that lead to a page no source produces. */
export function missingFooterPages(site: ResolvedSite, articles: readonly ArticleMeta[], pages: readonly PageMeta[]): Problem[] {
  const produced = generatedUrls(site);
  for (const p of pages) produced.add(p.url);
  for (const a of articles) produced.add(a.url);
  const configFile = site.paths.configFile ? path.relative(site.paths.root, site.paths.configFile).split(path.sep).join('/') : 'config';
  const problems: Problem[] = [];
  for (const link of site.config.footerLinks) {
    const href = link.href.split(/[?#]/, 1)[0] ?? '';
    if (!href.startsWith('/') || href.startsWith('//')) continue; // another site's page
    const url = href.endsWith('/') || /\.[a-z0-9]+$/i.test(href) ? href : `${href}/`;
    if (produced.has(url) || staticFileExists(site, url)) continue;
    const rel = url.replace(/^\/|\/$/g, '') || 'index';
    problems.push({
      file: configFile,
      ruleId: 'missing-footer-page',
      field: 'footerLinks',
      reason: `footer link "${link.label}" points to ${link.href}, which no source produces`,
      fix: `create ${displayPrefix(site)}pages/${rel}.md with a title, or change footerLinks in the config`,
      severity: 'warning',
    });
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
      inspect: ({ articles, pages }) => [...unknownRegions(site, articles), ...missingFooterPages(site, articles, pages)],
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
