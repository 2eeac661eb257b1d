import { compareNewestFirst } from './plan.js';
import type { ArticleMeta } from '../model/types.js';

/**
 * Keeps the bodies of only those articles that can still be among the newest `size` of some feed
 * (the whole site, or one region), so memory does not grow with the archive while results stream in.
 */
export class FeedWindow {
  private readonly scopes = new Map<string, ArticleMeta[]>();
  private readonly refs = new Map<string, number>();
  readonly bodies = new Map<string, string | undefined>();

  constructor(private readonly size: number) {}

  offer(meta: ArticleMeta, body: string | undefined): void {
    let kept = false;
    for (const scope of ['', meta.regionSlug]) {
      let list = this.scopes.get(scope);
      if (!list) this.scopes.set(scope, (list = []));
      if (list.length >= this.size && compareNewestFirst(meta, list[list.length - 1]!) > 0) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareNewestFirst(list[mid]!, meta) < 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, meta);
      this.refs.set(meta.src, (this.refs.get(meta.src) ?? 0) + 1);
      kept = true;
      if (list.length > this.size) this.release(list.pop()!);
    }
    if (kept) this.bodies.set(meta.src, body);
  }

  private release(meta: ArticleMeta): void {
    const n = (this.refs.get(meta.src) ?? 1) - 1;
    if (n <= 0) {
      this.refs.delete(meta.src);
      this.bodies.delete(meta.src);
    } else this.refs.set(meta.src, n);
  }

  /** Sources in some feed whose body is not known yet (cache hits that were not feed items before). */
  missing(): string[] {
    return [...this.bodies].filter(([, body]) => body === undefined).map(([src]) => src);
  }

  setBody(src: string, body: string): void {
    if (this.bodies.has(src)) this.bodies.set(src, body);
  }
}
