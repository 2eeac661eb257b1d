import { checkAddresses, type AddressCheck } from './addresses.js';
import { collectGarbage, collectIfLarge } from '../util/collect-garbage.js';
import type { CacheStage } from './cache-stage.js';
import type { Exclusions } from './publish.js';
import type { LoadedContent } from './load.js';
import { resolveSite, type ResolvedSite } from '../config/config.js';
import { ExternalResourceCheck } from '../checks/external-resources.js';
import { missingFooterPages } from '../checks/footer-pages.js';
import { regionSpelling, unknownRegions } from '../checks/regions.js';
import { unknownTopics } from '../checks/topics.js';
import { articlePageOutput, writeArticlePages } from './article-pages.js';
import { defaultImageProblems } from '../checks/default-image.js';
import { logoKey, resolveLogo } from '../content/logo.js';
import { pageHeadKey } from '../render/share-image.js';
import { siteIcons } from '../theme/icons.js';
import { checkAliases } from '../checks/aliases.js';
import { brokenSiteLinks } from '../checks/site-links.js';
import { precompress } from '../write/precompress.js';
import { fixedOutputs } from '../outputs/fixed-paths.js';
import { fsProblem, isFsError } from '../model/fs-errors.js';
import { ContentError } from '../model/errors.js';
import { compareProblems, type Problem } from '../model/problem.js';
import { RenderPool } from '../render/pool.js';
import type { RenderContext } from '../render/renderer.js';
import { SEARCH_DIR, SEARCH_OWNER, type SearchResult } from '../search/pagefind.js';
import { SearchStage } from './search-stage.js';
import { DEFAULT_TEMPLATES_DIR } from '../theme/engine.js';
import { hashOf } from '../util/hash.js';
import { OutputClaims } from '../write/claims.js';
import { SiteOutput } from '../write/site-output.js';
import { OutputWriter } from '../write/writer.js';
import { openCache } from './cache-stage.js';
import { SiteCollector } from './collect.js';
import { feedBodies, fillArticleLinks, LinkResolver, writeLinkedPages } from './links.js';
import { sourcePageEntries, writeListPages } from './list-pages.js';
import { loadContent } from './load.js';
import { listContent } from '../content/load.js';
import { HeadStart } from './head-start.js';
import { buildNow, type BuildOptions, type BuildReport } from './options.js';
import { listPagePlan, modelSite } from './plan.js';
import { renderSources, takeCachedSources } from './render-sources.js';
import { fromLastBuild, predictsLinks } from './last-build.js';
import { writeSiteFiles } from './site-files.js';
import { StageTimer } from './timing.js';
import { appendAll } from '../util/append.js';

export type { BuildOptions, BuildReport } from './options.js';

/** Content errors stop the build here, all of them at once; the live output stays untouched. */
function stopOn(problems: readonly Problem[], isFatal: (p: Problem) => boolean): void {
  if (problems.some(isFatal)) throw new ContentError([...problems].sort(compareProblems));
}
const isError = (p: Problem): boolean => p.severity === 'error';

/**
 * The build: load → (cache) → render, each source validated in its render task and its page written
 * as it comes → links → site checks → plan lists → write lists and site files → search → swap.
 * The search index is made on a thread of its own beside the later stages (build/search-stage.ts). Every stage takes what it needs and returns what it made; `problems` collects them in order.
 */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const timer = new StageTimer();
  const site = options.resolved ?? resolveSite(options);
  const cacheEnabled = !options.noCache && !options.dryRun;
  // Threads started now, for the cache stage: the check of a restored output, the sources' stamps (build/head-start.ts).
  const head = HeadStart.begin(site, cacheEnabled);
  try {
    return await buildWith(options, site, head, timer);
  } catch (err) {
    head.close();
    throw err;
  }
}

