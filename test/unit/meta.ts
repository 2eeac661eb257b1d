import { parseSiteDate } from '../../src/util/dates.js';
import { slugify } from '../../src/util/slug.js';
import type { ArticleMeta } from '../../src/model/types.js';

/** An article as the build knows it after rendering, for tests of the stages after it. */
export function meta(src: string, date: string, region = 'Potsdam'): ArticleMeta {
  const parsed = parseSiteDate(date, 'Europe/Berlin');
  if (!parsed.ok) throw new Error(parsed.reason);
  const slug = slugify(src.replace(/^.*\//, '').replace(/\.md$/, ''));
  const [y, m, d] = parsed.date.day.split('-');
  return {
    src,
    hash: `hash-${src}`,
    url: `/${y}/${m}-${d}-${slug}/`,
    data: { title: src, date: parsed.date, region, teaser: 't', slug, draft: false, aliases: [] },
    regionSlug: slugify(region),
    listHtml: `<li>${src}</li>`,
    listHash: `h-${src}`,
  };
}
