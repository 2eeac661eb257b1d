import { VFile } from 'vfile';
import type { SiteConfig } from '../config/config.js';
import { languages, type UiStrings } from '../i18n/index.js';
import { gfmNeeds, hasUrlLiteral, type Syntax } from '../markdown/needs-gfm.js';
import { markdownProcessor, type MarkdownProcessor } from '../markdown/processor.js';
import type { AssetInfo } from '../markdown/resolve.js';
import { resolveReference } from '../markdown/resolve.js';
import { Theme } from '../theme/engine.js';
import { hashOf } from '../util/hash.js';
import { slugify } from '../util/slug.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta, ImageInfo, PendingLink, SourceFile, SourceResult } from '../model/types.js';
import { absoluteUrl, UrlScheme } from '../model/urls.js';
import { validateSource } from '../content/validate.js';
import { editorMessages } from '../i18n/editor.js';
import { closestFile, referenceFrom } from '../util/suggest.js';

/** Everything a render thread needs; plain data so that it can be sent to worker threads. */
export interface RenderContext {
  readonly config: SiteConfig;
  readonly basePath: string;
  readonly templateDirs: readonly string[];
  readonly assets: ReadonlyArray<readonly [string, AssetInfo]>;
  /** Whether the search page exists (linked from the navigation). */
  readonly search: boolean;
}

export interface FeedLink {
  readonly type: string;
  readonly href: string;
  readonly title: string;
}

export interface PageChrome {
  readonly kind: string;
  readonly title: string;
  readonly url: string;
  readonly description: string;
  readonly feeds: readonly FeedLink[];
  readonly image?: ImageInfo & { readonly alt: string };
  readonly noindex?: boolean;
  /** Navigation entry marked as current (`home`, `regions`, `archive`, `search`). */
  readonly section?: string;
  readonly pageNumber?: number;
}

/**
 * Renders sources and pages with one theme and one frozen Markdown processor per thread.
 * `renderSource` is a pure function of the source and the context, which is what makes caching
 * and parallel rendering safe.
 */
export class Renderer {
  readonly theme: Theme;
  readonly urls: UrlScheme;
  readonly strings: UiStrings;
  readonly assets: ReadonlyMap<string, AssetInfo>;
  /** One frozen processor per Markdown dialect: full GFM, GFM tables only, plain CommonMark. */
  private readonly processors: Readonly<Record<Syntax, MarkdownProcessor>>;
  private readonly site: Record<string, unknown>;

  constructor(readonly context: RenderContext) {
    const { config, basePath } = context;
    this.strings = languages[config.language] ?? languages.de!;
    this.urls = new UrlScheme(this.strings);
    this.assets = new Map(context.assets);
    this.processors = {
      gfm: markdownProcessor(config.rawHtml, 'gfm', this.strings),
      tables: markdownProcessor(config.rawHtml, 'tables', this.strings),
      commonmark: markdownProcessor(config.rawHtml, 'commonmark', this.strings),
    };
    this.theme = new Theme({ templateDirs: context.templateDirs, basePath, baseUrl: config.baseUrl, strings: this.strings });
    const t = this.strings;
    this.site = {
      title: config.title,
      description: config.description,
      language: config.language,
      baseUrl: config.baseUrl,
      publisher: config.publisher,
      footerLinks: config.footerLinks,
      nav: [
        { label: t.home, href: this.urls.home(), key: 'home' },
        { label: t.regions, href: this.urls.regions(), key: 'regions' },
        { label: t.archive, href: this.urls.archive(), key: 'archive' },
        ...(context.search ? [{ label: t.search, href: this.urls.search(), key: 'search' }] : []),
      ],
      search: context.search,
      searchUrl: this.urls.search(),
    };
  }

  siteFeeds(): FeedLink[] {
    const t = this.strings;
    return [
      { type: 'application/rss+xml', href: this.urls.feed('rss'), title: `${this.context.config.title} – ${t.feedRss}` },
      { type: 'application/atom+xml', href: this.urls.feed('atom'), title: `${this.context.config.title} – ${t.feedAtom}` },
      { type: 'application/feed+json', href: this.urls.feed('json'), title: `${this.context.config.title} – ${t.feedJson}` },
    ];
  }

  regionFeeds(regionSlug: string, region: string): FeedLink[] {
    const t = this.strings;
    return [
      { type: 'application/rss+xml', href: this.urls.feed('rss', regionSlug), title: `${region} – ${t.feedRss}` },
      { type: 'application/atom+xml', href: this.urls.feed('atom', regionSlug), title: `${region} – ${t.feedAtom}` },
      { type: 'application/feed+json', href: this.urls.feed('json', regionSlug), title: `${region} – ${t.feedJson}` },
    ];
  }

