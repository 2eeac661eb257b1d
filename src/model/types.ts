import type { SiteDate } from '../util/dates.js';
import type { Problem } from './problem.js';

/** One file under the content folder, as read from disk. */
export interface SourceFile {
  /** Path relative to the content folder, with forward slashes. */
  readonly rel: string;
  /** Path relative to the site root, for messages (`content/2025/x.md`). */
  readonly display: string;
  readonly abs: string;
  /** Content hash of the raw bytes. */
  readonly hash: string;
  /** The decoded text with `\n` line endings, or undefined when the bytes are not readable text. */
  readonly text: string | undefined;
  /** Why the file could not be read as text. */
  readonly unreadable?: Problem;
  /** The file's identity when it was read (content/file-stamp.ts), when it can vouch for these bytes in a later build. */
  readonly stamp?: string;
  /** The file's size in bytes, known without reading its text. */
  readonly size?: number;
}

export interface ImageData {
  readonly src: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
}

/** The press contact of a press release (`contact:`); phone and e-mail are validated for `tel:` and `mailto:`. */
export interface ContactData {
  readonly name: string;
  readonly role?: string;
  /** As written, for display (`+49 331 289-1234`). */
  readonly phone?: string;
  /** The phone number as a `tel:` URI (RFC 3966 global number, `tel:+493312891234`). */
  readonly phoneUri?: string;
  readonly email?: string;
}

/** A download listed in the frontmatter (`attachments:`): a file of the content folder and its link text. */
export interface AttachmentData {
  readonly src: string;
  readonly title: string;
}

/** Validated frontmatter of a news article. */
export interface ArticleData {
  readonly title: string;
  readonly date: SiteDate;
  readonly region: string;
  readonly teaser: string;
  readonly slug: string;
  readonly image?: ImageData;
  readonly draft: boolean;
  readonly expires?: SiteDate;
  readonly updated?: SiteDate;
  readonly aliases: readonly string[];
  /** Topics (`topics:`), each one of the config's `topics`; empty when none are given. */
  readonly topics?: readonly string[];
  readonly contact?: ContactData;
  readonly attachments?: readonly AttachmentData[];
}

/** Validated frontmatter of a standalone page (`content/pages/…`). */
export interface PageData {
  readonly title: string;
  readonly description?: string;
  /** Day the page was last revised ("Stand"), shown on the page and used as its sitemap `lastmod`. */
  readonly updated?: SiteDate;
}

/** What the renderer knows of a non-Markdown file under the content folder (an image or attachment). */
export interface AssetInfo {
  /** Site path of the copied file. */
  readonly url: string;
  readonly width?: number;
  readonly height?: number;
  readonly variants?: readonly { readonly url: string; readonly width: number }[];
  /** The share image (`og:image`, JSON-LD, feed enclosure): at most 1200 px wide, JPEG or PNG. */
  readonly social?: SocialImage;
  /** Size of the published file in bytes (downloads show it: "PDF, 245 KB"). */
  readonly bytes?: number;
  /** The file is there but is not a readable image; its own error names it, so references stay quiet. */
  readonly unreadable?: true;
}

/** A rendered output image with its responsive variants. */
export interface ImageInfo {
  /** Site path of the full-size file, e.g. `/medien/potsdam-3fa2c1d0.jpg`. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** Resized WebP variants, smallest first. */
  readonly variants: readonly { readonly url: string; readonly width: number }[];
  /** The share image: `og:image`, JSON-LD `image`, feed enclosures. */
  readonly social?: SocialImage;
}

/** An image for link previews and feeds, with what `og:image:*` and an RSS enclosure state. */
export interface SocialImage {
  /** Site path, or an absolute URL (a publisher logo on another host). */
  readonly url: string;
  readonly width?: number;
  readonly height?: number;
  /** Media type, e.g. `image/jpeg`. */
  readonly type?: string;
  /** Size of the file in bytes. */
  readonly bytes?: number;
}

/**
 * What list pages, feeds, sitemap and search need of an article: everything but its body.
 * Kept in memory for every article; bodies are not.
 */
export interface ArticleMeta {
  readonly src: string;
  readonly hash: string;
  readonly url: string;
  readonly data: ArticleData;
  readonly regionSlug: string;
  /** URL slugs of `data.topics`, in the same order. */
  readonly topicSlugs?: readonly string[];
  readonly image?: ImageInfo;
  /**
   * The article's entry in list pages, rendered with `partials/article-item` (render/list-item.ts)
   * and reused on every home, region, year and month page it appears on: present where the article
   * was rendered in this build. The build cache keeps only `listHash`: these entries were half of a
   * 10,000-article cache (16 of 32 MB), loaded and copied by the garbage collector on every build
   * though most builds render no list page. A list page that shows a cached article renders its
   * entry again from this meta (`Renderer.listItemHtml`), the same bytes, as the cache is only used
   * with the templates and config it was made with.
   */
  readonly listHtml?: string;
  /** Hash of the list entry and its date (render/list-item.ts): what list keys hold of the article. */
  readonly listHash: string;
}

export interface PageMeta {
  readonly src: string;
  readonly hash: string;
  readonly url: string;
  readonly data: PageData;
}

/** A link from one article to another article's source file, resolved after all URLs are known. */
export interface PendingLink {
  /** Placeholder written into the HTML in place of the URL. */
  readonly token: string;
  /** Target source path relative to the content folder; empty for a link to a site path. */
  readonly target: string;
  /** A link to a page of the site (`/impressum/`, without the base path), checked once every output is known. */
  readonly sitePath?: string;
  /** What follows the path in the link: `#fragment`, or for a site path also `?query`. */
  readonly fragment: string;
  readonly line?: number;
  readonly column?: number;
}

/** The result of processing one source file: a pure function of its bytes and the render context. */
/** An article page rendered with its links to other articles (related, previous, next) in place. */
export interface FinishedArticlePage {
  readonly baseHash: string;
  readonly hash: string;
  /**
   * Hash of the JSON of what it links to. A hash, not the JSON: the build holds one per article until
   * all are known (100,000 articles: the JSON texts were some 100 MB of a template edit's peak).
   */
  readonly linksHash: string;
  /** Hash of the page's search view (theme/search-view.ts): what the search index is made from; with search on only. */
  readonly searchHash?: string;
}

export type SourceResult =
  /** `links` to other sources are checked all the same, so that broken links show in the same run as the rest. */
  | { readonly kind: 'invalid'; readonly src: string; readonly problems: readonly Problem[]; readonly links?: readonly PendingLink[] }
  | {
      readonly kind: 'article';
      readonly meta: ArticleMeta;
      readonly html: string;
      readonly bodyHtml: string;
      /**
       * Set when the page came finished with predicted links to other articles (render/renderer.ts):
       * `html` is then the finished page, `hash` its hash, `baseHash` the hash of the page before,
       * `linksHash` the hash of the JSON of what it links to.
       */
      readonly finished?: FinishedArticlePage;
      readonly links: readonly PendingLink[];
      /** Content files (images, attachments) the page refers to; their URLs and sizes are in the HTML. */
      readonly assets: readonly string[];
      readonly problems: readonly Problem[];
    }
  | {
      readonly kind: 'page';
      readonly meta: PageMeta;
      readonly html: string;
      readonly links: readonly PendingLink[];
      readonly assets: readonly string[];
      readonly problems: readonly Problem[];
    };
