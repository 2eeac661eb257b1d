import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { withBasePath } from '../model/urls.js';
import path from 'node:path';
import { messages, rulesIn } from '../model/messages.js';
import { EDITOR_RULES } from '../model/editor-rules.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta } from '../model/types.js';
import { closestFile, referenceFrom } from '../util/suggest.js';
import { removeOrphans, temporaryFileOf } from '../util/temp-files.js';

/**
 * The addresses of the last successful build, so that the next one can tell when an article's
 * address changed (file renamed or moved, `slug` or `date` edited, article deleted) and say which
 * `aliases:` line keeps the old address alive. Kept in the cache folder, which CI restores: it is
 * not the build cache (whose fingerprint changes with every template edit) and survives it.
 */
interface LedgerEntry {
  readonly url: string;
  readonly title: string;
  /** Hash of the source's bytes: a file renamed without an edit keeps it. */
  readonly hash?: string;
}

/**
 * The file's form: addresses and headlines first, the sources' hashes after them. A body edit
 * changes only the end, so the start tells alone that no address moved (10,000 articles: the
 * record is 2 MB; parsing and comparing it took some 100 ms of every build that edited one).
 * Version 1 kept the hash in each entry; it is still read.
 */
interface LedgerFile {
  readonly version: 2;
  /** Source path (relative to the content folder) → site path and headline of its article. */
  readonly articles: Readonly<Record<string, { readonly url: string; readonly title: string }>>;
  /** Source path → hash of its bytes. */
  readonly hashes: Readonly<Record<string, string>>;
}

interface Ledger {
  /** Source path (relative to the content folder) → site path, headline and content hash of its article. */
  readonly articles: Readonly<Record<string, LedgerEntry>>;
}

/** An address that moved, for the dev server's open tabs (site paths, without the base path). */
export interface MovedAddress {
  readonly from: string;
  readonly to: string;
}

export interface AddressCheck {
  readonly problems: readonly Problem[];
  readonly moved: readonly MovedAddress[];
  /** Records this build's addresses for the next one; call after a successful build only. */
  save(): void;
  /** Writes the record to a temporary file now, so that it is not held in memory until `save` (100,000 articles: some 25 MB). */
  stage(): void;
  /** On a build's failure: a staged record leaves nothing behind. */
  discard(): void;
}

export interface AddressInput {
  readonly cacheDir: string;
  readonly contentDir: string;
  readonly displayPrefix: string;
  readonly language: string;
  /** The site's base path: an alias is the old address as it was on the host, base path included. */
  readonly basePath: string;
  /** Drafts and future articles make other sets of addresses: each mode keeps its own ledger. */
  readonly mode: { readonly drafts: boolean; readonly future: boolean };
  readonly articles: readonly ArticleMeta[];
  /** Every source of the content folder, published or not. */
  readonly sources: ReadonlySet<string>;
}

