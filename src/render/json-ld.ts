import type { SiteConfig } from '../config/config.js';
import type { ArticleMeta, ContactData, SocialImage } from '../model/types.js';
import { jsonLdDates } from './json-ld-dates.js';
import { shareImageOf } from './share-image.js';
import { absoluteUrl } from '../model/urls.js';
import type { JsonLd } from '../theme/views.js';

/**
 * The press contact as a schema.org ContactPoint of the publisher. NewsArticle itself has no contact
 * property, and the contact is not the author (news of a public body is written in its name):
 * `contactPoint` belongs to the Organization the person answers for. `telephone` is the global
 * number of the `tel:` link, `contactType` the role as written ("Pressestelle").
 */
function contactPoint(contact: ContactData | undefined): Record<string, unknown> {
  if (!contact) return {};
  return {
    contactPoint: {
      '@type': 'ContactPoint',
      name: contact.name,
      contactType: contact.role ?? 'press',
      ...(contact.phoneUri ? { telephone: contact.phoneUri.replace(/^tel:/, '') } : {}),
      ...(contact.email ? { email: contact.email } : {}),
    },
  };
}

/** schema.org NewsArticle of an article page, for search engines and news aggregators. */
export function newsArticleJsonLd(meta: ArticleMeta, config: SiteConfig, fallbackImage: SocialImage, topicUrl: (slug: string) => string): JsonLd {
  const { data } = meta;
  const topics = data.topics ?? [];
  const absolute = (p: string): string => absoluteUrl(config.baseUrl, p);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    description: data.teaser,
    // Instants with the site's offset; the share image (1200 px) or the site's fallback (render/share-image.ts, json-ld-dates.ts).
    ...jsonLdDates(data, config.timezone),
    image: [absolute(shareImageOf(meta.image, fallbackImage).image.url)],
    mainEntityOfPage: absolute(meta.url),
    contentLocation: { '@type': 'Place', name: data.region },
    // Topics twice: as plain keywords, and as what the article is about, each with its topic page.
    ...(topics.length > 0
      ? { keywords: [...topics], about: topics.map((name, i) => ({ '@type': 'Thing', name, url: absolute(topicUrl(meta.topicSlugs?.[i] ?? '')) })) }
      : {}),
    // News of a public body is written in its name: the publishing organisation is the author.
    author: { '@type': 'Organization', name: config.publisher.name, ...(config.publisher.url ? { url: config.publisher.url } : {}) },
    publisher: {
      '@type': 'Organization',
      name: config.publisher.name,
      ...(config.publisher.url ? { url: config.publisher.url } : {}),
      ...(config.publisher.logo ? { logo: { '@type': 'ImageObject', url: absolute(config.publisher.logo) } } : {}),
      ...contactPoint(data.contact),
    },
  };
}
