import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BuildCache, type CacheData, type CachedSource } from '../cache/cache.js';
import { resolveSite, type ResolvedSite, type SiteOptions } from '../config/config.js';
import { generators } from '../outputs/index.js';
import type { GeneratedFile, OutputSource, SiteSnapshot } from '../outputs/types.js';
import { DEFAULT_TEMPLATES_DIR, templatesFingerprint } from '../theme/engine.js';
import { listFiles } from '../util/files.js';
import { hashOf } from '../util/hash.js';
import { VERSION } from '../version.js';
import { processAssets } from '../content/assets.js';
import { ContentError } from '../model/errors.js';
import { FeedWindow } from './feed-window.js';
import { OutputClaims } from '../write/claims.js';
import { displayPrefixOf, fieldPosition, listContent, readSource } from '../content/load.js';
import { modelSite, planListPages, type ListPage } from './plan.js';
import { RenderPool } from '../render/pool.js';
import { compareProblems, type Problem } from '../model/problem.js';
import { unknownRegions } from '../checks/regions.js';
import { assetDependencyKey, Renderer, type RenderContext } from '../render/renderer.js';
import type { ArticleMeta, PageMeta, PendingLink, SourceFile, SourceResult } from '../model/types.js';
import { outputPathFor, withBasePath } from '../model/urls.js';
import { OutputWriter, type WriteStats } from '../write/writer.js';
import { indexSearch, SEARCH_DIR, SEARCH_OWNER, type SearchResult, type SearchStatus } from '../search/pagefind.js';
import { ExternalResourceCheck } from '../checks/external-resources.js';
import { missingFooterPages } from '../checks/footer-pages.js';

export interface BuildOptions extends SiteOptions {
  /** Include `draft: true` articles. */
  drafts?: boolean;
  /** Include articles dated in the future. */
  future?: boolean;
  /** The build's notion of "now" in ms; defaults to SOURCE_DATE_EPOCH, then the clock. */
  now?: number;
  /** Validate and render everything, write nothing (the `check` command). */
  dryRun?: boolean;
  /** Ignore and do not write the build cache. */
  noCache?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for rendering: 0 renders in the main thread; default: one per core for large builds. */
  workers?: number;
  /** A site resolved before (the dev server resolves once per config change). */
  resolved?: ResolvedSite;
  /**
   * Keep the last search index when articles changed instead of indexing the whole archive again;
   * the report says `search: 'stale'`. The dev server does this while an editor works.
   */
  staleSearch?: boolean;
  /** Extra checks on the published articles and pages, reported with the build's own problems (`check`). */
  inspect?: (model: { readonly articles: readonly ArticleMeta[]; readonly pages: readonly PageMeta[] }) => readonly Problem[];
}

export interface BuildReport {
  readonly articles: number;
  readonly pages: number;
  readonly files: number;
  /** What had to be rendered: sources (articles and pages) and list pages; the rest came from the cache. */
  readonly rendered: { readonly sources: number; readonly lists: number };
  /** Worker threads that rendered; 0 when the build was small enough for this thread alone. */
  readonly threads: number;
  readonly write?: WriteStats;
  readonly warnings: readonly Problem[];
  readonly durationMs: number;
  readonly cache: 'hit' | 'missing' | 'invalid' | 'stale' | 'off';
  /** The search index: built again, kept as it was, kept although articles changed, or none. */
  readonly search: SearchStatus | 'off';
  /** How many parts the search index has and how many of them (and their articles) were indexed again. */
  readonly searchIndex?: SearchResult;
  /** Day of the next scheduled article, so CI can schedule a rebuild. */
  readonly nextScheduled?: { readonly date: string; readonly src: string };
  readonly excluded: { readonly drafts: number; readonly future: number; readonly expired: number };
  readonly outDir: string;
}

function buildNow(options: BuildOptions): number {
  if (options.now !== undefined) return options.now;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return Number(epoch) * 1000;
  return Date.now();
}

