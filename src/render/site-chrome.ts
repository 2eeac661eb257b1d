import type { SiteConfig } from '../config/config.js';
import type { UiStrings } from '../i18n/index.js';
import type { UrlScheme } from '../model/urls.js';
import type { Theme } from '../theme/engine.js';
import type { ChromePartialView, ChromeView, FeedLink, HeadLinksPartialView, LayoutView, PageChrome, SiteView, TemplateViews } from '../theme/views.js';

/**
 * The theme's frame around every page: the site view, feed links, and header and footer, which
 * are the same on every page of a section and so rendered once each.
 */
export class SiteChrome {
  readonly site: SiteView;
  private readonly chromeBySection = new Map<string, Omit<ChromeView, 'headLinks'>>();
  /** The head's links by list of feeds: a site has one list, each region and topic one more. */
  private readonly headLinksByFeeds = new Map<string, string>();

  constructor(
    private readonly theme: Theme,
    private readonly config: SiteConfig,
    private readonly strings: UiStrings,
    private readonly urls: UrlScheme,
    search: boolean,
    head: Pick<SiteView, 'shareImage' | 'icons' | 'logo'>,
  ) {
    const t = strings;
    this.site = {
      title: config.title,
      description: config.description,
      language: config.language,
      baseUrl: config.baseUrl,
      publisher: config.publisher,
      footerLinks: config.footerLinks,
      nav: [
        { label: t.home, href: urls.home(), key: 'home' },
        { label: t.regions, href: urls.regions(), key: 'regions' },
        // "Themen" only on sites with topics: the overview is written only then (build/plan.ts).
        ...(config.topics.length > 0 ? [{ label: t.topics, href: urls.topics(), key: 'topics' as const }] : []),
        { label: t.archive, href: urls.archive(), key: 'archive' },
        ...(search ? [{ label: t.search, href: urls.search(), key: 'search' as const }] : []),
      ],
      search,
      searchUrl: urls.search(),
      // The look of the config (config/look.ts): brand colour and list thumbnails; the logo comes with `head`.
      ...(config.brand ? { brand: config.brand } : {}),
      listThumbnails: config.listThumbnails,
      ...head,
    };
  }

  siteFeeds(): FeedLink[] {
    const t = this.strings;
    return [
      { type: 'application/rss+xml', href: this.urls.feed('rss'), title: `${this.config.title} – ${t.feedRss}` },
      { type: 'application/atom+xml', href: this.urls.feed('atom'), title: `${this.config.title} – ${t.feedAtom}` },
      { type: 'application/feed+json', href: this.urls.feed('json'), title: `${this.config.title} – ${t.feedJson}` },
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

  topicFeeds(topicSlug: string, topic: string): FeedLink[] {
    const t = this.strings;
    return [
      { type: 'application/rss+xml', href: this.urls.topicFeed('rss', topicSlug), title: `${t.topic} ${topic} – ${t.feedRss}` },
      { type: 'application/atom+xml', href: this.urls.topicFeed('atom', topicSlug), title: `${t.topic} ${topic} – ${t.feedAtom}` },
      { type: 'application/feed+json', href: this.urls.topicFeed('json', topicSlug), title: `${t.topic} ${topic} – ${t.feedJson}` },
    ];
  }

  private headLinks(feeds: readonly FeedLink[]): string {
    const key = feeds.map((f) => `${f.type}\u0000${f.href}\u0000${f.title}`).join('\u0001');
    let html = this.headLinksByFeeds.get(key);
    if (html === undefined) {
      const data: HeadLinksPartialView = { site: this.site, t: this.strings, feeds };
      html = this.theme.render('partials/head-links', data);
      this.headLinksByFeeds.set(key, html);
    }
    return html;
  }

  private chrome(section: string, url: string): Omit<ChromeView, 'headLinks'> {
    // `current` names the navigation entry that is this very page (aria-current="page").
    const current = this.site.nav.find((n) => n.href === url)?.key ?? '';
    const key = `${section}\u0000${current}`;
    let chrome = this.chromeBySection.get(key);
    if (!chrome) {
      const data: ChromePartialView = { site: this.site, t: this.strings, section, current };
      chrome = { header: this.theme.render('partials/header', data), footer: this.theme.render('partials/footer', data) };
      this.chromeBySection.set(key, chrome);
    }
    return chrome;
  }

  /** Renders a whole page with the theme; `page` carries what the layout needs for `<head>`. */
  renderPage<T extends keyof TemplateViews>(template: T, page: PageChrome, data: TemplateViews[T]): string {
    const chrome: ChromeView = { ...this.chrome(page.section ?? '', page.url), headLinks: this.headLinks(page.feeds) };
    const layout: LayoutView = { site: this.site, t: this.strings, page, chrome };
    return this.theme.render(template, { ...layout, ...data });
  }
}
