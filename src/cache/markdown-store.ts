import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../model/problem.js';
import type { ArticleData, PageData, PendingLink } from '../model/types.js';
import { hashOf } from '../util/hash.js';
import { VERSION } from '../version.js';
import { StoreReadAhead } from './store-read-ahead.js';
import { entryFileOf, readEntryText } from './store-files.js';
import { isArticleData, isPendingLink, isPosition, isSafeRelPath, isSiteDate } from './well-formed.js';

/** The validated frontmatter of a source (content/validate.ts) without its positions, which are read again only for a problem. */
export type StoredFrontmatter =
  | { readonly kind: 'article'; readonly data: ArticleData; readonly problems: readonly Problem[] }
  | { readonly kind: 'page'; readonly data: PageData; readonly problems: readonly Problem[] };

/** What validation and the Markdown stage made of one source, as stored: plain data, its used files sorted. */
export interface StoredMarkdown {
  readonly frontmatter: StoredFrontmatter;
  readonly html: string;
  readonly links: readonly PendingLink[];
  /** Content files the body refers to, and a key of their state when it was rendered (cache/asset-key.ts). */
  readonly usedAssets: readonly string[];
  readonly assetKey: string;
  readonly problems: readonly Problem[];
}

/** The settings validation and the Markdown stage read; nothing of templates, the theme or config keys only templates use. */
export interface MarkdownInputs {
  readonly rawHtml: string;
  /** Dates in the frontmatter are read in the site's time zone. */
  readonly timezone: string;
  readonly basePath: string;
  readonly allowedHosts: readonly string[];
  readonly language: string;
}

/** The Markdown inputs of a site: in one place, so that render threads and the cache's pruning agree on them. */
export function markdownInputsOf(config: Omit<MarkdownInputs, 'basePath'>, basePath: string): MarkdownInputs {
  return { rawHtml: config.rawHtml, timezone: config.timezone, basePath, allowedHosts: config.allowedHosts, language: config.language };
}

/** Key of everything besides the source that shapes a body's HTML, links and problems. */
export function markdownInputsKey(inputs: MarkdownInputs): string {
  return hashOf('markdown-store 3' /* 3: problems in the message catalogue's words */, VERSION, inputs.rawHtml, inputs.timezone, inputs.basePath, JSON.stringify(inputs.allowedHosts), inputs.language);
}

/**
 * Key of one source's Markdown result: its bytes, its path (relative links resolve from it) and
 * the name messages give it, under the given inputs. Links to other sources stay placeholders in
 * the stored HTML, filled in on every build, so their targets are no part of the key.
 */
export function markdownEntryKey(inputsKey: string, rel: string, display: string, sourceHash: string): string {
  return hashOf(inputsKey, rel, display, sourceHash);
}

const KEY = /^[A-Za-z0-9_-]{20,64}$/;

/** Whether a string can name an entry: a key made by `markdownEntryKey`, nothing that could leave the store's folder. */
export function isEntryKey(key: string): boolean {
  return KEY.test(key);
}