function replaceLinks(html: string, links: readonly PendingLink[], urlOf: (l: PendingLink) => string): string {
  // One pass over the HTML: replacing token by token cost links × size, and token "…-1" is a prefix of "…-10".
  const first = links[0];
  if (!first) return html;
  const byToken = new Map(links.map((l) => [l.token, l]));
  const prefix = first.token.replace(/\d+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return html.replace(new RegExp(`${prefix}\\d+`, 'g'), (token) => {
    const l = byToken.get(token);
    return l ? urlOf(l) : token;
  });
}

/**
 * The build: load → validate & render (in parallel, cached) → plan lists → write → search → swap.
 * Content errors are collected from every file; if there is one, the live output stays untouched.
 */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  // STADTBOTE_TIMING=1 prints how long each stage took, for profiling builds.
  const timing = process.env.STADTBOTE_TIMING === '1';
  let lap = started;
  const mark = (stage: string): void => {
    if (!timing) return;
    const t = performance.now();
    process.stderr.write(`[timing] ${stage}: ${(t - lap).toFixed(0)} ms\n`);
    lap = t;
  };
  const site = options.resolved ?? resolveSite(options);
  const { config, paths } = site;
  const now = buildNow(options);
  const templateDirs = [paths.templates, DEFAULT_TEMPLATES_DIR];
  const problems: Problem[] = [...site.warnings];
  const displayPrefix = displayPrefixOf(paths.content, paths.root);

  const tree = listContent(paths.content, paths.root);
  problems.push(...tree.problems);
  mark('load');

  const templatesHash = templatesFingerprint(templateDirs);
  const cacheFingerprint = hashOf(VERSION, templatesHash, JSON.stringify(config), site.basePath, String(!!options.drafts), String(!!options.future));
  const cache = new BuildCache(paths.cache, cacheFingerprint);
  const useCache = !options.noCache && !options.dryRun;
  const loaded = useCache ? cache.load() : undefined;
  const previous: CacheData = loaded?.data ?? { sources: new Map(), outputs: new Map(), assets: new Map() };
  const next: CacheData = { sources: new Map(), outputs: new Map(), assets: new Map() };

  const assetResult = await processAssets(paths.content, displayPrefix, tree.assets, site.strings.url.media, previous.assets);
  problems.push(...assetResult.problems);
  next.assets = assetResult.processed;
  mark('cache and assets');

  const context: RenderContext = {
    config,
    basePath: site.basePath,
    templateDirs,
    assets: [...assetResult.assets],
    search: config.search,
  };
  // Identifies the render context inside worker threads; the cache checks assets per source instead.
  const contextKey = hashOf(cacheFingerprint, JSON.stringify(context.assets));
  const pool = new RenderPool(context, contextKey, options.workers);
  const renderer = (): Renderer => pool.local();

  // One manifest pair per output folder, so builds into several folders never confuse each other.
  const writerState = useCache ? path.join(paths.cache, 'output', hashOf(paths.out).slice(0, 16)) : undefined;
  const writer = options.dryRun ? undefined : OutputWriter.open(paths.out, writerState);
  try {
    const claims = new OutputClaims({ dir: paths.content, displayPrefix }, problems);
    // The search bundle is written last, after the duplicate check: its folder is taken up front.
    if (config.search) claims.reserveFolder(SEARCH_DIR, SEARCH_OWNER);
    const claim = (outPath: string, owner: string, source?: OutputSource): boolean => claims.claim(outPath, owner, source);
    const externals = new ExternalResourceCheck(new URL(config.baseUrl).host, config.allowedHosts, (p) => claims.ownerOf(p));
    if (writer) externals.watch(writer);

    const articles: ArticleMeta[] = [];
    const pages: PageMeta[] = [];
    const withLinks: { meta: ArticleMeta | PageMeta; html: string; links: readonly PendingLink[]; display: string }[] = [];
    const excluded = { drafts: 0, future: 0, expired: 0 };
    let nextScheduled: BuildReport['nextScheduled'];
    const feedWindow = new FeedWindow(config.feedItems);
    const sourceRels = new Set(tree.sources);

    /** Whether an article is out now; counts the ones that are not (unless only asking). */
    const isPublished = (meta: ArticleMeta, askOnly = false): boolean => {
      const d = meta.data;
      const count = (kind: keyof typeof excluded): false => {
        if (!askOnly) excluded[kind]++;
        return false;
      };
      if (d.draft && !options.drafts) return count('drafts');
      if (d.date.epochMs > now && !options.future) {
        if (!askOnly && (!nextScheduled || d.date.day < nextScheduled.date)) nextScheduled = { date: d.date.day, src: displayPrefix + meta.src };
        return count('future');
      }
      if (d.expires && d.expires.epochMs <= now) return count('expired');
      return true;
    };

    /**
     * Takes a rendered or cached source into the site. For a cache hit (`html` undefined) it first
     * checks that the page's bytes can be had without rendering; if not it returns false before
     * anything is recorded, and the source is rendered like any other.
     */
    const accept = async (entry: CachedSource, html: string | undefined, bodyHtml: string | undefined, display: string): Promise<boolean> => {
      const outPath = outputPathFor(entry.meta.url);
      const article = entry.kind === 'article' ? (entry.meta as ArticleMeta) : undefined;
      const published = article === undefined || isPublished(article, true);
      if (published && html === undefined) {
        const available = entry.links.length > 0 ? entry.html !== undefined : !writer || writer.canKeep(outPath, entry.htmlHash);
        if (!available) return false;
        html = entry.html;
      }
      problems.push(...entry.problems);
      if (!published) {
        isPublished(article!); // now counted as draft, scheduled or expired
        return true;
      }
      if (!claim(outPath, display, { src: entry.meta.src, ...(entry.kind === 'article' ? { field: 'title' } : {}) })) return true;
      if (article) {
        articles.push(article);
        feedWindow.offer(article, bodyHtml);
      } else pages.push(entry.meta as PageMeta);
      if (entry.links.length > 0) withLinks.push({ meta: entry.meta, html: html!, links: entry.links, display });
      else if (html !== undefined) writer?.put(outPath, html, entry.htmlHash);
      else writer?.keep(outPath, entry.htmlHash);
      return true;
    };

    // A template with a syntax error would fail every page: name it and stop before rendering.
    // A cache hit means these very templates built the site last time: no need to parse them all.
    const templateProblems = loaded?.status === 'hit' ? [] : renderer().theme.check(paths.root);
    if (templateProblems.length > 0) throw new ContentError([...problems, ...templateProblems].sort(compareProblems));

    // Cached sources whose output is still in place need no rendering at all.
    const toRender: (SourceFile | string)[] = [];
    for (const rel of tree.sources) {
      const hit = previous.sources.get(rel);
      // Without a cache entry there is nothing to compare: the source is read when it is rendered.
      if (hit === undefined) {
        toRender.push(rel);
        continue;
      }
      // Read one at a time: the text of a source served from the cache is dropped right away.
      const source = readSource(paths.content, rel, displayPrefix);
      const fresh = hit.hash === source.hash && hit.assetKey === assetDependencyKey(hit.assets, assetResult.assets);
      if (fresh && (await accept(hit, undefined, hit.bodyHtml, source.display))) {
        next.sources.set(source.rel, hit);
      } else toRender.push(source);
    }
    // A cache hit that was rejected above may have claimed nothing; render it like any other.
    const total = toRender.length;
    let done = 0;
    const onResult = async (result: SourceResult, source: SourceFile): Promise<void> => {
      done++;
      if (options.onProgress && (done % 50 === 0 || done === total)) options.onProgress(done, total);
      if (result.kind === 'invalid') {
        problems.push(...result.problems);
        return;
      }
      const entry: CachedSource = {
        hash: source.hash,
        kind: result.kind,
        meta: result.meta,
        problems: result.problems,
        links: result.links,
        assets: result.assets,
        assetKey: assetDependencyKey(result.assets, assetResult.assets),
        htmlHash: hashOf(result.html),
        ...(result.links.length > 0 ? { html: result.html } : {}),
      };
      next.sources.set(source.rel, entry);
      await accept(entry, result.html, result.kind === 'article' ? result.bodyHtml : undefined, source.display);
    };
    mark(`cache lookups (${tree.sources.length - toRender.length} hits)`);
    await pool.renderSources(toRender, (rel) => readSource(paths.content, rel, displayPrefix), onResult);
    mark(`render ${toRender.length} sources`);

    // Results arrive in completion order; everything downstream sees sources in path order.
    pages.sort((a, b) => (a.src < b.src ? -1 : a.src > b.src ? 1 : 0));

    // Links between articles: every URL is known now.
    const urlBySrc = new Map<string, string>();
    for (const a of articles) urlBySrc.set(a.src, a.url);
    for (const p of pages) urlBySrc.set(p.src, p.url);
    // Problems are reported for the page; the same links in a feed body resolve quietly.
    const linkUrl = (display: string, l: PendingLink, report = true): string => {
      const url = urlBySrc.get(l.target);
      if (url === undefined) {
        if (!report) return '#';
        const exists = sourceRels.has(l.target);
        problems.push({
          file: display,
          line: l.line,
          column: l.column,
          ruleId: 'broken-link',
          reason: exists ? `link to ${displayPrefix}${l.target}, which is not published (draft, scheduled, expired or invalid)` : `link to ${displayPrefix}${l.target}, which does not exist`,
          fix: 'check the file name and folder of the linked article',
          severity: 'error',
        });
        return '#';
      }
      return withBasePath(site.basePath, url) + l.fragment;
    };
    for (const item of withLinks) {
      const html = replaceLinks(item.html, item.links, (l) => linkUrl(item.display, l));
      writer?.put(outputPathFor(item.meta.url), html);
    }

    // Feed items whose body was not kept (cache hits that were not in a feed before) are rendered again.
    const missingBodies = feedWindow.missing();
    if (missingBodies.length > 0) {
      const r = renderer();
      for (const src of missingBodies) {
        const result = r.renderSource(readSource(paths.content, src, displayPrefix));
        if (result.kind === 'article') feedWindow.setBody(src, result.bodyHtml);
      }
    }
    const feedBodies = new Map<string, string>();
    for (const [src, body] of feedWindow.bodies) {
      if (body === undefined) continue;
      const entry = next.sources.get(src);
      const display = displayPrefix + src;
      feedBodies.set(src, entry && entry.links.length > 0 ? replaceLinks(body, entry.links, (l) => linkUrl(display, l, false)) : body);
      if (entry) next.sources.set(src, { ...entry, bodyHtml: body });
    }

    // Region names that differ only in spelling would share one region page.
    const regionNames = new Map<string, { name: string; src: string }>();
    for (const a of articles) {
      const seen = regionNames.get(a.regionSlug);
      if (!seen) regionNames.set(a.regionSlug, { name: a.data.region, src: a.src });
      else if (seen.name !== a.data.region) {
        problems.push({ file: displayPrefix + a.src, ...fieldPosition(path.join(paths.content, a.src), 'region'), ruleId: 'region-spelling', field: 'region', reason: `region "${a.data.region}" is spelled "${seen.name}" in ${displayPrefix}${seen.src}`, fix: `use one spelling, e.g. region: ${seen.name}`, severity: 'error' });
      }
    }

    // When the config lists the regions, a region outside the list is a typo until the list says otherwise.
    problems.push(...unknownRegions(site, articles));
    if (options.inspect) problems.push(...options.inspect({ articles, pages }));
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new ContentError([...problems].sort(compareProblems));

    mark('links, feeds, checks');
    const model = modelSite(articles);
    const r = renderer();
    const listPages = planListPages(model, r, config.perPage);
    const htmlPages: { url: string; lastmod?: string }[] = [];
    for (const a of model.articles) htmlPages.push({ url: a.url, lastmod: (a.data.updated ?? a.data.date).iso });
    for (const p of pages) htmlPages.push({ url: p.url, ...(p.data.updated ? { lastmod: p.data.updated.iso } : {}) });
    // Overviews (regions, archive) change when an article comes or changes: the newest such day.
    let newest: { ms: number; iso: string } | undefined;
    for (const a of model.articles) {
      const d = a.data.updated ?? a.data.date;
      if (!newest || d.epochMs > newest.ms) newest = { ms: d.epochMs, iso: d.iso };
    }
    const listsToRender: ListPage[] = [];
    for (const lp of listPages) {
      const outPath = outputPathFor(lp.url);
      if (!claim(outPath, `the generated page ${lp.url}`)) continue;
      const items = (lp.data.items as { iso: string }[] | undefined) ?? [];
      const lastmod = items[0]?.iso ?? newest?.iso;
      htmlPages.push({ url: lp.url, ...(lastmod ? { lastmod } : {}) });
      const cached = previous.outputs.get(`list:${lp.url}`);
      if (writer && cached && cached.key === lp.key && cached.files[0] && writer.keep(outPath, cached.files[0][1])) {
        next.outputs.set(`list:${lp.url}`, cached);
      } else listsToRender.push(lp);
    }
    await pool.renderPages(listsToRender, async (lp, html) => {
      const outPath = outputPathFor(lp.url);
      next.outputs.set(`list:${lp.url}`, { key: lp.key, files: [[outPath, hashOf(html)]] });
      writer?.put(outPath, html);
    });
    await pool.close();
    const listRendered = listsToRender.length;

    mark(`list pages (${listRendered} rendered)`);
    const snapshot: SiteSnapshot = { site, renderer: r, model, pages, feedBodies, htmlPages };
    const generated: GeneratedFile[] = [];
    for (const generate of generators) generated.push(...generate(snapshot));
    for (const file of listFiles(paths.static)) {
      generated.push({ path: file, content: readFileSync(path.join(paths.static, file)), owner: `static/${file}` });
    }
    for (const file of generated) {
      if (!claim(file.path, file.owner ?? file.path, file.source)) continue;
      writer?.put(file.path, file.content);
    }
    for (const out of assetResult.outputs) {
      if (!claim(out.path, 'an image of the content folder')) continue;
      if (writer && !writer.keep(out.path, out.hash)) writer.put(out.path, await out.produce());
    }
    problems.push(...missingFooterPages(site, (outPath) => claims.has(outPath)));
    mark('feeds, sitemap, redirects, assets');
    problems.push(...externals.problems());
    const dupes = problems.filter((p) => p.ruleId === 'duplicate-url' || (p.ruleId === 'external-resource' && p.severity === 'error'));
    if (dupes.length > 0) throw new ContentError([...problems].sort(compareProblems));

    let searchIndex: SearchResult | undefined;
    if (writer && config.search) {
      searchIndex = await indexSearch({ writer, site, articles: model.articles, previous, next, claim, allowStale: !!options.staleSearch });
    }
    const search: SearchStatus | 'off' = searchIndex?.status ?? 'off';

    mark('search');
    const write = writer?.commit();
    mark('commit');
    if (useCache) cache.save(next);
    mark('save cache');
    return {
      articles: model.articles.length,
      pages: htmlPages.length,
      files: write?.files ?? claims.size,
      rendered: { sources: total + missingBodies.length, lists: listRendered },
      threads: pool.threadsUsed,
      ...(write ? { write } : {}),
      warnings: problems.filter((p) => p.severity === 'warning').sort(compareProblems),
      durationMs: performance.now() - started,
      cache: loaded?.status ?? 'off',
      search,
      ...(searchIndex ? { searchIndex } : {}),
      ...(nextScheduled ? { nextScheduled } : {}),
      excluded,
      outDir: paths.out,
    };
  } catch (err) {
    await pool.close();
    writer?.abort();
    throw err;
  }
}
