import type { CachedOutput } from '../cache/cache.js';

/** A part of the last build's search index: its name, and its articles' site paths in the order they were indexed. */
export interface LastPart {
  readonly name: string;
  readonly pages: readonly string[];
}

/**
 * The last build's parts of the search index as a guess needs them (search/pagefind.ts `guess`):
 * which part an article was in, from the part lists the build cache keeps (`pages` of each
 * `search:` entry; entries written before they were kept list none, and give no guess).
 */
export class LastParts {
  private readonly byUrl = new Map<string, LastPart>();

  constructor(entries: ReadonlyMap<string, CachedOutput>, entryPrefix: string) {
    for (const [entry, last] of entries) {
      if (!entry.startsWith(entryPrefix) || !last.pages) continue;
      const part = { name: entry.slice(entryPrefix.length), pages: last.pages };
      for (const url of last.pages) this.byUrl.set(url, part);
    }
  }

  /** The part the article at this site path was in. */
  of(url: string): LastPart | undefined {
    return this.byUrl.get(url);
  }
}
