import type { SiteConfig } from '../config/config.js';
import type { UiStrings } from '../i18n/index.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta, AssetInfo, ImageInfo, SourceFile, SourceResult } from '../model/types.js';
import type { UrlScheme } from '../model/urls.js';
import type { Theme } from '../theme/engine.js';
import type { FeedLink, PageChrome, TemplateViews } from '../theme/views.js';
import { slugify } from '../util/slug.js';
import { ARTICLE_CONTEXT_SLOT } from './article-context-slot.js';
import { articleChrome, articleView } from './article-views.js';
import { downloadsOf } from './downloads.js';
import { frontmatterImage } from './frontmatter-image.js';
import { newsArticleJsonLd } from './json-ld.js';
import { listItemHash, renderListItem } from './list-item.js';
import type { SiteChrome } from './site-chrome.js';
import type { PreparedSource } from './source-step.js';

/** What the page step renders with: the renderer of this thread (render/renderer.ts). */
export interface PageStepDeps {
  readonly config: SiteConfig;
  readonly strings: UiStrings;
  readonly urls: UrlScheme;
  readonly assets: ReadonlyMap<string, AssetInfo>;
  readonly theme: Theme;
  readonly chrome: SiteChrome;
  siteFeeds(): FeedLink[];
  regionFeeds(regionSlug: string, region: string): FeedLink[];
  renderPage<T extends keyof TemplateViews>(template: T, page: PageChrome, data: TemplateViews[T]): string;
}

/**
 * The second half of rendering a source: from validated frontmatter and body HTML to the page,
 * with the frontmatter image, downloads, view models and templates. It never reads Markdown, so a
 * template or config change re-renders pages from stored bodies (render/source-step.ts).
 */
export function renderSourcePage(source: SourceFile, prepared: PreparedSource, deps: PageStepDeps): SourceResult {
  const { validated, md } = prepared;
  const problems: Problem[] = [...validated.problems, ...md.problems];
  if (validated.kind === 'page') {
    const url = deps.urls.page(source.rel);
    const data = validated.data;
    const page: PageChrome = { kind: 'page', title: data.title, url, description: data.description ?? deps.config.description, feeds: deps.siteFeeds() };
    const html = deps.renderPage('page', page, { content: md.html, updated: data.updated });
    if (problems.some((p) => p.severity === 'error')) return { kind: 'invalid', src: source.rel, problems, links: md.links };
    return { kind: 'page', meta: { src: source.rel, hash: source.hash, url, data }, html, links: md.links, assets: [...md.usedAssets].sort(), problems };
  }

  const data = validated.data;
  let image: ImageInfo | undefined;
  if (data.image) {
    const at = (): { line: number; column: number } => validated.positionOf('image.src') ?? { line: 1, column: 1 };
    const found = frontmatterImage(source, data.image.src, deps.assets, md.usedAssets, at, deps.config.language);
    if (found.problem) problems.push(found.problem);
    image = found.info;
  }
  const attached = downloadsOf(source, data.attachments ?? [], deps.assets, md.usedAssets, validated.positionOf, deps.strings.locale, deps.config.language /* messages */);
  problems.push(...attached.problems);
  if (problems.some((p) => p.severity === 'error')) return { kind: 'invalid', src: source.rel, problems, links: md.links };
  const regionSlug = slugify(data.region);
  const topicSlugs = (data.topics ?? []).map((topic) => slugify(topic));
  const url = deps.urls.article(data);
  const regionUrl = deps.urls.region(regionSlug);
  const listHtml = renderListItem({ theme: deps.theme, strings: deps.strings, site: deps.chrome.site }, url, data, regionUrl, image);
  const meta: ArticleMeta = { src: source.rel, hash: source.hash, url, data, regionSlug, listHtml, listHash: listItemHash(listHtml, data.date.iso), ...(topicSlugs.length > 0 ? { topicSlugs } : {}), ...(image ? { image } : {}) };
  const html = deps.renderPage('article', articleChrome(meta, [...deps.siteFeeds(), ...deps.regionFeeds(regionSlug, data.region)]), {
    article: articleView(meta, regionUrl, (slug) => deps.urls.topic(slug), attached.downloads),
    content: md.html,
    jsonLd: newsArticleJsonLd(meta, deps.config, deps.chrome.site.shareImage, (slug) => deps.urls.topic(slug)),
    // Links to other articles need all of them: filled in by build/article-context.ts.
    context: ARTICLE_CONTEXT_SLOT,
  });
  return { kind: 'article', meta, html, bodyHtml: md.html, links: md.links, assets: [...md.usedAssets].sort(), problems };
}
