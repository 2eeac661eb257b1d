import { describe, expect, it } from 'vitest';
import { Exclusions, publicationOf, type PublishPolicy } from '../../src/build/publish.js';
import type { ArticleData, ArticleMeta } from '../../src/model/types.js';
import type { SiteDate } from '../../src/util/dates.js';

const day = (d: string): SiteDate => ({ day: d, epochMs: Date.parse(`${d}T00:00:00Z`), hasTime: false, iso: d });
const NOW = Date.parse('2025-06-15T12:00:00Z');
const policy: PublishPolicy = { drafts: false, future: false, now: NOW };

function data(over: Partial<ArticleData> = {}): ArticleData {
  return { title: 'T', date: day('2025-06-01'), region: 'Mitte', teaser: 'x', slug: 't', draft: false, aliases: [], ...over };
}
const meta = (d: ArticleData, src = '2025/t.md'): ArticleMeta => ({ src, hash: 'h', url: '/t/', data: d, regionSlug: 'mitte', listHtml: '', listHash: 'h' });

describe('publicationOf: the one place that decides whether an article is out', () => {
  it('publishes a dated, undrafted, unexpired article', () => {
    expect(publicationOf(data(), policy)).toBe('published');
  });

  it('holds back drafts unless drafts are asked for', () => {
    expect(publicationOf(data({ draft: true }), policy)).toBe('draft');
    expect(publicationOf(data({ draft: true }), { ...policy, drafts: true })).toBe('published');
  });

  it('holds back articles dated after now unless future is asked for; a draft is a draft first', () => {
    expect(publicationOf(data({ date: day('2025-07-01') }), policy)).toBe('scheduled');
    expect(publicationOf(data({ date: day('2025-07-01') }), { ...policy, future: true })).toBe('published');
    expect(publicationOf(data({ date: day('2025-07-01'), draft: true }), policy)).toBe('draft');
  });

  it('takes an article down at the instant it expires, whatever the options', () => {
    expect(publicationOf(data({ expires: { ...day('2025-06-15'), epochMs: NOW } }), policy)).toBe('expired');
    expect(publicationOf(data({ expires: { ...day('2025-06-15'), epochMs: NOW + 1 } }), policy)).toBe('published');
    expect(publicationOf(data({ expires: day('2025-06-01') }), { drafts: true, future: true, now: NOW })).toBe('expired');
  });

  it('is a question only: asking twice counts nothing', () => {
    const d = data({ draft: true });
    expect(publicationOf(d, policy)).toBe(publicationOf(d, policy));
  });
});

describe('Exclusions: counting what was left out', () => {
  it('counts each kind and names the earliest scheduled article', () => {
    const ex = new Exclusions();
    ex.record(meta(data({ draft: true })), 'draft', 'content/a.md');
    ex.record(meta(data({ date: day('2025-08-01') })), 'scheduled', 'content/late.md');
    ex.record(meta(data({ date: day('2025-07-01') })), 'scheduled', 'content/soon.md');
    ex.record(meta(data({ date: day('2025-09-01') })), 'scheduled', 'content/later.md');
    ex.record(meta(data()), 'expired', 'content/old.md');
    expect(ex.counts).toEqual({ drafts: 1, future: 3, expired: 1 });
    expect(ex.nextScheduled).toEqual({ date: '2025-07-01', src: 'content/soon.md' });
  });

  it('has no next scheduled article when none is scheduled', () => {
    expect(new Exclusions().nextScheduled).toBeUndefined();
  });
});
