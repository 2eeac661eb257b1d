import type { UiStrings } from '../i18n/index.js';
import type { ArticleData } from './types.js';
import { PLAIN_SITE_PATH } from '../util/plain-path.js';

/**
 * The URL scheme in one place. URLs are site paths starting and ending in `/` (folders with an
 * `index.html`) or naming a file; the base path is added when pages are rendered.
 */
export class UrlScheme {
  constructor(private readonly strings: UiStrings) {}

  /** `/2025/02-13-slug/`: the year for browsing, the day so that repeated titles never collide. */
  article(data: Pick<ArticleData, 'date' | 'slug'>): string {
    const [year, month, day] = data.date.day.split('-');
    return `/${year}/${month}-${day}-${data.slug}/`;
  }

  page(rel: string): string {
    // content/pages/impressum.md → /impressum/, content/pages/info/kontakt.md → /info/kontakt/
    // NFC: a name saved as NFD (macOS) and one saved as NFC are one page, with one spelling of its URL.
    const withoutExt = rel.normalize('NFC').replace(/^pages\//, '').replace(/\.md$/i, '');
    const parts = withoutExt.split('/').filter((p) => p !== 'index');
    return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
  }

  paginated(base: string, page: number): string {
    return page <= 1 ? base : `${base}${this.strings.url.page}/${page}/`;
  }

  home(page = 1): string {
    return this.paginated('/', page);
  }

  regions(): string {
    return `/${this.strings.url.regions}/`;
  }

  region(regionSlug: string, page = 1): string {
    return this.paginated(`/${this.strings.url.regions}/${regionSlug}/`, page);
  }

  regionYear(regionSlug: string, year: string, page = 1): string {
    return this.paginated(`/${this.strings.url.regions}/${regionSlug}/${year}/`, page);
  }

  topics(): string {
    return `/${this.strings.url.topics}/`;
  }

  topic(topicSlug: string, page = 1): string {
    return this.paginated(`/${this.strings.url.topics}/${topicSlug}/`, page);
  }

  topicYear(topicSlug: string, year: string, page = 1): string {
    return this.paginated(`/${this.strings.url.topics}/${topicSlug}/${year}/`, page);
  }

  archive(): string {
    return `/${this.strings.url.archive}/`;
  }

  year(year: string, page = 1): string {
    return this.paginated(`/${year}/`, page);
  }

  month(year: string, month: string, page = 1): string {
    return this.paginated(`/${year}/${month}/`, page);
  }

  search(): string {
    return `/${this.strings.url.search}/`;
  }

  /** Feeds of the whole site (`regionSlug` undefined) or of one region. */
  feed(kind: 'rss' | 'atom' | 'json', regionSlug?: string): string {
    return (regionSlug ? `/${this.strings.url.regions}/${regionSlug}/` : '/') + feedFile(kind);
  }

  /** Feeds of one topic, beside its page. */
  topicFeed(kind: 'rss' | 'atom' | 'json', topicSlug: string): string {
    return `/${this.strings.url.topics}/${topicSlug}/${feedFile(kind)}`;
  }
}

function feedFile(kind: 'rss' | 'atom' | 'json'): string {
  return kind === 'rss' ? 'feed.xml' : kind === 'atom' ? 'atom.xml' : 'feed.json';
}

/** A site path (`/2025/…`) as written into pages: with the base path in front (`/presse/2025/…`). */
export function withBasePath(basePath: string, sitePath: string): string {
  return basePath + sitePath.replace(/^\//, '');
}

/** A site path as an absolute URL under the base URL (which already holds the base path). */
export function absoluteUrl(baseUrl: string, sitePath: string): string {
  // A plain path (util/plain-path.ts) resolves to the base's folder followed by the path as written:
  // nothing in it is encoded or a dot segment. Every article page asks for a few (JSON-LD), the
  // sitemap for every page: `new URL` each time cost some 0.1 s of a template edit of 10,000 articles.
  if (sitePath.length > 1 && PLAIN_SITE_PATH.test(sitePath)) {
    const folder = baseFolderOf(baseUrl);
    if (folder !== undefined) return folder + sitePath.slice(1);
  }
  return new URL(sitePath.replace(/^\//, ''), baseUrl).href;
}

const baseFolders = new Map<string, string | undefined>();

/** What the URL parser puts before a relative path resolved against `baseUrl`: the base up to its last `/`, as the parser writes it. */
function baseFolderOf(baseUrl: string): string | undefined {
  if (baseFolders.has(baseUrl)) return baseFolders.get(baseUrl);
  let folder: string | undefined;
  try {
    const href = new URL('x', baseUrl).href;
    folder = href.endsWith('/x') ? href.slice(0, -1) : undefined;
  } catch {
    folder = undefined; // `new URL` in `absoluteUrl` says why
  }
  baseFolders.set(baseUrl, folder);
  return folder;
}

/** Output file for a site path: folders get an `index.html`. */
export function outputPathFor(url: string): string {
  const rel = url.replace(/^\//, '');
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}
