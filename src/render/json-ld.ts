import type { SiteConfig } from '../config/config.js';
import type { ArticleMeta } from '../model/types.js';
import { absoluteUrl } from '../model/urls.js';
import type { JsonLd } from '../theme/views.js';

/** schema.org NewsArticle of an article page, for search engines and news aggregators. */
export function newsArticleJsonLd(meta: ArticleMeta, config: SiteConfig): JsonLd {
  const { data } = meta;
  const absolute = (p: string): string => absoluteUrl(config.baseUrl, p);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    description: data.teaser,
    datePublished: data.date.iso,
    ...(data.updated ? { dateModified: data.updated.iso } : {}),
    ...(meta.image ? { image: [absolute(meta.image.url)] } : {}),
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