/** The build's stages, with the threads `head` started; `build` stops them when a stage fails. */
async function buildWith(options: BuildOptions, site: ResolvedSite, head: HeadStart, timer: StageTimer): Promise<BuildReport> {
  const { config, paths } = site;
  const templateDirs = [paths.templates, DEFAULT_TEMPLATES_DIR];
  const problems: Problem[] = [...site.warnings];
  const cacheEnabled = !options.noCache && !options.dryRun;

  // Favicon and touch icon: the theme's defaults or the site's own in static/ (theme/icons.ts); in every page's head.
  const icons = siteIcons(templateDirs, paths.static).links;
  // The header's logo file is part of every page too (content/logo.ts): its bytes join the head key.
  const headKey = hashOf(pageHeadKey(config, paths.content, icons), logoKey(site));
  const listing = listContent(paths.content, paths.root, config.language);
  head.sources(listing.sources);
  const cache = openCache({ site, templateDirs, headKey, problems, drafts: !!options.drafts, future: !!options.future, enabled: cacheEnabled });
  const content = await loadContent(site, cache.previous.assets, listing, head.stampOf);
  appendAll(problems, content.problems);
  cache.next.assets = content.assets.processed;
  timer.mark('load, cache and assets');

  // The logo of the config, found in the content folder or static/ and measured (content/logo.ts).
  const logo = await resolveLogo(site, content.assets.assets, content.staticFiles);
  problems.push(...logo.problems);
  const context: RenderContext = { config, basePath: site.basePath, templateDirs, assets: [...content.assets.assets], search: config.search, icons, ...(logo.logo ? { logo: logo.logo } : {}), ...(logo.asset ? { logoAsset: logo.asset } : {}), ...(cache.markdownStore ? { markdownStore: cache.markdownStore } : {}) };
  // Identifies the render context inside worker threads; the cache checks assets per source instead.
  const pool = new RenderPool(context, hashOf(cache.fingerprint, JSON.stringify(context.assets), cache.markdownStore ?? ''), options.workers, options.renderBudget);
  // The external resources of every page and stylesheet written, scanned where the writer makes the file (model/outputs.ts):
  // on its file thread, unless render threads take every core rendering sources (a cold build), when this thread, which waits for them, scans.
  // After that (article and list pages, site files) this thread is the busy one, and the file thread scans again.
  const externals = options.dryRun ? undefined : new ExternalResourceCheck(new URL(config.baseUrl).host, config.allowedHosts, config.language /* messages */);
  const writer = options.dryRun ? undefined : OutputWriter.open(paths.out, cache.writerState, { copyVerdict: await head.copyVerdict(), checks: externals ? [externals] : [], scansOnThread: () => !pool.rendersSourcesOnThreads });
  let search: SearchStage | undefined;
  let addresses: AddressCheck | undefined;
  try {
    const claims = new OutputClaims({ dir: paths.content, displayPrefix: content.displayPrefix }, problems, site.config.language /* messages */);
    // The search bundle is written last, after the duplicate check: its folder is taken up front.
    if (config.search) claims.reserveFolder(SEARCH_DIR, SEARCH_OWNER);
    // Generated files are known up front: clashes with them come in the same run as all others.
    for (const [file, owner] of fixedOutputs(pool.local().urls, config.search)) claims.reserveFile(file, owner);
    const output = new SiteOutput(writer);
    search = output.dryRun || !config.search ? undefined : new SearchStage();

    // Validate the theme: a template with a syntax error would fail every page. A cache hit means
    // these very templates built the site last time: no need to parse them all.
    const templateProblems = cache.status === 'hit' ? [] : pool.local().theme.check(paths.root, site.config.language /* messages */);
    if (templateProblems.length > 0) throw new ContentError([...problems, ...templateProblems].sort(compareProblems));

    // Pages, site files and the checks of the whole site, in a function of their own: what they hold (every
    // article's metadata, the links, the lists) is let go when it returns, before the search index is built.
    const made = await writePages({ options, site, head, timer, problems, content, cache, pool, output, claims, externals, search });
    // The cache's sources are final: written now and let go (cache-stage.ts `saveSources`), as is the address ledger.
    cache.saveSources();
    addresses = made.addresses;
    if (!options.dryRun) addresses.stage();
    timer.mark('cache sources, address ledger');

    // Search: the index comes in parts (search/parts.ts); the report says how many were indexed again.
    let searchIndex: SearchResult | undefined;
    // Pagefind's indexer is the build's peak of memory (a year of 100,000 articles: 0.6 GiB of its own): where it starts now, the file thread's heap goes first.
    if (search)
      searchIndex = await search.finish((indexesHere) => {
        writer?.stopFileThread();
        // The pages' data is let go (`writePages`, `saveSources`): what V8 frees now is not resident beside Pagefind.
        if (indexesHere) collectGarbage();
      });
    timer.mark('search');
    // Precompressed copies of the text files (config compress: true), see write/precompress.ts.
    if (writer && config.compress) {
      precompress(writer, cache.previous.outputs, cache.next.outputs);
      timer.mark('precompress');
    }

    // Swap: the new output replaces the live one in one step; then the cache is saved for the next build.
    const write = writer?.commit();
    timer.mark('commit');
    cache.save(content.displayPrefix); // and prunes the Markdown cache to this build's sources
    if (!options.dryRun) addresses.save(); // the addresses the next build compares with
    timer.mark('save cache');
    const { exclusions } = made;
    return {
      articles: made.articles,
      pages: made.pages,
      files: write?.files ?? claims.size,
      rendered: made.rendered,
      threads: pool.threadsUsed,
      ...(write ? { write } : {}),
      warnings: problems.filter((p) => p.severity === 'warning').sort(compareProblems),
      durationMs: timer.elapsed(),
      cache: cache.status,
      search: searchIndex?.status ?? 'off',
      ...(searchIndex ? { searchIndex } : {}),
      ...(exclusions.nextScheduled ? { nextScheduled: exclusions.nextScheduled } : {}),
      excluded: exclusions.counts,
      outDir: paths.out,
      serverOnlyAliases: made.serverOnlyAliases,
      moved: addresses.moved,
    };
  } catch (err) {
    await pool.close();
    search?.close();
    writer?.abort();
    cache.abandon();
    addresses?.discard();
    // A full disk, a missing permission: a problem naming the path, not a raw errno line (exit 1).
    if (isFsError(err)) throw new ContentError([...problems.filter(isError), fsProblem(err, paths.root, undefined, paths.out, site.config.language)].sort(compareProblems), { cause: err });
    throw err;
  }
}

