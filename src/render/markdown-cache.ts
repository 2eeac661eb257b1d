import { assetDependencyKey } from '../cache/asset-key.js';
import { markdownEntryKey, markdownInputsKey, MarkdownStore, type MarkdownInputs, type StoredFrontmatter, type StoredMarkdown } from '../cache/markdown-store.js';
import type { AssetInfo, SourceFile } from '../model/types.js';
import type { MarkdownResult } from './markdown-stage.js';

/**
 * The validated frontmatter and Markdown results of earlier builds (cache/markdown-store.ts) as the
 * render step sees them: a stored result counts only while the content files its body refers to
 * are as they were then.
 */
export class MarkdownCache {
  private readonly store: MarkdownStore;
  private readonly inputsKey: string;

  constructor(dir: string, inputs: MarkdownInputs, private readonly assets: ReadonlyMap<string, AssetInfo>) {
    this.store = new MarkdownStore(dir);
    this.inputsKey = markdownInputsKey(inputs);
  }

  /** Whether earlier builds stored anything at all: without, every lookup misses. */
  get hasStored(): boolean {
    return this.store.existed;
  }

  /**
   * Keys by source: a source read ahead is keyed once for the read-ahead and again when looked up.
   * With the hash they were made of: a source known by its stamp takes the hash of its bytes once
   * they are read (content/load.ts `stampedSource`), and a result is never stored under another's key.
   */
  private readonly keys = new WeakMap<SourceFile, { readonly hash: string; readonly key: string }>();

  private keyOf(source: SourceFile): string {
    const known = this.keys.get(source);
    if (known?.hash === source.hash) return known.key;
    const key = markdownEntryKey(this.inputsKey, source.rel, source.display, source.hash);
    this.keys.set(source, { hash: source.hash, key });
    return key;
  }

  /** The source looked up last and its stored entry: `has` and the `lookup` right after it read the store once. */
  private last: { source: SourceFile; entry: StoredMarkdown | undefined } | undefined;

  private entryOf(source: SourceFile): StoredMarkdown | undefined {
    if (this.last?.source !== source) this.last = { source, entry: this.store.get(this.keyOf(source)) };
    return this.last.entry;
  }

  /** Whether the store has a usable result for this very source. */
  has(source: SourceFile): boolean {
    const entry = this.entryOf(source);
    return entry !== undefined && entry.assetKey === assetDependencyKey(entry.usedAssets, this.assets);
  }

  /** The stored frontmatter and body of this very source; the body as a fresh MarkdownResult (the page step adds to its used files). */
  lookup(source: SourceFile): { frontmatter: StoredFrontmatter; md: MarkdownResult } | undefined {
    const entry = this.entryOf(source);
    this.last = undefined;
    if (!entry || entry.assetKey !== assetDependencyKey(entry.usedAssets, this.assets)) return undefined;
    return { frontmatter: entry.frontmatter, md: { html: entry.html, links: [...entry.links], usedAssets: new Set(entry.usedAssets), problems: [...entry.problems] } };
  }

  /** A result as it leaves validation and the Markdown stage, before the page step adds the frontmatter's files to its used files. */
  snapshot(frontmatter: StoredFrontmatter, md: MarkdownResult): StoredMarkdown {
    const usedAssets = [...md.usedAssets].sort();
    return { frontmatter, html: md.html, links: [...md.links], usedAssets, assetKey: assetDependencyKey(usedAssets, this.assets), problems: [...md.problems] };
  }

  /** These sources will be looked up next, in this order: their entries are read ahead (cache/store-read-ahead.ts). */
  readAhead(sources: readonly SourceFile[]): void {
    this.store.readAhead(sources.map((source) => this.keyOf(source)));
  }

  endReadAhead(): void {
    this.store.endReadAhead();
  }

  /** Stored results a read-ahead thread had read when they were asked for. */
  get readAheadServed(): number {
    return this.store.readAheadServed;
  }

  remember(source: SourceFile, entry: StoredMarkdown): void {
    this.store.put(this.keyOf(source), entry);
  }
}
