import type { SiteConfig } from '../config/config.js';
import type { ArticleMeta, SocialImage } from '../model/types.js';
import { jsonLdDates } from './json-ld-dates.js';
import { shareImageOf } from './share-image.js';
import { absoluteUrl } from '../model/urls.js';
import type { JsonLd } from '../theme/views.js';

/** schema.org NewsArticle of an article page, for search engines and news aggregators. */
export function newsArticleJsonLd(meta: ArticleMeta, config: SiteConfig, fallbackImage: SocialImage): JsonLd {
  const { data } = meta;
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
    // News of a public body is written in its name: the publishing organisation is the author.
    author: { '@type': 'Organization', name: config.publisher.name, ...(config.publisher.url ? { url: config.publisher.url } : {}) },
    publisher: {
      '@type': 'Organization',
      name: config.publisher.name,
      ...(config.publisher.url ? { url: config.publisher.url } : {}),
      ...(config.publisher.logo ? { logo: { '@type': 'ImageObject', url: absolute(config.publisher.logo) } } : {}),
    },
  };
}
