import type { SiteConfig } from '../config/config.js';
import { languages, type UiStrings } from '../i18n/index.js';
import type { ArticleMeta, AssetInfo, SourceFile, SourceResult } from '../model/types.js';
import { UrlScheme } from '../model/urls.js';
import { Theme } from '../theme/engine.js';
import type { ArticleLinks, FeedLink, PageChrome, TemplateViews } from '../theme/views.js';
import { hashOf } from '../util/hash.js';
import { fillArticleContextHashed } from './article-context-slot.js';
import { searchViewHash } from '../theme/search-view.js';
import { fallbackShareImage } from './share-image.js';
import type { IconLink } from '../theme/icons.js';
import type { LogoAsset, SiteLogo } from '../content/logo.js';
import { brandAssets } from '../theme/brand.js';
import type { MarkdownResult, MarkdownStage, MarkdownStageOptions } from './markdown-stage.js';
import { SiteChrome } from './site-chrome.js';
import { MarkdownCache } from './markdown-cache.js';
import { markdownInputsOf } from '../cache/markdown-store.js';
import { prepareSource, type PreparedSource, type SourceStepDeps } from './source-step.js';
import { renderSourcePage } from './page-step.js';
import { renderListItem } from './list-item.js';

export type { FeedLink, PageChrome } from '../theme/views.js';

/** Everything a render thread needs; plain data so that it can be sent to worker threads. */
export interface RenderContext {
  readonly config: SiteConfig;
  readonly basePath: string;
  readonly templateDirs: readonly string[];
  readonly assets: ReadonlyArray<readonly [string, AssetInfo]>;
  /** Whether the search page exists (linked from the navigation). */
  readonly search: boolean;
  /** Favicon and touch icon links of every page (theme/icons.ts). */
  readonly icons?: readonly IconLink[];
  /** The header's logo, found and measured by content/logo.ts. */
  readonly logo?: SiteLogo;
  /** A logo of static/, published among the theme assets under a content-hashed name. */
  readonly logoAsset?: LogoAsset;
  /** Folder of the Markdown cache (cache/markdown-store.ts); absent with `--no-cache` and in dry runs. */
  readonly markdownStore?: string;
}

/**
 * Renders sources and pages with one theme and one frozen Markdown stage per thread. A source goes
 * through two steps: validation and Markdown (source-step.ts, with the Markdown cache), then the
 * page (page-step.ts: frontmatter image, view models, the theme's frame of site-chrome.ts).
 * `renderSource` is a pure function of the source and the context, which is what makes caching
 * and parallel rendering safe.
 */
export class Renderer {
  readonly theme: Theme;
  readonly urls: UrlScheme;
  readonly strings: UiStrings;
  readonly assets: ReadonlyMap<string, AssetInfo>;
  readonly chrome: SiteChrome;
  /** Loaded by `loadMarkdown` when a body must be parsed: a build that takes every body from a cache never loads the Markdown libraries. */
  private markdownStage: MarkdownStage | undefined;
  private readonly markdownOptions: MarkdownStageOptions;
  private readonly sourceStep: SourceStepDeps;
  /** Bodies this renderer ran through the Markdown stage (not taken from the Markdown cache): how heavy its work was. */
  private markdownRuns = 0;

  constructor(readonly context: RenderContext) {
    const { config, basePath } = context;
    this.strings = languages[config.language] ?? languages.de!;
    this.urls = new UrlScheme(this.strings);
    this.assets = new Map(context.assets);
    this.markdownOptions = { rawHtml: config.rawHtml, strings: this.strings, assets: this.assets, basePath, allowedHosts: config.allowedHosts, language: config.language };
    // The brand colour reaches pages as a generated stylesheet (theme/brand.ts): the CSP allows no inline styles.
    const generatedAssets = new Map(brandAssets(config.brand?.color));
    if (context.logoAsset) generatedAssets.set(context.logoAsset.name, Buffer.from(context.logoAsset.bytes));
    this.theme = new Theme({ templateDirs: context.templateDirs, basePath, baseUrl: config.baseUrl, strings: this.strings, generatedAssets });
    // og:image of pages without a photo of their own (render/share-image.ts), the site's icons and logo.
    const head = { shareImage: fallbackShareImage(config, this.assets), icons: context.icons ?? [], ...(context.logo ? { logo: context.logo } : {}) };
    this.chrome = new SiteChrome(this.theme, config, this.strings, this.urls, context.search, head);
    // Bodies rendered by earlier builds (render/markdown-cache.ts): what lets a template edit skip Markdown.
    const cache = context.markdownStore === undefined ? undefined : new MarkdownCache(context.markdownStore, markdownInputsOf(config, basePath), this.assets);
    this.sourceStep = { config, assets: this.assets, markdown: (source, body, bodyLine) => this.markdown(source, body, bodyLine), ...(cache ? { cache } : {}) };
  }

  get config(): SiteConfig {
    return this.context.config;
  }

  siteFeeds(): FeedLink[] {
    return this.chrome.siteFeeds();
  }

  regionFeeds(regionSlug: string, region: string): FeedLink[] {
    return this.chrome.regionFeeds(regionSlug, region);
  }

