import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from '../util/vendor.js';
import type { ImportMessages } from '../i18n/import.js';
import type { Problem } from '../model/problem.js';
import { ContentError } from '../model/errors.js';
import { importProblem } from './problems.js';
import { expandPermalink, hugoPatterns, jekyllPattern, type PermalinkParts } from './permalinks.js';
import type { SourceArchive, SourceImage, SourceItem, SourceKind } from './types.js';
import { appendAll } from '../util/append.js';

type Generator = Extract<SourceKind, 'jekyll' | 'hugo' | 'eleventy'>;

/** Folders of build output, dependencies and version control: never posts. */
const SKIPPED_DIRS = new Set(['node_modules', '_site', 'public', 'resources', '.git', 'dist', '_includes', '_layouts', '_data', 'layouts', 'themes', 'assets', 'static']);
const POST_FILE = /\.(md|markdown|html)$/i;
const JEKYLL_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

function detect(root: string): Generator {
  const has = (name: string): boolean => existsSync(path.join(root, name));
  if (has('_posts') || has('_config.yml') || has('_config.yaml')) return 'jekyll';
  if (has('hugo.toml') || has('hugo.yaml') || has('config.toml') || has('archetypes') || (has('content') && !has('package.json'))) return 'hugo';
  return 'eleventy';
}

function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) appendAll(out, listFiles(dir, child));
    } else if (entry.isFile() && POST_FILE.test(entry.name)) out.push(child);
  }
  return out;
}

interface Frontmatter {
  readonly data: Record<string, unknown>;
  readonly body: string;
}

/** YAML (`---`) or TOML (`+++`) frontmatter; undefined for a file without any (not a post). */
function splitFrontmatter(text: string): Frontmatter | undefined {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fence = normalized.startsWith('---\n') ? '---' : normalized.startsWith('+++\n') ? '+++' : undefined;
  if (!fence) return undefined;
  const end = normalized.indexOf(`\n${fence}`, 4);
  if (end < 0) throw new Error(fence === '+++' ? 'TOML block is not closed with +++' : 'YAML block is not closed with ---');
  const block = normalized.slice(4, end);
  const body = normalized.slice(normalized.indexOf('\n', end + 1) + 1 || normalized.length);
  if (fence === '+++') return { data: parseToml(block) as Record<string, unknown>, body };
  // The YAML 1.2 core schema: no custom tags, dates stay text to be read in the site's time zone.
  const doc = parseDocument(block, { schema: 'core', uniqueKeys: false });
  if (doc.errors[0]) throw new Error(doc.errors[0].message.split('\n')[0]);
  const data = doc.toJS({ maxAliasCount: 50 }) as unknown;
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body };
}

function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // smol-toml gives dates as TomlDate objects, whose toISOString() keeps the TOML form:
  // `2025-01-20` stays a day, a local date-time stays without an offset.
  if (value instanceof Date) return value.toISOString();
  return '';
}

function words(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(str).filter(Boolean);
  // Jekyll reads `categories: a b` as two categories.
  return str(value).split(/\s+/).filter(Boolean);
}