/**
 * Sources (or list pages) rendered from which a build collects garbage after its long stages where
 * its heap is large (`collectIfLarge`). One edited article of 100,000 leaves little behind: there
 * each of the three collections took some 0.3 s of a 10–13 s build, for a peak that is far from any
 * limit (1.0 → 0.8 GiB). A list-template edit renders every list page and no source (100,000
 * articles: 25,294 pages left the main heap at 977 MiB, 493 MiB after a collection).
 */
const MANY_RENDERED = 10_000;

/** What `writePages` leaves the end of the build: counts for the report, and the address ledger to save. */
interface WrittenPages {
  readonly articles: number;
  readonly pages: number;
  readonly rendered: BuildReport['rendered'];
  readonly exclusions: Exclusions;
  readonly serverOnlyAliases: readonly string[];
  readonly addresses: AddressCheck;
}

interface PagesInput {
  readonly options: BuildOptions;
  readonly site: ResolvedSite;
  readonly head: HeadStart;
  readonly timer: StageTimer;
  readonly problems: Problem[];
  readonly content: LoadedContent;
  readonly cache: CacheStage;
  readonly pool: RenderPool;
  readonly output: SiteOutput;
  readonly claims: OutputClaims;
  readonly externals: ExternalResourceCheck | undefined;
  readonly search: SearchStage | undefined;
}

/**
 * Render → links → site checks → article pages → list pages → site files, each page written as it
 * comes. Returns only counts and the address ledger: the site's metadata it worked on goes with it.
 */
