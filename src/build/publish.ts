import type { ArticleData, ArticleMeta } from '../model/types.js';

/** Whether an article is out at the build's "now", and if not, why. */
export type Publication = 'published' | 'draft' | 'scheduled' | 'expired';

export interface PublishPolicy {
  /** Include `draft: true` articles. */
  readonly drafts: boolean;
  /** Include articles dated after `now`. */
  readonly future: boolean;
  /** The build's "now" in ms. */
  readonly now: number;
}

/** The one place that decides whether an article is published: a pure question of its frontmatter and the policy. */
export function publicationOf(data: ArticleData, policy: PublishPolicy): Publication {
  if (data.draft && !policy.drafts) return 'draft';
  if (data.date.epochMs > policy.now && !policy.future) return 'scheduled';
  if (data.expires && data.expires.epochMs <= policy.now) return 'expired';
  return 'published';
}

/** Counts of articles left out, and the next scheduled one, for the build report. */
export class Exclusions {
  readonly counts = { drafts: 0, future: 0, expired: 0 };
  private next: { date: string; src: string } | undefined;

  /** Records an article that is not published; `display` names its file in the report. */
  record(meta: ArticleMeta, publication: Exclude<Publication, 'published'>, display: string): void {
    if (publication === 'draft') this.counts.drafts++;
    else if (publication === 'expired') this.counts.expired++;
    else {
      this.counts.future++;
      const day = meta.data.date.day;
      if (!this.next || day < this.next.date) this.next = { date: day, src: display };
    }
  }

  /** Day of the next scheduled article, so CI can schedule a rebuild. */
  get nextScheduled(): { readonly date: string; readonly src: string } | undefined {
    return this.next;
  }
}