function dateOf(data: Record<string, unknown>, fileName: string): string | undefined {
  const raw = str(data.date);
  if (raw) {
    // Jekyll writes `2024-03-01 10:00:00 +0100`; parseSiteDate needs the ISO form.
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
    if (m) return `${m[1]}T${m[2]}${m[3] ?? ''}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return JEKYLL_NAME.exec(fileName)?.[1];
}

function imageOf(data: Record<string, unknown>): SourceImage | undefined {
  const value = data.image ?? data.featured_image ?? data.cover ?? data.thumbnail;
  if (typeof value === 'string' && value.trim()) return { url: value.trim() };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const url = str(o.src ?? o.image ?? o.path ?? o.url);
    const alt = str(o.alt ?? o.alt_text);
    const caption = str(o.caption);
    if (url) return { url, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) };
  }
  return undefined;
}

/** The address the generator gave the post, from its permalink pattern, when the frontmatter names none. */
function defaultAddress(generator: Generator, rel: string, parts: Omit<PermalinkParts, 'section' | 'filename'>, patterns: Patterns): string {
  const segments = rel.split('/');
  const filename = path.posix.basename(rel).replace(POST_FILE, '');
  if (generator === 'jekyll') return expandPermalink(patterns.jekyll, { ...parts, filename });
  if (generator === 'hugo') {
    const section = segments.length > 2 ? segments[1] : undefined;
    return expandPermalink(patterns.hugo(section), { ...parts, filename, ...(section ? { section } : {}) });
  }
  const withoutExt = rel.replace(POST_FILE, '');
  return `/${withoutExt.replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/');
}

interface Patterns {
  readonly jekyll: string;
  readonly hugo: (section: string | undefined) => string;
}

function fileSlug(rel: string): string {
  const base = path.posix.basename(rel).replace(POST_FILE, '');
  const name = base === 'index' || base === '_index' ? path.posix.basename(path.posix.dirname(rel)) : base;
  return JEKYLL_NAME.exec(name)?.[2] ?? name;
}

function readPost(root: string, rel: string, generator: Generator, display: string, patterns: Patterns): SourceItem | undefined {
  const abs = path.join(root, rel);
  const fm = splitFrontmatter(readFileSync(abs, 'utf8'));
  if (!fm) return undefined;
  const d = fm.data;
  const categories = [...words(d.categories), ...words(d.category)];
  const tags = words(d.tags);
  const draft = d.draft === true || d.published === false || rel.startsWith('_drafts/');
  const slug = str(d.slug) || fileSlug(rel);
  const date = dateOf(d, path.posix.basename(rel));
  const permalink = str(d.permalink) || str(d.url);
  const parts = { slug, categories, ...(date ? { day: date.slice(0, 10) } : {}) };
  // A frontmatter permalink may itself be a pattern (`/:year/:title/`).
  const oldUrl = permalink.includes(':') ? expandPermalink(permalink, { ...parts, filename: fileSlug(rel) }) : permalink || defaultAddress(generator, rel, parts, patterns);
  const image = imageOf(d);
  const excerpt = str(d.excerpt) || str(d.description) || str(d.summary);
  return {
    key: rel,
    kind: 'article',
    title: str(d.title),
    ...(date ? { date } : {}),
    ...(draft ? {} : { oldUrl }),
    // Hugo `aliases` and jekyll-redirect-from's `redirect_from` are older addresses still in use.
    otherUrls: [...words(d.aliases), ...words(d.redirect_from)].filter((a) => a.startsWith('/')),
    ...(draft ? {} : { extraAliases: [...words(d.aliases), ...words(d.redirect_from)].filter((a) => a.startsWith('/')) }),
    body: { format: /\.html$/i.test(rel) ? 'html' : 'markdown', text: fm.body },
    ...(excerpt ? { excerpt } : {}),
    categories,
    tags,
    draft,
    ...(image ? { image } : {}),
    ...(str(d.slug) ? { slug } : {}),
    mediaBase: path.dirname(abs),
    origin: `${display}/${rel}`,
  };
}

/** A Jekyll, Hugo or Eleventy site folder: every Markdown or HTML file with frontmatter is a post. */
export function readFolder(root: string, display: string, t: ImportMessages): SourceArchive {
  const generator = detect(root);
  const base = generator === 'hugo' && existsSync(path.join(root, 'content')) ? 'content' : '';
  const scanRoot = path.join(root, base);
  const problems: Problem[] = [];
  const items: SourceItem[] = [];
  const patterns: Patterns = { jekyll: generator === 'jekyll' ? jekyllPattern(root) : '', hugo: hugoPatterns(root) };
  for (const file of listFiles(scanRoot)) {
    // Jekyll pages outside _posts/ and _drafts/ (about.md, index.md) are not posts.
    if (generator === 'jekyll' && !/^(?:.*\/)?_(posts|drafts)\//.test(file)) continue;
    if (/(^|\/)(_index|README)\.md$/i.test(file)) continue;
    const rel = base ? `${base}/${file}` : file;
    try {
      const item = readPost(root, rel, generator, display, patterns);
      if (item) items.push(item);
    } catch (err) {
      problems.push(importProblem(`${display}/${rel}`, t.frontmatterUnreadable((err as Error).message), t.frontmatterFix, 'import-frontmatter'));
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  const siteFolder = generator === 'hugo' && statSync(path.join(root, 'static'), { throwIfNoEntry: false })?.isDirectory() ? path.join(root, 'static') : root;
  return { kind: generator, items, siteFolder };
}
