import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter.js';
import { isSafeSlug, slugify } from '../util/slug.js';
import { checkBodyLimits } from '../markdown/limits.js';
import { parseOldAddress } from './aliases.js';
import { describe, FieldChecker } from './field-checker.js';
import { invisibleCharacter } from '../util/invisible.js';
import { validateAttachments, validateContact, validateTopics } from './press-fields.js';
import { FrontmatterError } from '../model/errors.js';
import { slugFromFileName } from './file-name.js';
import { YamlSyntaxError } from './yaml-hints.js';
import { editorHints, yamlHintProblem } from './editor-hints.js';
import type { Problem } from '../model/problem.js';
import type { ArticleData, ImageData, PageData, SourceFile } from '../model/types.js';

export const ARTICLE_KEYS = ['title', 'date', 'region', 'teaser', 'slug', 'image', 'draft', 'expires', 'updated', 'aliases', 'topics', 'contact', 'attachments'] as const;
export const PAGE_KEYS = ['title', 'description', 'updated'] as const;
const IMAGE_KEYS = ['src', 'alt', 'caption', 'credit'];


export type Validated =
  /** `body` when the frontmatter could be read, so that the body's own problems are found in the same run. */
  | { kind: 'invalid'; problems: Problem[]; body?: string; bodyLine?: number }
  | { kind: 'article'; data: ArticleData; body: string; bodyLine: number; problems: Problem[]; positionOf: ParsedFrontmatter['positionOf'] }
  | { kind: 'page'; data: PageData; body: string; bodyLine: number; problems: Problem[]; positionOf: ParsedFrontmatter['positionOf'] };

/** Sources under this folder of the content folder are standalone pages, not articles. */
export const PAGES_DIR = 'pages/';

/** Longest explicit slug, so that `MM-DD-slug` stays one valid file name. */
export const MAX_SLUG_LENGTH = 150;

