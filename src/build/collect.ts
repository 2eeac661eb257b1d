import { aliasOutputs } from '../outputs/fixed-paths.js';
import type { CachedSource } from '../cache/cache.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta, FinishedArticlePage, PageMeta, PendingLink } from '../model/types.js';
import { outputPathFor } from '../model/urls.js';
import type { OutputClaims } from '../write/claims.js';
import type { SiteOutput } from '../write/site-output.js';
import { FeedWindow } from './feed-window.js';
import { Exclusions, publicationOf, type PublishPolicy } from './publish.js';
import type { SourceSink } from './render-sources.js';

export interface CollectorInput {
  readonly policy: PublishPolicy;
  readonly claims: OutputClaims;
  readonly output: SiteOutput;
  /** Newest articles per feed: the bodies of only these are kept. */
  readonly feedItems: number;
  readonly displayPrefix: string;
  /** The site's host and base path: which aliases get a redirect page (content/aliases.ts). */
  readonly host: string;
  readonly basePath: string;
  /** The build's problem list: source problems join it in the order they arrive, as the claims' do. */
  readonly problems: Problem[];
  /** Hash of an article page as the last build wrote it (with its links to other articles), by URL. */
  readonly previousArticlePage?: (url: string) => string | undefined;
}

/**
 * An article page waiting for its links to other articles (related, previous, next), which need
 * every article (build/article-pages.ts). Its own HTML is in the output already (`written`), held
 * here (`html`, when it also has links between sources to fill in), or kept from the last build.
 */
export interface ArticlePage {
  readonly meta: ArticleMeta;
  readonly display: string;
  /** Hash of the page as rendered from its source, before any link was filled in. */
  readonly htmlHash: string;
  readonly links: readonly PendingLink[];
  /** The page's HTML when it has links between sources; filled in by build/links.ts fillArticleLinks. */
  readonly html?: string;
  readonly written: boolean;
  /** Written finished, with predicted links to other articles (build/predicted-links.ts). */
  readonly finished?: FinishedArticlePage;
}

/** A page whose links to other sources are filled in once every URL is known. */
export interface LinkedPage {
  readonly meta: ArticleMeta | PageMeta;
  readonly html: string;
  readonly links: readonly PendingLink[];
  readonly display: string;
}

/** What the sources made of the site: only list data, the pages themselves are written already. */
export interface CollectedSite {
  /** Published articles in the order they arrived. */
  readonly articles: readonly ArticleMeta[];
  /** Standalone pages in path order. */
  readonly pages: readonly PageMeta[];
  readonly linked: readonly LinkedPage[];
  /** Links of sources that were rejected: checked all the same. */
  readonly rejectedLinks: readonly { readonly display: string; readonly links: readonly PendingLink[] }[];
  /** Every published article's page, finished once all articles are known. */
  readonly articlePages: readonly ArticlePage[];
  readonly feedWindow: FeedWindow;
  readonly exclusions: Exclusions;
}

/**
 * The collect-and-write stage: takes each rendered or cached source into the site as it arrives.
 * It asks whether an article is published, claims its output path, offers it to the feed window and
 * writes its page right away. Writing here, before the list pages are planned, is deliberate: pages
 * stream from the render threads to the shadow folder, so memory holds only list data (metadata and
 * list entries), never the archive's HTML. Only pages with links to other sources wait, because
 * their links need every URL; nothing is live before the final swap, so an error later still leaves
 * the published site untouched.
 */
export class SiteCollector implements SourceSink {
  private readonly articles: ArticleMeta[] = [];
  private readonly pages: PageMeta[] = [];
  private readonly linked: LinkedPage[] = [];
  private readonly rejectedLinks: { display: string; links: readonly PendingLink[] }[] = [];
  private readonly articlePages: ArticlePage[] = [];
  private readonly feedWindow: FeedWindow;
  private readonly exclusions = new Exclusions();

  constructor(private readonly input: CollectorInput) {
    this.feedWindow = new FeedWindow(input.feedItems);
  }

  /**
   * Takes a rendered or cached source into the site. For a cache hit (`html` undefined) it first
   * checks that the page's bytes can be had without rendering; if not it returns false before
   * anything is recorded, and the source is rendered like any other.
   */
  accept(entry: CachedSource, html: string | undefined, bodyHtml: string | undefined, display: string, finished?: FinishedArticlePage): boolean {
    const { claims, output, policy, problems } = this.input;
    const outPath = outputPathFor(entry.meta.url);
    const article = entry.kind === 'article' ? (entry.meta as ArticleMeta) : undefined;
    const publication = article ? publicationOf(article.data, policy) : 'published';
    if (publication === 'published' && html === undefined) {
      // An article page is kept as the last build finished it (with its links to other articles), if it still can be.
      const lastHash = article ? this.input.previousArticlePage?.(article.url) : entry.htmlHash;
      const available = entry.links.length > 0 ? entry.html !== undefined : lastHash !== undefined && output.canKeep(outPath, lastHash);
      if (!available) return false;
      html = entry.html;
    }
    problems.push(...entry.problems);
    if (publication !== 'published') {
      this.exclusions.record(article!, publication, this.input.displayPrefix + article!.src);
      return true;
    }
    if (!claims.claim(outPath, display, { src: entry.meta.src, ...(article ? { field: 'title' } : {}) })) return true;
    if (article) {
      // Alias pages are claimed now, so their clashes come in this run (outputs/fixed-paths.ts).
      for (const [file, owner, source] of aliasOutputs(article, this.input.displayPrefix, this.input.host, this.input.basePath)) claims.claim(file, owner, source);
      this.articles.push(article);
      this.feedWindow.offer(article, bodyHtml);
      // Written now when rendered now (memory holds no archive of pages); finished by build/article-pages.ts.
      const written = html !== undefined && entry.links.length === 0;
      if (written) output.put(outPath, html!, finished?.hash ?? entry.htmlHash);
      this.articlePages.push({ meta: article, display, htmlHash: entry.htmlHash, links: entry.links, written, ...(entry.links.length > 0 ? { html: html! } : {}), ...(written && finished ? { finished } : {}) });
      return true;
    }
    this.pages.push(entry.meta as PageMeta);
    if (entry.links.length > 0) this.linked.push({ meta: entry.meta, html: html!, links: entry.links, display });
    else if (html !== undefined) output.put(outPath, html, entry.htmlHash);
    else output.keep(outPath, entry.htmlHash);
    return true;
  }

  /** An invalid source: its problems, and its links, checked with all others so every problem shows in one run. */
  reject(problems: readonly Problem[], links: readonly PendingLink[], display: string): void {
    this.input.problems.push(...problems);
    if (links.length > 0) this.rejectedLinks.push({ display, links });
  }

  /** The collected site; sources from the cache arrive before those rendered, so pages are put in path order here. */
  result(): CollectedSite {
    this.pages.sort((a, b) => (a.src < b.src ? -1 : a.src > b.src ? 1 : 0));
    return { articles: this.articles, pages: this.pages, linked: this.linked, rejectedLinks: this.rejectedLinks, articlePages: this.articlePages, feedWindow: this.feedWindow, exclusions: this.exclusions };
  }
}
