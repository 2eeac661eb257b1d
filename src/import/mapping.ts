import type { Root as MdastRoot } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { unified } from 'unified';
import { parseSiteDate, isoInZone } from '../util/dates.js';
import { isSafeSlug, slugify } from '../util/slug.js';
import type { SourceItem } from './types.js';

/** Longest teaser taken from the text; the validator allows more, lists and feeds look best under this. */
export const MAX_TEASER = 300;
/** Longest title made from the text of an untitled post. */
const MAX_TITLE = 80;

const htmlParser = unified().use(rehypeParse, { fragment: true });

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Plain text of an HTML or plain-text excerpt, without WordPress's "read more" mark (`[…]`). */
export function excerptText(excerpt: string): string {
  return squash(/[<&]/.test(excerpt) ? toText(htmlParser.parse(excerpt)) : excerpt).replace(/\s*\[(?:…|\.\.\.)\]$/, '');
}

/** The body's running text: its top-level paragraphs (tables, lists and headings are no lead). */
export function bodyText(tree: MdastRoot): string {
  return squash(tree.children.map((node) => (node.type === 'paragraph' ? mdastText(node) : '')).filter(Boolean).join(' '));
}

/** Cuts at a word boundary below `max` characters and marks the cut with an ellipsis. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** The first sentences of a text, at most `max` characters; one long sentence is cut at a word. */
export function firstSentences(text: string, max: number, enough = 80): string {
  const sentences = text.match(/[^.!?]+(?:[.!?]+["»“”']?(?=\s|$)|$)/g) ?? [text];
  let out = '';
  for (const sentence of sentences) {
    const next = squash(out + sentence);
    if (next.length > max) break;
    out = next;
    if (out.length >= enough) break;
  }
  return out !== '' ? out : cutAtWord(text, max);
}

export function teaserFor(item: SourceItem, text: string): string | undefined {
  const excerpt = item.excerpt ? excerptText(item.excerpt) : '';
  const source = excerpt !== '' ? excerpt : text;
  return source === '' ? undefined : firstSentences(source, MAX_TEASER);
}

/** An untitled post's title from its first sentence. */
export function titleFromText(text: string): string | undefined {
  if (text === '') return undefined;
  const first = firstSentences(text, MAX_TITLE, 1).replace(/[.!?]+$/, '');
  return first === '' ? undefined : first;
}

export interface MappedDate {
  /** As written into the frontmatter: the day alone when the time is midnight in the site's zone. */
  readonly frontmatter: string;
  readonly day: string;
  readonly epochMs: number;
}

/** The item's date in the site's time zone. */
export function dateFor(item: SourceItem, timeZone: string): MappedDate | undefined {
  if (!item.date) return undefined;
  const parsed = parseSiteDate(item.date, timeZone);
  if (!parsed.ok) return undefined;
  const { day, epochMs, hasTime } = parsed.date;
  if (!hasTime) return { frontmatter: day, day, epochMs };
  const iso = isoInZone(epochMs, timeZone);
  return { frontmatter: iso.slice(11, 19) === '00:00:00' ? day : iso, day, epochMs };
}

/** The item's slug: the source's own (WordPress `post_name`) when it is one, else from the title. */
export function slugFor(item: SourceItem, title: string): string {
  const given = item.slug ? slugify(item.slug) : '';
  if (given !== '' && isSafeSlug(given)) return given.slice(0, 80).replace(/-+$/, '');
  return slugify(title) || 'meldung';
}

export interface RegionRules {
  /** Category or tag → region, from `--region-map`; matched without regard to case. */
  readonly map: ReadonlyMap<string, string>;
  readonly fallback?: string;
  /** Regions of the site's configuration: a category with one of these names is that region. */
  readonly known: readonly string[];
  /** A Stadtbote feed's categories are region names. */
  readonly categoriesAreRegions: boolean;
}

/** The region of an item: the first category, then tag, that the map or the site knows; else the default. */
export function regionFor(item: SourceItem, rules: RegionRules): string | undefined {
  const terms = [...item.categories, ...item.tags];
  for (const term of terms) {
    for (const [category, region] of rules.map) if (category.toLowerCase() === term.toLowerCase()) return region;
  }
  for (const term of terms) {
    const known = rules.known.find((r) => r.toLowerCase() === term.toLowerCase());
    if (known) return known;
  }
  if (rules.categoriesAreRegions && item.categories[0]) return item.categories[0];
  return rules.fallback;
}

/**
 * The old address as an alias: the path and query string as they were on the old host (the host is
 * stripped; the fragment is not sent to servers). Undefined when there is no path to redirect.
 */
export function aliasFor(oldUrl: string | undefined, siteUrl: string | undefined): string | undefined {
  if (!oldUrl) return undefined;
  let url: URL;
  try {
    url = new URL(oldUrl, siteUrl && /^https?:/i.test(siteUrl) ? siteUrl : 'http://old.invalid/');
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  const address = url.pathname + url.search;
  return address === '/' ? undefined : address;
}
