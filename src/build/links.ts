import { rulesIn } from '../model/messages.js';
import { suggestSource } from './addresses.js';
import type { CachedSource } from '../cache/cache.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta, PageMeta, PendingLink, SourceFile } from '../model/types.js';
import { outputPathFor, withBasePath } from '../model/urls.js';
import type { Renderer } from '../render/renderer.js';
import type { SiteOutput } from '../write/site-output.js';
import type { SiteLink } from '../checks/site-links.js';
import type { ArticlePage, LinkedPage } from './collect.js';
import type { FeedWindow } from './feed-window.js';

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

export interface LinkInput {
  readonly articles: readonly ArticleMeta[];
  readonly pages: readonly PageMeta[];
  /** Every source of the content folder, published or not: tells "not published" from "does not exist". */
  readonly sources: readonly string[];
  readonly displayPrefix: string;
  readonly basePath: string;
  /** The site's language, for the "did you mean" of a link to a missing file. */
  readonly language: string;
  /** Where broken links are reported. */
  readonly problems: Problem[];
}

/** Links between sources, filled in once every published source's URL is known. */
export class LinkResolver {
  private readonly urlBySrc = new Map<string, string>();
  private readonly sourceRels: ReadonlySet<string>;
  /** Links to site paths (`/impressum/`), checked once every output is known (checks/site-links.ts). */
  readonly siteLinks: SiteLink[] = [];

  constructor(private readonly input: LinkInput) {
    for (const a of input.articles) this.urlBySrc.set(a.src, a.url);
    for (const p of input.pages) this.urlBySrc.set(p.src, p.url);
    this.sourceRels = new Set(input.sources);
  }

  /** The page's HTML with its links filled in; a broken link becomes `#` and, when `report`, a problem of `display`. */
  fill(html: string, links: readonly PendingLink[], display: string, report = true): string {
    return replaceLinks(html, links, (l) => this.urlOf(display, l, report));
  }

  /** Checks links of a page that is not written (an invalid source): each broken one is a problem of `display`. */
  check(links: readonly PendingLink[], display: string): void {
    for (const l of links) this.urlOf(display, l, true);
  }

  private urlOf(display: string, l: PendingLink, report: boolean): string {
    const { displayPrefix } = this.input;
    if (l.sitePath !== undefined) {
      if (report) this.siteLinks.push({ display, link: { ...l, sitePath: l.sitePath } });
      return withBasePath(this.input.basePath, l.sitePath) + l.fragment;
    }
    const url = this.urlBySrc.get(l.target);
    if (url !== undefined) return withBasePath(this.input.basePath, url) + l.fragment;
    if (!report) return '#';
    const exists = this.sourceRels.has(l.target);
    this.input.problems.push({
      file: display,
      line: l.line,
      column: l.column,
      ruleId: 'broken-link',
      // A file name that differs only in case or by a typo gets a "did you mean".
      ...(exists
        ? rulesIn(this.input.language)['broken-link'].unpublished({ target: displayPrefix + l.target })
        : rulesIn(this.input.language)['broken-link'].missing({ target: displayPrefix + l.target, suggestion: suggestSource(l.target, display.slice(displayPrefix.length), this.sourceRels, this.input.language) ?? '' })),
      severity: 'error',
    });
    return '#';
  }
}

/** The link stage: writes the pages that waited for their links. */
export function writeLinkedPages(linked: readonly LinkedPage[], links: LinkResolver, output: SiteOutput): void {
  for (const page of linked) output.put(outputPathFor(page.meta.url), links.fill(page.html, page.links, page.display));
}

/**
 * Article pages with links between sources get them filled in here, with broken ones reported, in
 * every run (`check` too); their links to other articles come later (build/article-pages.ts).
 */
export function fillArticleLinks(pages: readonly ArticlePage[], links: LinkResolver): ArticlePage[] {
  return pages.map((page) => (page.html === undefined ? page : { ...page, html: links.fill(page.html, page.links, page.display) }));
}

export interface FeedBodyInput {
  readonly window: FeedWindow;
  /** The renderer of this thread, for the few bodies the cache did not keep. */
  readonly renderer: () => Renderer;
  readonly read: (rel: string) => SourceFile;
  readonly links: LinkResolver;
  readonly displayPrefix: string;
  /** This build's cache entries: a feed item's body is kept in its entry for the next build. */
  readonly cached: Map<string, CachedSource>;
}

/**
 * Bodies of the articles in some feed, links filled in quietly (the page reported them). Feed items
 * whose body was not kept (cache hits that were not in a feed before) are rendered again.
 */
export async function feedBodies(input: FeedBodyInput): Promise<{ bodies: Map<string, string>; rerendered: number }> {
  const { window, cached } = input;
  const missing = window.missing();
  if (missing.length > 0) {
    const r = input.renderer();
    for (const src of missing) {
      const result = await r.renderSourceLoaded(input.read(src));
      if (result.kind === 'article') window.setBody(src, result.bodyHtml);
    }
  }
  const bodies = new Map<string, string>();
  for (const [src, body] of window.bodies) {
    if (body === undefined) continue;
    const entry = cached.get(src);
    bodies.set(src, entry && entry.links.length > 0 ? input.links.fill(body, entry.links, input.displayPrefix + src, false) : body);
    // An entry that kept this very body stays the same object: a build that changed nothing leaves the cache as it was (build/cache-stage.ts).
    if (entry && entry.bodyHtml !== body) cached.set(src, { ...entry, bodyHtml: body });
  }
  return { bodies, rerendered: missing.length };
}
