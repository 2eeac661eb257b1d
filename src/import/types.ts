/** One post, page or file of the archive being moved in, as read from its source, before mapping. */
export interface SourceImage {
  /** As written in the source: an absolute URL, a site path or a path relative to the item. */
  readonly url: string;
  readonly alt?: string;
  readonly caption?: string;
  readonly title?: string;
  readonly credit?: string;
}

export interface SourceItem {
  /** Stable identity across imports: the guid, the old URL or the file's path in the source. */
  readonly key: string;
  readonly kind: 'article' | 'page';
  /** Empty when the source has none; a title is then made from the text. */
  readonly title: string;
  /** A date `parseSiteDate` reads: an instant with offset, or wall-clock time or a day in the site's zone. */
  readonly date?: string;
  /** The old address (absolute URL or host-absolute path), carried over as an alias. */
  readonly oldUrl?: string;
  /** Further old addresses that redirected to the item (Hugo `aliases`, Jekyll `redirect_from`). */
  readonly extraAliases?: readonly string[];
  /** Other addresses that name this item in links (WordPress `?p=12`, Hugo aliases). */
  readonly otherUrls?: readonly string[];
  /** The body as HTML, or as Markdown for static-site folders. */
  readonly body: { readonly format: 'html' | 'markdown'; readonly text: string };
  /** A Stadtbote feed's body starts with the article photo as a figure: it is the item's image. */
  readonly leadFigureIsImage?: boolean;
  /** WordPress's classic editor stores paragraphs as blank lines, not `<p>`. */
  readonly autoParagraphs?: boolean;
  /** Excerpt or description (HTML or text). */
  readonly excerpt?: string;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  readonly draft: boolean;
  readonly image?: SourceImage;
  /** A slug the source chose (WordPress `post_name`, frontmatter `slug`). */
  readonly slug?: string;
  /** Where relative media paths are looked up: a URL or a folder. */
  readonly mediaBase?: string;
  /** For messages: the source file (folder sources) or the source itself. */
  readonly origin: string;
}

export type SourceKind = 'rss' | 'rdf' | 'atom' | 'wxr' | 'jekyll' | 'hugo' | 'eleventy';

export interface SourceArchive {
  readonly kind: SourceKind;
  readonly items: readonly SourceItem[];
  /** Site address of the old archive, when the source names it: links to it are internal. */
  readonly siteUrl?: string;
  /** True for a Stadtbote site's own feed: its categories are region names. */
  readonly categoriesAreRegions?: boolean;
  /** Folder of a static site, for site-absolute media paths (`/assets/x.jpg`). */
  readonly siteFolder?: string;
}
