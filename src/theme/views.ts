import type { IconLink } from './icons.js';
import type { UiStrings } from '../i18n/index.js';
import type { ImageInfo, SocialImage } from '../model/types.js';
import type { SiteDate } from '../util/dates.js';

/**
 * What each template of the theme sees: the contract between the build and a site's own templates
 * (README "Templates"). Plain data only, because list pages are rendered in worker threads.
 */

export interface FeedLink {
  readonly type: string;
  readonly href: string;
  readonly title: string;
}

/** An entry of the main navigation; `key` names it for `aria-current`. */
export interface NavItem {
  readonly label: string;
  readonly href: string;
  readonly key: 'home' | 'regions' | 'topics' | 'archive' | 'search';
}

/** The logo or coat of arms in the header (`site.logo`): the image, its own size and WebP variants. */
export interface LogoView {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly variants: readonly { readonly url: string; readonly width: number }[];
}

/** The site as every template sees it (`site`). */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly baseUrl: string;
  readonly publisher: { readonly name: string; readonly url?: string; readonly logo?: string };
  readonly footerLinks: readonly { readonly label: string; readonly href: string }[];
  readonly nav: readonly NavItem[];
  readonly search: boolean;
  readonly searchUrl: string;
  /** og:image of pages without a photo of their own (images.default, publisher logo or touch icon). */
  readonly shareImage: SocialImage;
  /** Favicon and touch icon links, the theme's or the site's own. */
  readonly icons: readonly IconLink[];
  /** The logo of the config (`logo`), when there is one. */
  readonly logo?: LogoView;
  /** The brand colour (`brand.color`, `#rrggbb`); the layout then links `/assets/brand.css`, which sets it. */
  readonly brand?: { readonly color: string };
  /** Whether list entries show their article's photo as a thumbnail (`listThumbnails`). */
  readonly listThumbnails: boolean;
}

/** What the layout needs of a page for `<head>` and the navigation (`page`). */
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

/** Header and footer, rendered once per section and reused (`chrome`). */
export interface ChromeView {
  readonly header: string;
  readonly footer: string;
  /** The head's feed, icon and stylesheet links (`partials/head-links`), the same on every page with these feeds. */
  readonly headLinks: string;
}

/** What `partials/head-links` sees: the page's feeds and the site (icons, brand). */
export interface HeadLinksPartialView {
  readonly site: SiteView;
  readonly t: UiStrings;
  readonly feeds: readonly FeedLink[];
}

/** What `partials/header` and `partials/footer` see; `current` is the navigation entry that is this very page. */
export interface ChromePartialView {
  readonly site: SiteView;
  readonly t: UiStrings;
  readonly section: string;
  readonly current: string;
}

/** What every page template sees besides its own data. */
export interface LayoutView {
  readonly site: SiteView;
  readonly t: UiStrings;
  readonly page: PageChrome;
  readonly chrome: ChromeView;
}

/** An article as a list entry shows it (`partials/article-item`'s `item`); `id` is unique per page. */
export interface ListItemView {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly teaser: string;
  readonly region: string;
  readonly regionUrl: string;
  readonly date: { readonly day: string; readonly iso: string };
  /** The article photo's smallest WebP variant (or the image itself when it has none), for `listThumbnails`. */
  readonly thumbnail?: { readonly url: string; readonly width: number; readonly height: number };
}

export interface ArticleItemPartialView {
  readonly t: UiStrings;
  readonly site: SiteView;
  readonly item: ListItemView;
}

export interface ArticleImageView extends ImageInfo {
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
}

/** A download of an article (`attachments:`): its link text, type (`PDF`) and size in the site's number format (`245 KB`). */
export interface DownloadView {
  readonly url: string;
  readonly title: string;
  readonly type: string;
  readonly size?: string;
}

/** The press contact as the address block shows it; `phoneUri` is the `tel:` link, `email` the `mailto:` address. */
export interface ContactView {
  readonly name: string;
  readonly role?: string;
  readonly phone?: string;
  readonly phoneUri?: string;
  readonly email?: string;
}

/** Another article as the related and previous/next links show it. */
export interface ArticleLinkView {
  readonly url: string;
  readonly title: string;
  readonly date: { readonly day: string; readonly iso: string };
}

/**
 * `partials/article-context`: what an article page shows of OTHER articles: up to three related
 * ones (same topics, then same region) and the previous and next one by date. Rendered once every
 * article is known (build/article-context.ts) and put into the page at `context` of `article`.
 */