  private readonly chromeBySection = new Map<string, { header: string; footer: string }>();

  /** Header and footer are the same on every page of a section, so they are rendered once each. */
  private chrome(section: string, url: string): { header: string; footer: string } {
    // `current` names the navigation entry that is this very page (aria-current="page").
    const current = (this.site.nav as { href: string; key: string }[]).find((n) => n.href === url)?.key ?? '';
    const key = `${section}\u0000${current}`;
    let chrome = this.chromeBySection.get(key);
    if (!chrome) {
      const data = { site: this.site, t: this.strings, section, current };
      chrome = { header: this.theme.render('partials/header', data), footer: this.theme.render('partials/footer', data) };
      this.chromeBySection.set(key, chrome);
    }
    return chrome;
  }

  /** Renders a whole page with the theme; `page` carries what the layout needs for `<head>`. */
  renderPage(template: string, page: PageChrome, data: Record<string, unknown>): string {
    return this.theme.render(template, { site: this.site, t: this.strings, page, chrome: this.chrome(page.section ?? '', page.url), ...data });
  }

  /** The Markdown stage alone: body HTML, links to other sources, content files used, problems. */
  markdown(source: SourceFile, body: string, bodyLine: number): { html: string; links: PendingLink[]; usedAssets: Set<string>; problems: Problem[] } {
    const links: PendingLink[] = [];
    const usedAssets = new Set<string>();
    // Blank lines keep the body's line numbers equal to the file's in every message.
    const file = new VFile({ value: '\n'.repeat(bodyLine - 1) + body, path: source.display });
    file.data.references = {
      src: source.rel,
      tokenPrefix: `stadtbote-link-${source.hash.slice(0, 10).replace(/[^A-Za-z0-9]/g, 'x')}-`,
      assets: this.assets,
      basePath: this.context.basePath,
      allowedHosts: this.context.config.allowedHosts,
      language: this.context.config.language,
      usedAssets,
      links,
    };
    let html: string;
    try {
      // GFM only where the body needs it: same HTML, less than half the parse time for most news.
      const need = gfmNeeds(body);
      let processor = this.processors[need.syntax];
      let tree = processor.parse(file);
      if (need.urlLiterals && hasUrlLiteral(tree)) {
        processor = this.processors.gfm;
        tree = processor.parse(file);
      }
      html = processor.stringify(processor.runSync(tree, file), file);
    } catch (err) {
      // Last line of defence behind markdown/limits.ts: structure deeper than the parser's recursion.
      if (!(err instanceof RangeError)) throw err;
      return { html: '', links, usedAssets, problems: [{ file: source.display, line: bodyLine, column: 1, ruleId: 'too-complex', reason: 'the text is nested too deeply to be read', fix: 'flatten quotes, lists and emphasis', severity: 'error' }] };
    }
    const problems: Problem[] = file.messages.map((m) => ({
      file: source.display,
      line: m.line ?? undefined,
      column: m.column ?? undefined,
      ruleId: m.ruleId ?? 'markdown',
      reason: m.reason,
      fix: m.note ?? undefined,
      severity: m.fatal ? 'error' : 'warning',
    }));
    return { html, links, usedAssets, problems };
  }