function ledgerFile(input: AddressInput): string {
  const suffix = `${input.mode.drafts ? '-drafts' : ''}${input.mode.future ? '-future' : ''}`;
  return path.join(input.cacheDir, `addresses${suffix}.json`);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseLedger(text: string): Ledger | undefined {
  try {
    const raw = JSON.parse(text) as { version?: unknown; articles?: unknown; hashes?: unknown };
    if ((raw.version !== 1 && raw.version !== 2) || typeof raw.articles !== 'object' || raw.articles === null) return undefined;
    const hashes = (raw.version === 2 && typeof raw.hashes === 'object' && raw.hashes !== null ? raw.hashes : {}) as Record<string, unknown>;
    // A ledger is input like content: entries that are not plain site paths are dropped.
    const articles: Record<string, LedgerEntry> = {};
    for (const [src, entry] of Object.entries(raw.articles as Record<string, Partial<LedgerEntry> | null>)) {
      if (typeof entry?.url !== 'string' || !entry.url.startsWith('/') || typeof entry.title !== 'string') continue;
      const hash = raw.version === 2 ? hashes[src] : entry.hash;
      articles[src] = { url: entry.url, title: entry.title, ...(typeof hash === 'string' ? { hash } : {}) };
    }
    return { articles };
  } catch {
    return undefined;
  }
}

/** `/a/b/`, `/a/b` and `/a/b/index.html` are one address. */
function sameAddress(url: string): string {
  return url.replace(/index\.html$/, '').replace(/\/+$/, '');
}

/** Where the alias line goes: the `aliases:` key when there is one, else the frontmatter's closing `---`. */
function aliasPlace(contentDir: string, src: string, hasAliases: boolean): { line?: number; column?: number; indent: string } {
  try {
    const lines = readFileSync(path.join(contentDir, src), 'utf8').replace(/^\uFEFF/, '').split(/\r\n?|\n/);
    if (hasAliases) {
      const at = lines.findIndex((l) => /^aliases\s*:/.test(l));
      if (at !== -1) return { line: at + 2, column: 1, indent: '' };
    }
    const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
    return close === -1 ? { indent: 'aliases:\n' } : { line: close + 1, column: 1, indent: 'aliases:\n' };
  } catch {
    return { indent: 'aliases:\n' };
  }
}

/**
 * The ledger of this build's articles, as its file holds it (sorted by source path), and the part
 * before the hashes: a file that starts with it records the same addresses and headlines.
 */
function ledgerText(articles: readonly ArticleMeta[]): { text: string; addresses: string } {
  const entries: Record<string, { url: string; title: string }> = {};
  const hashes: Record<string, string> = {};
  for (const a of [...articles].sort((x, y) => (x.src < y.src ? -1 : x.src > y.src ? 1 : 0))) {
    entries[a.src] = { url: a.url, title: a.data.title };
    hashes[a.src] = a.hash;
  }
  // The JSON of the whole `LedgerFile`, made in two parts: the hashes are its last value.
  const head: Pick<LedgerFile, 'version' | 'articles'> = { version: 2, articles: entries };
  const addresses = `${JSON.stringify(head).slice(0, -1)},"hashes":`;
  return { text: `${addresses}${JSON.stringify(hashes)}}`, addresses };
}

/** Compares this build's article addresses with the last successful build's. */
export function checkAddresses(input: AddressInput): AddressCheck {
  const file = ledgerFile(input);
  const { text, addresses } = ledgerText(input.articles);
  // The same ledger as the last build's (most builds): no address moved, nothing to compare, nothing to write.
  const onDisk = readText(file);
  if (text === onDisk) return { problems: [], moved: [], save: () => undefined, stage: () => undefined, discard: () => undefined };
  // The same addresses and headlines, other hashes (a body edited): no address moved, the new hashes are recorded.
  if (onDisk?.startsWith(addresses)) return { problems: [], moved: [], ...ledgerWriter(input.cacheDir, file, text) };
  const previous = onDisk === undefined ? undefined : parseLedger(onDisk);
  const t = rulesIn(input.language);
  const problems: Problem[] = [];
  const moved: MovedAddress[] = [];
  const bySrc = new Map(input.articles.map((a) => [a.src, a]));
  const produced = new Set<string>();
  // Compared as addresses on the host: aliases are written that way (content/aliases.ts), site URLs get the base path.
  const onHost = (url: string): string => withBasePath(input.basePath, url);
  for (const a of input.articles) {
    produced.add(sameAddress(onHost(a.url)));
    for (const alias of a.data.aliases) produced.add(sameAddress(alias));
  }
  const known = new Set(Object.keys(previous?.articles ?? {}));
  const report = (article: ArticleMeta, from: string): void => {
    const place = aliasPlace(input.contentDir, article.src, article.data.aliases.length > 0);
    const aliasLine = `${place.indent}  - ${onHost(from)}`;
    const { indent: _indent, ...at } = place;
    problems.push({ file: input.displayPrefix + article.src, ...at, ruleId: EDITOR_RULES.addressChanged, field: 'aliases', ...t['address-changed'].changed({ from, to: article.url, aliasLine }), severity: 'warning' });
    moved.push({ from, to: article.url });
  };
  for (const [src, old] of Object.entries(previous?.articles ?? {})) {
    if (produced.has(sameAddress(onHost(old.url)))) continue;
    const same = bySrc.get(src);
    if (same) {
      report(same, old.url);
      continue;
    }
    // Still there but not published now (draft, expired): leaving the site on purpose is no move.
    if (input.sources.has(src)) continue;
    // A renamed or moved file is a new source with the same bytes, else with the same headline.
    const fresh = input.articles.filter((a) => !known.has(a.src));
    const renamed = fresh.find((a) => old.hash !== undefined && a.hash === old.hash) ?? fresh.find((a) => a.data.title === old.title);
    if (renamed) {
      report(renamed, old.url);
      continue;
    }
    problems.push({ file: input.displayPrefix + src, ruleId: EDITOR_RULES.addressGone, ...t['address-gone'].gone({ from: old.url, aliasLine: `aliases:\n  - ${onHost(old.url)}` }), severity: 'warning' });
  }
  return { problems, moved, ...ledgerWriter(input.cacheDir, file, text) };
}

/**
 * Writes the ledger: `stage` to a temporary file (the text is let go), `save` puts it in place.
 * Holds only the paths and, until staged, the text: never the articles it was made from.
 */
function ledgerWriter(cacheDir: string, file: string, ledger: string): Pick<AddressCheck, 'save' | 'stage' | 'discard'> {
  const tmp = temporaryFileOf(file);
  let text: string | undefined = ledger;
  let staged = false;
  // Nothing may be left behind either; a cache folder that is a file has no temporary file to remove.
  const discard = (): void => {
    text = undefined;
    staged = false;
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* nothing there to remove */
    }
  };
  // A ledger that cannot be written costs only the next build's warnings, never the site.
  const stage = (): void => {
    if (text === undefined) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(tmp, text);
      staged = true;
    } catch {
      discard();
    }
    text = undefined;
  };
  return {
    stage,
    discard,
    save: () => {
      stage();
      if (!staged) return;
      try {
        renameSync(tmp, file);
      } catch {
        discard();
      }
      staged = false;
      // Staged before the search index is built: a build killed then leaves its file.
      removeOrphans(file);
    },
  };
}

/** "Did you mean …?" for a link to a source that does not exist, written as the linking file would. */
export function suggestSource(target: string, from: string, sources: Iterable<string>, language: string): string | undefined {
  const close = closestFile(target, sources);
  return close === undefined ? undefined : messages(language).ui.report.didYouMean({ name: referenceFrom(from, close) });
}
