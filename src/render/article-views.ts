import type { ArticleData, ArticleMeta, ContactData, ImageInfo } from '../model/types.js';
import type { ArticleView, ContactView, DownloadView, ListItemView, PageChrome, FeedLink } from '../theme/views.js';

/**
 * A list thumbnail: the smallest WebP variant (480 px), or the image itself when it is narrower than
 * every variant. Its height follows the image's proportions, so the list does not jump while it loads.
 */
export function thumbnailOf(image: ImageInfo): ListItemView['thumbnail'] {
  const smallest = image.variants[0];
  if (!smallest) return { url: image.url, width: image.width, height: image.height };
  return { url: smallest.url, width: smallest.width, height: Math.max(1, Math.round((image.height * smallest.width) / image.width)) };
}

/** What a list entry shows of an article; `id` is unique per page because each article is listed once. */
export function listItemView(url: string, data: ArticleData, regionUrl: string, image?: ImageInfo): ListItemView {
  const id = url.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/g, '-');
  return { id, url, title: data.title, teaser: data.teaser, region: data.region, regionUrl, date: { day: data.date.day, iso: data.date.iso }, ...(image ? { thumbnail: thumbnailOf(image) } : {}) };
}

/** A phone number must not break across lines: its spaces and hyphens become non-breaking ones. */
function contactView(contact: ContactData): ContactView {
  return { ...contact, ...(contact.phone ? { phone: contact.phone.replace(/ /g, '\u00a0').replace(/-/g, '\u2011') } : {}) };
}

/** What the article page shows of its article; topic URLs come from `topicUrl`, downloads from render/downloads.ts. */
export function articleView(meta: ArticleMeta, regionUrl: string, topicUrl: (slug: string) => string, downloads: readonly DownloadView[]): ArticleView {
  const { data } = meta;
  const slugs = meta.topicSlugs ?? [];
  return {
    url: meta.url,
    title: data.title,
    teaser: data.teaser,
    region: data.region,
    regionUrl,
    date: data.date,
    updated: data.updated,
    image: meta.image && data.image ? { ...meta.image, alt: data.image.alt, caption: data.image.caption, credit: data.image.credit } : undefined,
    topics: (data.topics ?? []).map((name, i) => ({ name, url: topicUrl(slugs[i]!) })),
    ...(data.contact ? { contact: contactView(data.contact) } : {}),
    downloads,
  };
}

/** The layout's view of an article page: its feeds are the site's and its region's. */
export function articleChrome(meta: ArticleMeta, feeds: readonly FeedLink[]): PageChrome {
  const { data } = meta;
  return {
    kind: 'article',
    title: data.title,
    url: meta.url,
    description: data.teaser,
    feeds,
    ...(meta.image && data.image ? { image: { ...meta.image, alt: data.image.alt } } : {}),
  };
}
