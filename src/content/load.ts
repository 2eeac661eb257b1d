import { messages, rulesIn, type ProblemText } from '../model/messages.js';
import { existsSync, readFileSync } from 'node:fs';
import { readStamped, stampSize } from './file-stamp.js';
import path from 'node:path';
import { parseFrontmatter } from './frontmatter.js';
import { relativePath, walkFiles } from '../util/files.js';
import { hashOf } from '../util/hash.js';
import { normalizeNewlines } from '../util/text.js';
import type { Problem } from '../model/problem.js';
import { skippedEntryProblem } from '../model/fs-errors.js';
import type { SourceFile } from '../model/types.js';
import { fsProblem, isFsError } from '../model/fs-errors.js';

/** A single source larger than this is refused: no news item is 5 MB of text. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export interface ContentListing {
  /** Markdown sources relative to the content folder, sorted by path so that the file system's listing order never matters. */
  readonly sources: readonly string[];
  /** Every other file under the content folder (images and the like), relative, sorted. */
  readonly assets: readonly string[];
  readonly problems: readonly Problem[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads and decodes one source file. */
export function readSource(contentDir: string, rel: string, displayPrefix: string, language = 'de'): SourceFile {
  const abs = path.join(contentDir, rel);
  const display = `${displayPrefix}${rel}`;
  let bytes: Buffer;
  let stamp: string | undefined;
  try {
    ({ stamp, bytes } = readStamped(abs));
  } catch (err) {
    // No permission, removed meanwhile, a loop of links: this file's problem, reported with all the others.
    if (!isFsError(err)) throw err;
    return { rel, abs, display, hash: '', text: undefined, unreadable: fsProblem(err, '', display, undefined, language) };
  }
  const hash = hashOf(bytes);
  const t = rulesIn(language)['unreadable-file'];
  const unreadable = ({ reason, fix }: ProblemText): SourceFile => ({
    rel, abs, display, hash, text: undefined,
    unreadable: { file: display, line: 1, column: 1, ruleId: 'unreadable-file', reason, fix, severity: 'error' },
  });
  if (bytes.length > MAX_SOURCE_BYTES) {
    return unreadable(t.tooLarge({ megabytes: (bytes.length / 1048576).toFixed(1), max: MAX_SOURCE_BYTES / 1048576 }));
  }
  if (bytes.includes(0)) return unreadable(t.binary());
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return unreadable(t.notUtf8());
  }
  return { rel, abs, display, hash, text: normalizeNewlines(text), size: bytes.length, ...(stamp ? { stamp } : {}) };
}

/**
 * A source the cache knows by its stamp and hash (content/file-stamp.ts), unchanged since: its text
 * is read only when something asks for it. A template edit renders every page from the Markdown
 * cache by the hash, and reads none of 10,000 files (0.3 s). Text and problem are properties of the
 * object itself, so that a copy sent to a render thread reads the file and carries its text; they
 * come first, so that the hash and stamp copied after them are the read's. Once read, the hash is
 * that of the bytes read, and a file changed since its stamp has none: what is rendered from new
 * bytes is never stored under the old ones' hash.
 */
export function stampedSource(contentDir: string, rel: string, displayPrefix: string, hash: string, stamp: string, language = 'de'): SourceFile {
  let read: SourceFile | undefined;
  const load = (): SourceFile => (read ??= readSource(contentDir, rel, displayPrefix, language));
  return {
    rel,
    abs: path.join(contentDir, rel),
    display: `${displayPrefix}${rel}`,
    get text() {
      return load().text;
    },
    get unreadable() {
      return load().unreadable;
    },
    get hash() {
      return read ? read.hash : hash;
    },
    get stamp() {
      return read ? read.stamp : stamp;
    },
    size: stampSize(stamp),
  };
}

/**
 * Attachments the content folder may publish: images, documents, data, audio and video. An allow-list,
 * because servers map many other extensions (`.xht`, `.rss`, `.mml`, `.svg`, …) to types a browser
 * renders with scripts on the site's own address (stored cross-site scripting).
 */
export const ATTACHMENT = /\.(jpe?g|png|webp|avif|gif|pdf|txt|csv|tsv|json|geojson|docx?|xlsx?|pptx?|odt|ods|odp|odg|rtf|epub|zip|7z|gz|tgz|tar|mp3|m4a|oga|ogg|opus|wav|flac|mp4|m4v|webm|ogv|mov|ics|vcf)$/i;

/**
 * Load stage: lists every file under the content folder. Sources are read one at a time by the
 * build (`readSource`), so that an unchanged source's text need not stay in memory. Symbolic links
 * to files inside the content folder are followed; other links are reported, never followed.
 */
export function listContent(contentDir: string, root: string, language = 'de'): ContentListing {
  const m = messages(language);
  const problems: Problem[] = [];
  const displayPrefix = displayPrefixOf(contentDir, root);
  if (!existsSync(contentDir)) {
    return { sources: [], assets: [], problems: [{ file: displayPrefix, ruleId: 'content-missing', ...m.rules['content-missing'].missing({ folder: contentDir }), severity: 'error' }] };
  }
  const markdown: string[] = [];
  const assets: string[] = [];
  const listing = walkFiles(contentDir, { skipHidden: true });
  for (const entry of listing.skipped) problems.push(skippedEntryProblem(entry, displayPrefix, m.ui.folders.content, language));
  for (const rel of listing.files) {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (name.toLowerCase().endsWith('.md')) markdown.push(rel);
    else if (ATTACHMENT.test(name)) assets.push(rel);
    else {
      problems.push({
        file: displayPrefix + rel,
        ruleId: 'active-content',
        ...m.rules['active-content'].notPublished(),
        severity: 'error',
      });
    }
  }
  return { sources: markdown, assets, problems };
}

/** Lists and reads every source at once: for tools and benchmarks; the build streams instead. */
export function loadContent(contentDir: string, root: string, language = 'de'): { sources: SourceFile[]; assets: readonly string[]; problems: readonly Problem[] } {
  const listing = listContent(contentDir, root, language);
  const prefix = displayPrefixOf(contentDir, root);
  return { ...listing, sources: listing.sources.map((rel) => readSource(contentDir, rel, prefix, language)) };
}

/** How paths under the content folder are shown in messages: relative to the site root. */
export function displayPrefixOf(contentDir: string, root: string): string {
  return (relativePath(root, contentDir) || '.') + '/';
}

/** Line and column of a frontmatter field (`region`, `aliases.2`) in a source file, read again only for a message; never throws. */
export function fieldPosition(file: string, field: string): { line?: number; column?: number } {
  try {
    const text = normalizeNewlines(readFileSync(file, 'utf8'));
    const pos = parseFrontmatter(text).positionOf(field);
    return pos ? { line: pos.line, column: pos.column } : {};
  } catch {
    return {};
  }
}