/** What an article page shows of other articles: related, the next older and the next newer one. */
export interface ArticleLinks {
  readonly related: readonly ArticleLinkView[];
  readonly previous?: ArticleLinkView;
  readonly next?: ArticleLinkView;
}

export interface ArticleContextView extends ArticleLinks {
  readonly t: UiStrings;
  readonly site: SiteView;
}

/** An article as its page shows it (`article`). */
export interface ArticleView {
  readonly url: string;
  readonly title: string;
  readonly teaser: string;
  readonly region: string;
  readonly regionUrl: string;
  readonly date: SiteDate;
  readonly updated?: SiteDate;
  readonly image?: ArticleImageView;
  /** Its topics, each with the URL of the topic's page. */
  readonly topics: readonly { readonly name: string; readonly url: string }[];
  readonly contact?: ContactView;
  readonly downloads: readonly DownloadView[];
}

/** A schema.org object for `<script type="application/ld+json">`. */
export interface JsonLd {
  readonly '@context'?: string;
  readonly '@type': string;
  readonly [property: string]: unknown;
}

/** `article`: the article, its body HTML and its JSON-LD. */
export interface ArticlePageView {
  readonly article: ArticleView;
  readonly content: string;
  readonly jsonLd: JsonLd;
  /**
   * Where the links to other articles go (`{{ context | raw }}`): a placeholder at render time,
   * replaced by `partials/article-context` once every article is known.
   */
  readonly context: string;
}

/** `page`: a standalone page's body and the day it was revised. */
export interface StandalonePageView {
  readonly content: string;
  readonly updated?: SiteDate;
}

/** One entry of a list page: the article's list HTML, rendered once, and its date. */
export interface ListEntryView {
  readonly html: string;
  readonly iso: string;
}

export interface PaginationView {
  readonly current: number;
  readonly total: number;
  readonly prev?: string;
  readonly next?: string;
  readonly pages: readonly { number?: number; url?: string; current?: boolean; gap?: boolean }[];
}

/** Links between related lists (a region's years, a year's months). */
export interface FilterView {
  readonly label: string;
  readonly items: readonly { readonly label: string; readonly url: string; readonly current: boolean }[];
}

/** `list`: home, region, region-year, year and month pages. `start` numbers the ordered list on from page to page. */
export interface ListView {
  readonly heading: string;
  readonly intro?: string;
  readonly items: readonly ListEntryView[];
  readonly start: number;
  readonly pagination: PaginationView;
  readonly filters?: FilterView;
}

/** `regions`: every region with its article count. */
export interface RegionsView {
  readonly regions: readonly { readonly name: string; readonly url: string; readonly count: number }[];
}

/** `topics`: every topic with published articles and their count (only written when the config lists topics). */
export interface TopicsView {
  readonly topics: readonly { readonly name: string; readonly url: string; readonly count: number }[];
}

/** `archive`: every year and month with its article count. */
export interface ArchiveView {
  readonly years: readonly {
    readonly year: string;
    readonly url: string;
    readonly count: number;
    readonly months: readonly { readonly month: string; readonly url: string; readonly count: number }[];
  }[];
}

/** `search`: the filter options and where readers without JavaScript go instead. */
export interface SearchView {
  /** Site path of the Pagefind script of the primary (newest) part of the index. */
  readonly bundle: string;
  /** Site paths of the other parts' bundles, newest first, merged at query time (search/parts.ts). */
  readonly mergedBundles: readonly string[];
  /** Above any part's number of records (articles and the closing record): the base of the parts' weights. */
  readonly partBase: number;
  readonly regions: readonly string[];
  /** Topics with published articles; the topic filter is left out when there are none. */
  readonly topics: readonly string[];
  readonly years: readonly string[];
  readonly archiveUrl: string;
  readonly regionsUrl: string;
}

/** `redirect`: where an alias leads. */
export interface RedirectView {
  readonly target: string;
  readonly title: string;
}

/** `404`: the layout alone. */
export type NotFoundView = Readonly<Record<string, never>>;

/** Each page template and the data it is given. */
export interface TemplateViews {
  readonly article: ArticlePageView;
  readonly page: StandalonePageView;
  readonly list: ListView;
  readonly regions: RegionsView;
  readonly topics: TopicsView;
  readonly archive: ArchiveView;
  readonly search: SearchView;
  readonly redirect: RedirectView;
  readonly '404': NotFoundView;
}

export type PageTemplate = keyof TemplateViews;

/** A page to render: template, chrome and the template's own data, checked against each other. */
export type TemplateJob<T extends PageTemplate = PageTemplate> = {
  [K in T]: { readonly template: K; readonly chrome: PageChrome; readonly data: TemplateViews[K] };
}[T];