  private frontmatterImage(source: SourceFile, src: string, used: Set<string>, at: { line: number; column: number }): { info?: ImageInfo; problem?: Problem } {
    const target = resolveReference(source.rel, src);
    if (target.ok) used.add(target.rel);
    const problem = (reason: string, ruleId: string, fix: string): { problem: Problem } => ({
      problem: { file: source.display, ...at, ruleId, field: 'image.src', reason, fix, severity: 'error' },
    });
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
      return problem(`image.src "${src}" is an address, not a file: images are published from the content folder, never loaded from another host`, 'external-image', 'save the image next to the article and give its file name');
    }
    if (!target.ok) return problem(`image.src "${src}" ${target.reason}`, 'image-outside', 'put the image next to the article or in the content folder');
    const asset = this.assets.get(target.rel);
    if (!asset) {
      // editors: a name that differs only in case or by a typo gets a "did you mean"
      const close = closestFile(target.rel, this.assets.keys());
      const fix = close === undefined ? 'check the file name and folder' : editorMessages(this.context.config.language).didYouMean(referenceFrom(source.rel, close));
      return problem(`image.src "${src}" does not exist (looked for ${source.display.slice(0, source.display.length - source.rel.length)}${target.rel})`, 'missing-image', fix);
    }
    if (asset.unreadable) return {};
    if (!asset.width || !asset.height) return problem(`image.src "${src}" is not a JPEG, PNG, WebP, AVIF or GIF image`, 'invalid-image', 'use a raster image');
    return { info: { url: asset.url, width: asset.width, height: asset.height, variants: asset.variants ?? [] } };
  }

  private readonly regionSlugs = new Map<string, string>();

  /** Archives repeat a few dozen region names thousands of times; slugify each once. */
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
      const body = validated.body === undefined ? undefined : this.markdown(source, validated.body, validated.bodyLine ?? 1);
      return { kind: 'invalid', src: source.rel, problems: [...validated.problems, ...(body?.problems ?? [])], links: body?.links ?? [] };
    }
    const problems = [...validated.problems];
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
      const found = this.frontmatterImage(source, data.image.src, md.usedAssets, at);
      if (found.problem) problems.push(found.problem);
      image = found.info;
    }
    if (problems.some((p) => p.severity === 'error')) return { kind: 'invalid', src: source.rel, problems, links: md.links };
    const regionSlug = this.regionSlug(data.region);
    const url = this.urls.article(data);
    const listHtml = this.theme.render('partials/article-item', { t: this.strings, site: this.site, item: this.listItem(url, data, regionSlug) });
    const meta: ArticleMeta = { src: source.rel, hash: source.hash, url, data, regionSlug, listHtml, ...(image ? { image } : {}) };
    const html = this.renderArticle(meta, md.html);
    return { kind: 'article', meta, html, bodyHtml: md.html, links: md.links, assets: [...md.usedAssets].sort(), problems };
  }

  /** What a list entry shows of an article; `id` is unique per page because each article is listed once. */
  private listItem(url: string, data: ArticleMeta['data'], regionSlug: string): Record<string, unknown> {
    const id = url.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/g, '-');
    return { id, url, title: data.title, teaser: data.teaser, region: data.region, regionUrl: this.urls.region(regionSlug), date: { day: data.date.day, iso: data.date.iso } };
  }

  private articleView(meta: ArticleMeta): Record<string, unknown> {
    const { data } = meta;
    return {
      url: meta.url,
      title: data.title,
      teaser: data.teaser,
      region: data.region,
      regionUrl: this.urls.region(meta.regionSlug),
      date: data.date,
      updated: data.updated,
      image: meta.image && data.image ? { ...meta.image, alt: data.image.alt, caption: data.image.caption, credit: data.image.credit } : undefined,
    };
  }

  private renderArticle(meta: ArticleMeta, bodyHtml: string): string {
    const { data } = meta;
    const config = this.context.config;
    const absolute = (p: string): string => absoluteUrl(config.baseUrl, p);
    const jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: data.title,
      description: data.teaser,
      datePublished: data.date.iso,
      ...(data.updated ? { dateModified: data.updated.iso } : {}),
      ...(meta.image ? { image: [absolute(meta.image.url)] } : {}),
      mainEntityOfPage: absolute(meta.url),
      contentLocation: { '@type': 'Place', name: data.region },
      // News of a public body is written in its name: the publishing organisation is the author.
      author: { '@type': 'Organization', name: config.publisher.name, ...(config.publisher.url ? { url: config.publisher.url } : {}) },
      publisher: {
        '@type': 'Organization',
        name: config.publisher.name,
        ...(config.publisher.url ? { url: config.publisher.url } : {}),
        ...(config.publisher.logo ? { logo: { '@type': 'ImageObject', url: absolute(config.publisher.logo) } } : {}),
      },
    };
    const page: PageChrome = {
      kind: 'article',
      title: data.title,
      url: meta.url,
      description: data.teaser,
      feeds: [...this.siteFeeds(), ...this.regionFeeds(meta.regionSlug, data.region)],
      ...(meta.image && data.image ? { image: { ...meta.image, alt: data.image.alt } } : {}),
    };
    return this.renderPage('article', page, { article: this.articleView(meta), content: bodyHtml, jsonLd });
  }
}

/** Key of the content files a page refers to, as they are now: a cached page is stale when it changes. */
export function assetDependencyKey(rels: readonly string[], assets: ReadonlyMap<string, AssetInfo>): string {
  return hashOf(JSON.stringify(rels.map((rel) => [rel, assets.get(rel) ?? null])));
}