function validateImage(check: FieldChecker, value: unknown): ImageData | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    check.report('invalid-type', 'image', `image must be a mapping with src and alt, found ${describe(value)}`, 'image:\n  src: foto.jpg\n  alt: "Beschreibung des Bildes"');
    return undefined;
  }
  const img = value as Record<string, unknown>;
  const src = check.text('image.src', img.src, true);
  let alt: string | undefined;
  if (img.alt === undefined || img.alt === null) {
    check.report('missing-alt', 'image.alt', 'image has no alt text', 'describe the image in "alt: …"; for a purely decorative image write alt: ""');
  } else {
    alt = check.text('image.alt', img.alt, true, true);
  }
  const caption = check.text('image.caption', img.caption, false);
  const credit = check.text('image.credit', img.credit, false);
  for (const key of Object.keys(img)) {
    if (!IMAGE_KEYS.includes(key)) check.report('unknown-key', `image.${key}`, `unknown key "image.${key}" is ignored`, `known keys: ${IMAGE_KEYS.join(', ')}`, 'warning');
  }
  if (src === undefined || alt === undefined) return undefined;
  return { src, alt, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

function validateArticle(check: FieldChecker, d: Record<string, unknown>, timeZone: string, rel: string): ArticleData | undefined {
  const title = check.text('title', d.title, true);
  const date = check.date('date', d.date, true, timeZone);
  // NFC: "Müller" typed on macOS (NFD) and elsewhere (NFC) is one region with one page.
  const region = check.text('region', d.region, true)?.normalize('NFC');
  const teaser = check.text('teaser', d.teaser, true);
  let slug: string | undefined;
  if (d.slug !== undefined) {
    const given = check.text('slug', d.slug, true);
    if (given !== undefined && !isSafeSlug(given)) {
      check.report('invalid-field', 'slug', `slug "${given}" may contain only lowercase letters a–z, digits and single hyphens`, `for example slug: ${slugify(given) || 'meine-meldung'}`);
    } else if (given !== undefined && given.length > MAX_SLUG_LENGTH) {
      check.report('invalid-field', 'slug', `slug is ${given.length} characters long; at most ${MAX_SLUG_LENGTH} are allowed`, 'shorten it; a few words are enough');
    } else slug = given;
  } else {
    // The address comes from the file name, never the headline: fixing a title never moves a page.
    slug = slugFromFileName(rel);
  }
  if (region !== undefined && slugify(region) === '') {
    check.report('invalid-field', 'region', `region "${region}" has no letters or digits to build its URL from`, 'use the region’s name, e.g. region: Potsdam');
  }
  // A region with a zero-width space would be a second region that looks exactly like the first.
  const invisibleInRegion = region === undefined ? undefined : invisibleCharacter(region);
  if (invisibleInRegion) check.report('invalid-field', 'region', `region "${region}" contains the invisible character ${invisibleInRegion}`, 'type the region’s name again; invisible characters come from copying out of other programs');
  const image = validateImage(check, d.image);
  let draft = false;
  if (d.draft !== undefined) {
    if (typeof d.draft === 'boolean') draft = d.draft;
    else check.report('invalid-type', 'draft', `draft must be true or false, found ${describe(d.draft)}`);
  }
  const expires = check.date('expires', d.expires, false, timeZone);
  const updated = check.date('updated', d.updated, false, timeZone);
  const aliases: string[] = [];
  if (d.aliases !== undefined) {
    const list = typeof d.aliases === 'string' ? [d.aliases] : d.aliases;
    if (!Array.isArray(list)) check.report('invalid-type', 'aliases', `aliases must be a list of old URLs, found ${describe(d.aliases)}`, 'aliases:\n  - /alt/meldung-123.html');
    else {
      list.forEach((a, i) => {
        if (typeof a !== 'string') return check.report('invalid-type', `aliases.${i}`, `alias must be a URL path, found ${describe(a)}`);
        // The old address's syntax; its host and place on the site are checked with the config (checks/aliases.ts).
        const parsed = parseOldAddress(a);
        if (!parsed.ok) check.report('invalid-field', `aliases.${i}`, `alias "${a}" ${parsed.reason}`, parsed.fix);
        else aliases.push(parsed.address.written);
      });
    }
  }
  // Press-release fields (content/press-fields.ts): topics, the press contact, downloads.
  const topics = validateTopics(check, d.topics);
  const contact = validateContact(check, d.contact);
  const attachments = validateAttachments(check, d.attachments);
  check.unknownKeys(d, ARTICLE_KEYS);
  if (title === undefined || date === undefined || region === undefined || teaser === undefined || slug === undefined) return undefined;
  if (check.problems.some((p) => p.severity === 'error')) return undefined;
  return { title, date, region, teaser, slug, draft, aliases, ...(topics.length > 0 ? { topics } : {}), ...(attachments.length > 0 ? { attachments } : {}), ...(contact ? { contact } : {}), ...(image ? { image } : {}), ...(expires ? { expires } : {}), ...(updated ? { updated } : {}) };
}

/** Parses and validates one source file. Pure: the same bytes and options give the same result. */
export function validateSource(source: SourceFile, timeZone: string, language = 'de'): Validated {
  if (source.unreadable || source.text === undefined) {
    return { kind: 'invalid', problems: source.unreadable ? [source.unreadable] : [] };
  }
  let fm: ParsedFrontmatter;
  try {
    fm = parseFrontmatter(source.text);
  } catch (err) {
    if (!(err instanceof FrontmatterError)) throw err;
    if (err instanceof YamlSyntaxError) return { kind: 'invalid', problems: [yamlHintProblem(source.display, err.hint, language)] };
    return {
      kind: 'invalid',
      problems: [{ file: source.display, line: err.line, column: err.column, ruleId: 'frontmatter', reason: err.message, fix: 'frontmatter is YAML between two lines "---" at the top of the file', severity: 'error' }],
    };
  }
  const check = new FieldChecker(source, fm);
  const limit = checkBodyLimits(fm.body);
  if (limit) {
    return {
      kind: 'invalid',
      problems: [{ file: source.display, line: fm.bodyLine + limit.line - 1, column: limit.column, ruleId: 'too-complex', reason: limit.reason, fix: limit.fix, severity: 'error' }],
    };
  }
  if (source.rel.startsWith(PAGES_DIR)) {
    const title = check.text('title', fm.data.title, true);
    const description = check.text('description', fm.data.description, false);
    const updated = check.date('updated', fm.data.updated, false, timeZone);
    check.unknownKeys(fm.data, PAGE_KEYS);
    if (title === undefined || check.problems.some((p) => p.severity === 'error')) return { kind: 'invalid', problems: check.problems, body: fm.body, bodyLine: fm.bodyLine };
    const hints = editorHints(source, fm, undefined, language); // placeholders left in the page
    return { kind: 'page', data: { title, ...(description ? { description } : {}), ...(updated ? { updated } : {}) }, body: fm.body, bodyLine: fm.bodyLine, problems: [...check.problems, ...hints], positionOf: fm.positionOf };
  }
  const data = validateArticle(check, fm.data, timeZone, source.rel);
  if (!data) return { kind: 'invalid', problems: check.problems, body: fm.body, bodyLine: fm.bodyLine };
  const hints = editorHints(source, fm, data, language); // file-name date, placeholders
  return { kind: 'article', data, body: fm.body, bodyLine: fm.bodyLine, problems: [...check.problems, ...hints], positionOf: fm.positionOf };
}