/** A stored entry's text as a result, or undefined when it is truncated, malformed or of another shape (a miss). */
export function parseEntry(text: string): StoredMarkdown | undefined {
  try {
    const entry: unknown = JSON.parse(text);
    return isStoredMarkdown(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Markdown results outside the build cache file, one small file per result under its key. They
 * outlive a template, theme or config change that throws the build cache away, and only the
 * results of sources that are rendered again are ever read: a build never holds the archive's
 * bodies in memory. Render threads write side by side (see `put`).
 * A missing, truncated or malformed entry is a miss, never an error: the store only saves time.
 */
export class MarkdownStore {
  /** Folders this store made or found, so that a build's writes do not ask for them again. */
  private readonly madeDirs = new Set<string>();

  /** False when the store's folder did not exist when this build started: a cold build then looks nothing up. */
  readonly existed: boolean;

  constructor(readonly dir: string) {
    this.existed = existsSync(dir);
  }

  private fileOf(key: string): string {
    return entryFileOf(this.dir, key);
  }

  /** Reads entries ahead on a thread (cache/store-read-ahead.ts) while this one renders; set by `readAhead`. */
  private ahead: StoreReadAhead | undefined;
  private aheadTried = false;
  /** Entries taken as an ended read-ahead thread read them. */
  private servedBefore = 0;

  get(key: string): StoredMarkdown | undefined {
    // A lookup that cannot hit costs a failed read and an exception: 10,000 of them in a cold build.
    if (!this.existed || !KEY.test(key)) return undefined;
    const answer = this.ahead?.take(key);
    // Read ahead: a text, or null where the thread found no readable entry (a miss, not read again).
    const text = answer === undefined ? readEntryText(this.fileOf(key)) : answer ?? undefined;
    return text === undefined ? undefined : parseEntry(text);
  }

  /**
   * These entries will be asked for in this order (a template edit renders every page from the store):
   * a thread reads them ahead. Only for a store that existed, and only worth it for many entries.
   */
  readAhead(keys: readonly string[]): void {
    if (!this.existed || keys.length === 0) return;
    // Started once per read-ahead: a thread that cannot start is not tried again for every batch.
    if (!this.aheadTried) this.ahead = StoreReadAhead.start(this.dir);
    this.aheadTried = true;
    this.ahead?.want(keys.filter(isEntryKey));
  }

  /** Entries taken as a read-ahead thread read them, over this store's read-aheads (the timing report shows them). */
  get readAheadServed(): number {
    return this.servedBefore + (this.ahead?.served ?? 0);
  }

  /** No more entries are asked for in order: the read-ahead thread ends, what it read and was not taken goes. */
  endReadAhead(): void {
    this.servedBefore += this.ahead?.served ?? 0;
    this.ahead?.end();
    this.ahead = undefined;
    this.aheadTried = false;
  }

  /**
   * Stores a result; a folder that cannot be written only costs speed (the build cache reports that).
   * Written in place, without a temporary file and rename: that halves the system calls of a cold
   * build's 10,000 writes, and is safe because an entry is named by its inputs — two writers of one
   * name write the same bytes, and a torn or half-written file does not parse, which is a miss.
   */
  put(key: string, entry: StoredMarkdown): void {
    if (!KEY.test(key)) return;
    const file = this.fileOf(key);
    try {
      const dir = path.dirname(file);
      if (!this.madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      writeFileSync(file, JSON.stringify(entry));
    } catch {
      removeQuietly(file);
    }
  }

  /** Removes one entry, if it is there. */
  remove(key: string): void {
    if (KEY.test(key)) removeQuietly(this.fileOf(key));
  }

  /** Removes every entry not in `live`, and anything else found in the store's folders. */
  prune(live: ReadonlySet<string>): void {
    let folders: string[];
    try {
      folders = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const folder of folders) {
      const dir = path.join(this.dir, folder);
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      let kept = 0;
      for (const name of names) {
        if (name.endsWith('.json') && live.has(name.slice(0, -'.json'.length))) kept++;
        // Anything else is an entry of a deleted or changed source, or of other Markdown settings.
        else rmSync(path.join(dir, name), { force: true, recursive: true });
      }
      if (kept === 0) rmSync(dir, { force: true, recursive: true });
    }
  }
}

/** A half-written entry goes; when even that fails (no folder, no permission) nothing usable was left. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing to clean up where nothing could be written.
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isProblem(v: unknown): boolean {
  return isObject(v) && isString(v.file) && isString(v.ruleId) && isString(v.reason) && (v.severity === 'warning' || v.severity === 'error') && isPosition(v.line) && isPosition(v.column);
}

function isFrontmatter(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.problems) || !v.problems.every(isProblem) || !isObject(v.data)) return false;
  if (v.kind === 'article') return isArticleData(v.data);
  const d = v.data;
  return v.kind === 'page' && isString(d.title) && (d.description === undefined || isString(d.description)) && (d.updated === undefined || isSiteDate(d.updated));
}

/** A stored entry is input like a cache file: checked before it is used (an article's slug and date name its output folder). */
function isStoredMarkdown(v: unknown): v is StoredMarkdown {
  if (!isObject(v) || !isString(v.html) || !isString(v.assetKey) || !isFrontmatter(v.frontmatter)) return false;
  // Used files name files of the content folder, as the build cache's entries must: an entry stored before `/` and
  // `/impressum/` stopped being recorded as files (`.`, `impressum/`) is made again, or it would make the build cache invalid.
  if (!Array.isArray(v.usedAssets) || !v.usedAssets.every(isSafeRelPath)) return false;
  return Array.isArray(v.links) && v.links.every(isPendingLink) && Array.isArray(v.problems) && v.problems.every(isProblem);
}
