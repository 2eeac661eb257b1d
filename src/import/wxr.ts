import type { SourceArchive, SourceImage, SourceItem } from './types.js';
import { attrOf, listOf, textOf, type XmlNode } from './xml.js';

/** WordPress statuses that are carried over; `trash` and `auto-draft` are left behind. */
const KEPT_STATUSES = new Set(['publish', 'future', 'draft', 'pending', 'private']);

export interface WxrAttachment {
  readonly url: string;
  readonly alt?: string;
  readonly caption?: string;
  readonly title?: string;
}

function node(value: unknown): XmlNode {
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' ? (first as XmlNode) : {};
}

function meta(item: XmlNode): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of listOf(item['wp:postmeta'])) map.set(textOf(node(m)['wp:meta_key']), textOf(node(m)['wp:meta_value']));
  return map;
}

/**
 * WordPress keeps a post's earlier slugs (`_wp_old_slug`, one entry per rename) and redirects them:
 * the post's address with each old slug is an old address too.
 */
function oldSlugAddresses(item: XmlNode, link: string): string[] {
  const slug = textOf(item['wp:post_name']).trim();
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return [];
  }
  const segments = url.pathname.split('/');
  const at = segments.lastIndexOf(slug);
  if (!slug || at < 0) return [];
  return listOf(item['wp:postmeta'])
    .filter((m) => textOf(node(m)['wp:meta_key']) === '_wp_old_slug')
    .map((m) => textOf(node(m)['wp:meta_value']).trim())
    .filter((old) => old !== '' && old !== slug)
    .map((old) => {
      const copy = new URL(url);
      copy.pathname = [...segments.slice(0, at), old, ...segments.slice(at + 1)].join('/');
      return copy.href;
    });
}

/** `2024-03-01 09:30:00` in UTC (`post_date_gmt`) or, for drafts, wall-clock time in the site's zone. */
function wxrDate(item: XmlNode): string | undefined {
  const gmt = textOf(item['wp:post_date_gmt']).trim();
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(gmt) && !gmt.startsWith('0000')) return `${gmt.replace(' ', 'T')}Z`;
  const local = textOf(item['wp:post_date']).trim();
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(local) && !local.startsWith('0000')) return local.replace(' ', 'T');
  return undefined;
}

function attachments(items: readonly XmlNode[]): Map<string, WxrAttachment> {
  const byId = new Map<string, WxrAttachment>();
  for (const item of items) {
    if (textOf(item['wp:post_type']) !== 'attachment') continue;
    const url = textOf(item['wp:attachment_url']).trim() || textOf(item.guid).trim();
    if (!url) continue;
    const m = meta(item);
    const alt = m.get('_wp_attachment_image_alt')?.trim();
    const caption = textOf(item['excerpt:encoded']).trim();
    const title = textOf(item.title).trim();
    byId.set(textOf(item['wp:post_id']).trim(), { url, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}), ...(title ? { title } : {}) });
  }
  return byId;
}

function terms(item: XmlNode, domain: string): string[] {
  return listOf(item.category)
    .filter((c) => attrOf(c, 'domain') === domain)
    .map((c) => textOf(c).trim())
    .filter(Boolean);
}

/** WordPress's own short link for a post (`https://example.org/?p=12`, `?page_id=3`): links in other posts use it. */
function shortLinks(item: XmlNode, base: string): string[] {
  const id = textOf(item['wp:post_id']).trim();
  const guid = textOf(item.guid).trim();
  const links = guid ? [guid] : [];
  if (id && base) links.push(`${base.replace(/\/$/, '')}/?p=${id}`, `${base.replace(/\/$/, '')}/?page_id=${id}`);
  return links;
}

/** A WordPress export (WXR 1.x): posts and pages with their featured images; attachments by id. */
export function readWxr(doc: XmlNode, origin: string): SourceArchive | undefined {
  const channel = node(node(doc.rss).channel);
  if (channel['wp:wxr_version'] === undefined) return undefined;
  const siteUrl = textOf(channel['wp:base_blog_url']).trim() || textOf(channel.link).trim();
  const all = listOf(channel.item).map(node);
  const media = attachments(all);
  const items: SourceItem[] = [];
  for (const item of all) {
    const type = textOf(item['wp:post_type']).trim();
    const status = textOf(item['wp:status']).trim();
    if ((type !== 'post' && type !== 'page') || !KEPT_STATUSES.has(status)) continue;
    const m = meta(item);
    const thumb = media.get(m.get('_thumbnail_id')?.trim() ?? '');
    const image: SourceImage | undefined = thumb ? { ...thumb } : undefined;
    const link = textOf(item.link).trim();
    // A draft's link is its short link (`?p=12`), not an address anyone has seen: no alias for it.
    const published = status === 'publish' || status === 'future';
    const date = wxrDate(item);
    const excerpt = textOf(item['excerpt:encoded']).trim();
    const slug = textOf(item['wp:post_name']).trim();
    items.push({
      key: textOf(item.guid).trim() || `wp:${textOf(item['wp:post_id'])}`,
      kind: type === 'page' ? 'page' : 'article',
      title: textOf(item.title).trim(),
      ...(date ? { date } : {}),
      ...(link && published ? { oldUrl: link, extraAliases: oldSlugAddresses(item, link) } : {}),
      otherUrls: shortLinks(item, siteUrl),
      body: { format: 'html', text: textOf(item['content:encoded']) },
      autoParagraphs: true,
      ...(excerpt ? { excerpt } : {}),
      categories: terms(item, 'category'),
      tags: terms(item, 'post_tag'),
      draft: status !== 'publish' && status !== 'future',
      ...(image ? { image } : {}),
      ...(slug ? { slug: decodeURIComponentSafe(slug) } : {}),
      ...(link ? { mediaBase: link } : {}),
      origin,
    });
  }
  return { kind: 'wxr', items, ...(siteUrl ? { siteUrl } : {}) };
}

/** WordPress stores non-ASCII slugs percent-encoded (`b%c3%bcrgerportal`). */
function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