  topicFeeds(topicSlug: string, topic: string): FeedLink[] {
    return this.chrome.topicFeeds(topicSlug, topic);
  }

  /**
   * An article's list entry: the one rendered with its page in this build, else rendered again from
   * its meta (a meta from the build cache keeps only the entry's hash: model/types.ts).
   */
  listItemHtml(meta: ArticleMeta): string {
    return meta.listHtml ?? renderListItem({ theme: this.theme, strings: this.strings, site: this.chrome.site }, meta.url, meta.data, this.urls.region(meta.regionSlug), meta.image);
  }

  /** Renders a whole page with the theme; `page` carries what the layout needs for `<head>`. */
  renderPage<T extends keyof TemplateViews>(template: T, page: PageChrome, data: TemplateViews[T]): string {
    return this.chrome.renderPage(template, page, data);
  }

  /** The Markdown stage alone: body HTML, links to other sources, content files used, problems. */
  markdown(source: SourceFile, body: string, bodyLine: number): MarkdownResult {
    if (!this.markdownStage) throw new Error('the Markdown stage is used before loadMarkdown()');
    this.markdownRuns++;
    return this.markdownStage.run(source, body, bodyLine);
  }

  /**
   * Loads the Markdown stage (unified, remark, rehype: some 240 modules, 0.1–0.2 s) unless loaded:
   * awaited before a source whose body is not in the Markdown cache is rendered (`needsMarkdownStage`).
   */
  async loadMarkdown(): Promise<void> {
    if (this.markdownStage) return;
    const { MarkdownStage } = await import('./markdown-stage.js');
    this.useMarkdownStage(MarkdownStage);
  }

  /** Gives the renderer the Markdown stage loaded by its caller: render threads import it with their own code, as they always parse. */
  useMarkdownStage(stage: typeof MarkdownStage): void {
    this.markdownStage ??= new stage(this.markdownOptions);
  }

  /** Whether the Markdown stage must be loaded before this source is rendered: not loaded yet, and the Markdown cache has no result for it. */
  needsMarkdownStage(source: SourceFile): boolean {
    return !this.markdownStage && !(this.sourceStep.cache?.has(source) ?? false);
  }

  /** Renders a source, loading the Markdown stage first when the source needs it. */
  async renderSourceLoaded(source: SourceFile, articleLinks?: ArticleLinks): Promise<SourceResult> {
    if (this.needsMarkdownStage(source)) await this.loadMarkdown();
    return this.renderSource(source, articleLinks);
  }

  /** How many bodies went through the Markdown stage so far. */
  get markdownRendered(): number {
    return this.markdownRuns;
  }

  /** Whether earlier builds left Markdown results this renderer can take instead of parsing (a template or config edit). */
  get hasStoredMarkdown(): boolean {
    return this.sourceStep.cache?.hasStored ?? false;
  }

  /** These sources will be rendered next, in this order: their stored bodies are read ahead on a thread (render/markdown-cache.ts). */
  readAhead(sources: readonly SourceFile[]): void {
    this.sourceStep.cache?.readAhead(sources);
  }

  /** No more sources are rendered in order: the read-ahead ends. */
  endReadAhead(): void {
    this.sourceStep.cache?.endReadAhead();
  }

  /** Stored bodies a read-ahead thread had read when this renderer asked for them. */
  get storedReadAhead(): number {
    return this.sourceStep.cache?.readAheadServed ?? 0;
  }

  /** First step: validation and the body's Markdown (from the Markdown cache when stored); an invalid source ends here. */
  prepareSource(source: SourceFile): PreparedSource | Extract<SourceResult, { kind: 'invalid' }> {
    return prepareSource(source, this.sourceStep);
  }

  /**
   * Validates and renders one source file: article or standalone page. With `articleLinks`, what
   * the article's page is predicted to link to, the page comes finished (`finished`); whether the
   * prediction held is decided once every article is known (build/article-pages.ts).
   */
  renderSource(source: SourceFile, articleLinks?: ArticleLinks): SourceResult {
    const prepared = this.prepareSource(source);
    if ('kind' in prepared) return prepared;
    const result = renderSourcePage(source, prepared, this);
    // Only bodies of sources that make a page are stored: an invalid one is rendered again until fixed.
    if (prepared.toStore && result.kind !== 'invalid') this.sourceStep.cache?.remember(source, prepared.toStore);
    // A page with links to other sources is finished later, from its HTML, once every URL is known.
    if (!articleLinks || result.kind !== 'article' || result.links.length > 0) return result;
    return this.finishArticle(result, articleLinks);
  }

  /** The article-context partial rendered into an article page (render/article-context-slot.ts). */
  articleContext(links: ArticleLinks): string {
    return this.theme.render('partials/article-context', { t: this.strings, site: this.chrome.site, ...links });
  }

  private finishArticle(result: Extract<SourceResult, { kind: 'article' }>, links: ArticleLinks): SourceResult {
    // Hashed here, on the render thread: the build needs both, and the main thread is the busier one.
    const { html, baseHash, hash } = fillArticleContextHashed(result.html, this.articleContext(links));
    return { ...result, html, finished: { baseHash, hash, linksHash: hashOf(JSON.stringify(links)), ...(this.context.search ? { searchHash: searchViewHash(html) } : {}) } };
  }
}
