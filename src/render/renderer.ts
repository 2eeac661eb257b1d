import type { SiteConfig } from '../config/config.js';
import { validateSource } from '../content/validate.js';
import { languages, type UiStrings } from '../i18n/index.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta, AssetInfo, ImageInfo, SourceFile, SourceResult } from '../model/types.js';
import { UrlScheme } from '../model/urls.js';
import { Theme } from '../theme/engine.js';
import type { FeedLink, PageChrome, TemplateViews } from '../theme/views.js';
import { slugify } from '../util/slug.js';
import { articleChrome, articleView, listItemView } from './article-views.js';
import { frontmatterImage } from './frontmatter-image.js';
import { downloadsOf } from './downloads.js';
import { ARTICLE_CONTEXT_SLOT } from './article-context-slot.js';
import { newsArticleJsonLd } from './json-ld.js';
import { fallbackShareImage } from './share-image.js';
import type { IconLink } from '../theme/icons.js';
import type { LogoAsset, SiteLogo } from '../content/logo.js';
import { brandAssets } from '../theme/brand.js';
import { MarkdownStage, type MarkdownResult } from './markdown-stage.js';
import { SiteChrome } from './site-chrome.js';

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
}

/**
 * Renders sources and pages with one theme and one frozen Markdown stage per thread: validation
 * (content/validate.ts), Markdown (markdown-stage.ts), the frontmatter image (frontmatter-image.ts),
 * view models (article-views.ts, json-ld.ts) and the theme's frame (site-chrome.ts).
 * `renderSource` is a pure function of the source and the context, which is what makes caching
 * and parallel rendering safe.
 */
export class Renderer {
  readonly theme: Theme;
  readonly urls: UrlScheme;
  readonly strings: UiStrings;
  readonly assets: ReadonlyMap<string, AssetInfo>;
  readonly chrome: SiteChrome;
  private readonly markdownStage: MarkdownStage;
  private readonly regionSlugs = new Map<string, string>();

  constructor(readonly context: RenderContext) {
    const { config, basePath } = context;
    this.strings = languages[config.language] ?? languages.de!;
    this.urls = new UrlScheme(this.strings);
    this.assets = new Map(context.assets);
    this.markdownStage = new MarkdownStage({ rawHtml: config.rawHtml, strings: this.strings, assets: this.assets, basePath, allowedHosts: config.allowedHosts, language: config.language });
    // The brand colour reaches pages as a generated stylesheet (theme/brand.ts): the CSP allows no inline styles.
    const generatedAssets = new Map(brandAssets(config.brand?.color));
    if (context.logoAsset) generatedAssets.set(context.logoAsset.name, Buffer.from(context.logoAsset.bytes));
    this.theme = new Theme({ templateDirs: context.templateDirs, basePath, baseUrl: config.baseUrl, strings: this.strings, generatedAssets });
    // og:image of pages without a photo of their own (render/share-image.ts), the site's icons and logo.
    const head = { shareImage: fallbackShareImage(config, this.assets), icons: context.icons ?? [], ...(context.logo ? { logo: context.logo } : {}) };
    this.chrome = new SiteChrome(this.theme, config, this.strings, this.urls, context.search, head);
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

  /** Renders a whole page with the theme; `page` carries what the layout needs for `<head>`. */
  renderPage<T extends keyof TemplateViews>(template: T, page: PageChrome, data: TemplateViews[T]): string {
    return this.chrome.renderPage(template, page, data);
  }

  /** The Markdown stage alone: body HTML, links to other sources, content files used, problems. */
  markdown(source: SourceFile, body: string, bodyLine: number): MarkdownResult {
    return this.markdownStage.run(source, body, bodyLine);
  }

  /** Archives repeat a few dozen region and topic names thousands of times; slugify each once. */
  private regionSlug(region: string): string {
    let slug = this.regionSlugs.get(region);
    if (slug === undefined) this.regionSlugs.set(region, (slug = slugify(region)));
    return slug;
  }

  /** Validates and renders one source file: article or standalone page. */
  renderSource(source: SourceFile): SourceResult {
    const validated = validateSource(source, this.context.config.timezone, this.context.config.language);
    if (validated.kind === 'invalid') {
      // Broken frontmatter must not hide what is wrong in the body: report both in one run.
      // Its links too: they are checked with all others, so every problem shows in one run.
      const body = validated.body === undefined ? undefined : this.markdown(source, validated.body, validated.bodyLine ?? 1);
      return { kind: 'invalid', src: source.rel, problems: [...validated.problems, ...(body?.problems ?? [])], links: body?.links ?? [] };
    }
    const problems: Problem[] = [...validated.problems];
    const md = this.markdown(source, validated.body, validated.bodyLine);
    problems.push(...md.problems);

    if (validated.kind === 'page') {
      const url = this.urls.page(source.rel);
      const data = validated.data;
      const page: PageChrome = { kind: 'page', title: data.title, url, description: data.description ?? this.context.config.description, feeds: this.siteFeeds() };
      const html = this.renderPage('page', page, { content: md.html, updated: data.updated });
      if (problems.some((p) => p.severity === 'error')) return { kind: 'invalid', src: source.rel, problems, links: md.links };
      return { kind: 'page', meta: { src: source.rel, hash: source.hash, url, data }, html, links: md.links, assets: [...md.usedAssets].sort(), problems };
    }

    const data = validated.data;
    let image: ImageInfo | undefined;
    if (data.image) {
      const at = validated.positionOf('image.src') ?? { line: 1, column: 1 };
      const found = frontmatterImage(source, data.image.src, this.assets, md.usedAssets, at, this.context.config.language);
      if (found.problem) problems.push(found.problem);
      image = found.info;
    }
    const attached = downloadsOf(source, data.attachments ?? [], this.assets, md.usedAssets, validated.positionOf, this.strings.locale);
    problems.push(...attached.problems);
    if (problems.some((p) => p.severity === 'error')) return { kind: 'invalid', src: source.rel, problems, links: md.links };
    const regionSlug = this.regionSlug(data.region);
    const topicSlugs = (data.topics ?? []).map((topic) => this.regionSlug(topic));
    const url = this.urls.article(data);
    const regionUrl = this.urls.region(regionSlug);
    const listHtml = this.theme.render('partials/article-item', { t: this.strings, site: this.chrome.site, item: listItemView(url, data, regionUrl, image) });
    const meta: ArticleMeta = { src: source.rel, hash: source.hash, url, data, regionSlug, listHtml, ...(topicSlugs.length > 0 ? { topicSlugs } : {}), ...(image ? { image } : {}) };
    const html = this.renderPage('article', articleChrome(meta, [...this.siteFeeds(), ...this.regionFeeds(regionSlug, data.region)]), {
      article: articleView(meta, regionUrl, (slug) => this.urls.topic(slug), attached.downloads),
      content: md.html,
      jsonLd: newsArticleJsonLd(meta, this.context.config, this.chrome.site.shareImage, (slug) => this.urls.topic(slug)),
      // Links to other articles need all of them: filled in by build/article-context.ts.
      context: ARTICLE_CONTEXT_SLOT,
    });
    return { kind: 'article', meta, html, bodyHtml: md.html, links: md.links, assets: [...md.usedAssets].sort(), problems };
  }
}
