import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/model/types.js';
import { searchBundlePaths, searchParts, yearsPerPart } from '../../src/search/parts.js';

/** Articles spread evenly over the given years (only the day matters to the split). */
function archive(perYear: number, from: number, to: number): ArticleMeta[] {
  const out: ArticleMeta[] = [];
  for (let year = to; year >= from; year--) {
    for (let i = 0; i < perYear; i++) out.push({ url: `/${year}/${i}/`, data: { date: { day: `${year}-06-01` } } } as unknown as ArticleMeta);
  }
  return out;
}

describe('search index parts', () => {
  it('one index for none, and under auto for a small archive', () => {
    expect(searchParts(archive(100, 2012, 2025), 'none').map((p) => p.name)).toEqual(['']);
    expect(searchParts(archive(100, 2012, 2025), 'auto').map((p) => p.name)).toEqual(['']);
    expect(searchBundlePaths(searchParts(archive(100, 2012, 2025), 'auto'))).toEqual(['/pagefind/']);
  });

  it('one part per year for year, newest first', () => {
    const parts = searchParts(archive(3, 2022, 2024), 'year');
    expect(parts.map((p) => [p.name, p.articles.length])).toEqual([['2024', 3], ['2023', 3], ['2022', 3]]);
    expect(searchBundlePaths(parts)).toEqual(['/pagefind/2024/', '/pagefind/2023/', '/pagefind/2022/']);
  });

  it('under auto, spans of years of about 2,000 articles that start at multiples of the span', () => {
    // 10,000 articles over 14 years: 714 a year, three years a part.
    const articles = archive(714, 2012, 2025);
    expect(yearsPerPart(articles, 'auto')).toBe(3);
    const parts = searchParts(articles, 'auto');
    expect(parts.map((p) => p.name)).toEqual(['2025-2027', '2022-2024', '2019-2021', '2016-2018', '2013-2015', '2010-2012']);
    expect(parts.reduce((n, p) => n + p.articles.length, 0)).toBe(articles.length);
    // A year more of articles keeps every older part's bounds (and so its files).
    const grown = searchParts([...archive(714, 2026, 2026), ...articles], 'auto');
    expect(grown.slice(1).map((p) => p.name)).toEqual(parts.slice(1).map((p) => p.name));
    // 100,000 articles over 14 years: a part per year.
    expect(yearsPerPart(archive(7143, 2012, 2025), 'auto')).toBe(1);
  });
});