async function writePages(input: PagesInput): Promise<WrittenPages> {
  const { options, site, head, timer, problems, content, cache, pool, output, claims, externals, search } = input;
  const { config, paths } = site;
  // Render: cached pages are taken as they are, the rest rendered on the pool; each page is written as it comes.
  const policy = { drafts: !!options.drafts, future: !!options.future, now: buildNow(options) };
  const collector = new SiteCollector({ policy, claims, output, feedItems: config.feedItems, displayPrefix: content.displayPrefix, host: new URL(config.baseUrl).host, basePath: site.basePath, problems, previousArticlePage: (url) => cache.previous.outputs.get(articlePageOutput(url))?.files[0]?.[1] });
  const sourceStage = { sources: content.sources, read: content.read, stamp: content.stamp, ...(head.knownOf ? { known: head.knownOf } : {}), displayPrefix: content.displayPrefix, assets: content.assets.assets, next: cache.next.sources };
  // An edited article's part of the search index is begun from its last pages as soon as the lookups find it (build/search-stage.ts).
  search?.prepare({ cacheHit: cache.sourcesHit, staleSearch: !!options.staleSearch, lastSources: cache.previous.sources, lastParts: cache.previous.outputs, language: config.language, outDir: paths.out });
  const toRender = takeCachedSources(sourceStage, cache.previous.sources, collector, search?.changed);
  head.sourcesTaken();
  timer.mark(`cache lookups (${content.sources.length - toRender.length} hits; ${head.survey})`);
  // Article pages come finished from the render threads where the last build's articles predict their links (build/predicted-links.ts);
  // files unchanged since the last build are read only when their text is needed (build/last-build.ts).
  // Let go after rendering: the predictions are held only while rendering needs them (100,000: some 0.1 GB).
  let last: ReturnType<typeof fromLastBuild> | undefined = fromLastBuild(cache.takeLastSources(), content.sources, policy, content, predictsLinks(toRender.length, content.sources.length) && !output.dryRun);
  await renderSources({ ...sourceStage, read: last.read }, pool, toRender, collector, options.onProgress, last.articleLinksOf);
  last = undefined;
  // A build that rendered much of a large archive has left much behind in each stage: collected before the next (util/collect-garbage.ts).
  const manyRendered = toRender.length >= MANY_RENDERED;
  if (manyRendered) collectIfLarge();
  timer.mark(`render ${toRender.length} sources${pool.storedReadAhead > 0 ? ` (${pool.storedReadAhead} stored bodies read ahead)` : ''}`);
  const collected = collector.result();
  const { articles, pages } = collected;

  // Links between sources: every URL is known now.
  const links = new LinkResolver({ articles, pages, sources: content.sources, displayPrefix: content.displayPrefix, basePath: site.basePath, language: config.language, problems });
  writeLinkedPages(collected.linked, links, output);
  for (const rejected of collected.rejectedLinks) links.check(rejected.links, rejected.display);
  const articlePageInput = fillArticleLinks(collected.articlePages, links);
  const feed = await feedBodies({ window: collected.feedWindow, renderer: () => pool.local(), read: content.read, links, displayPrefix: content.displayPrefix, cached: cache.next.sources });

  // Checks of the whole site: spellings, known regions, old addresses, the caller's own.
  const aliases = checkAliases(site, articles);
  // Addresses that moved since the last successful build, with the `aliases:` line to add (build/addresses.ts).
  const addresses = checkAddresses({ cacheDir: paths.cache, contentDir: paths.content, displayPrefix: content.displayPrefix, language: config.language, basePath: site.basePath, mode: { drafts: !!options.drafts, future: !!options.future }, articles, sources: new Set(content.sources) });
  appendAll(problems, regionSpelling(site, articles), unknownRegions(site, articles), unknownTopics(site, articles), aliases.problems, addresses.problems, defaultImageProblems(site, content.assets.assets, content.displayPrefix), options.inspect?.({ articles, pages }) ?? []);
  // A build with errors goes on to the end all the same, writing nothing that is kept: links to pages of the
  // site (`/impressum/`) can only be checked once every page and file is claimed, and they come in the same run.
  const failing = problems.some(isError);
  if (manyRendered) collectIfLarge();
  timer.mark('links, feeds, checks');

  // Plan and write the list pages, then the site-wide files.
  const model = modelSite(articles);
  const renderer = pool.local();
  // Article pages get their links to other articles (related, previous, next) now that all are known.
  const articlePages = await writeArticlePages({ pages: articlePageInput, model, renderer, read: content.read, output, previous: cache.previous, next: cache.next, search: config.search });
  if (manyRendered) collectIfLarge();
  timer.mark(`article pages: related, previous/next (${articlePages.rerendered} rendered again)`);
  // Every article page is final: the search index can be built while list pages and site files are made (search/search-thread.ts).
  // Not for a build that fails: its index would be thrown away.
  if (!failing) search?.plan({ writer: output, site, articles: model.articles, previous: cache.previous, next: cache.next, claim: (p, owner) => claims.claim(p, owner), allowStale: !!options.staleSearch, searchHashOf: (url) => cache.next.outputs.get(articlePageOutput(url))?.search, lastParts: cache.lastSearchParts });
  const lists = await writeListPages({ lists: listPagePlan(model, renderer, config.perPage) /* planned as rendered: build/plan.ts */, model, claims, output, pool, previous: cache.previous, next: cache.next });
  await pool.close();
  if (manyRendered || lists.rendered >= MANY_RENDERED) collectIfLarge();
  timer.mark(`list pages (${lists.rendered} rendered)`);
  const htmlPages = [...sourcePageEntries(model, pages), ...lists.entries];
  await writeSiteFiles({ snapshot: { site, renderer, model, pages, feedBodies: feed.bodies, htmlPages }, staticDir: paths.static, staticFiles: content.staticFiles, assetOutputs: content.assets.outputs, claims, output, problems, previous: cache.previous, next: cache.next, lastKeyed: cache.lastKeyedFiles });
  problems.push(...missingFooterPages(site, (outPath) => claims.has(outPath)));
  timer.mark('feeds, sitemap, redirects, assets');
  // Every page is put: the writer has scanned them all once it has made them.
  output.finishChecks();
  appendAll(problems, externals?.problems((outPath) => claims.ownerOf(outPath)) ?? [], brokenSiteLinks(links.siteLinks, (outPath) => claims.has(outPath), site.basePath, site.config.language /* messages: site language */));
  stopOn(problems, isError);
  timer.mark('external resources of written pages, site links');

  return {
    articles: model.articles.length,
    pages: htmlPages.length,
    rendered: { sources: toRender.length + feed.rerendered + articlePages.rerendered, lists: lists.rendered },
    exclusions: collected.exclusions,
    serverOnlyAliases: aliases.serverOnly,
    addresses,
  };
}
