import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter.js';
import { isSafeSlug, slugify } from '../util/slug.js';
import { checkBodyLimits } from '../markdown/limits.js';
import { parseOldAddress } from './aliases.js';
import { describe, FieldChecker } from './field-checker.js';
import { invisibleCharacter } from '../util/invisible.js';
import { validateAttachments, validateContact, validateTopics } from './press-fields.js';
import { FrontmatterError, type FrontmatterFault } from '../model/errors.js';
import { rulesIn, type ProblemText } from '../model/messages.js';
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
  | {
      kind: 'invalid';
      problems: Problem[];
      body?: string;
      bodyLine?: number;
      /** The frontmatter image's `src` where the rest of `image:` is wrong: whether the file is there is told in the same run. */
      imageSrc?: { readonly src: string; readonly at: { line: number; column: number } };
    }
  | { kind: 'article'; data: ArticleData; body: string; bodyLine: number; problems: Problem[]; positionOf: ParsedFrontmatter['positionOf'] }
  | { kind: 'page'; data: PageData; body: string; bodyLine: number; problems: Problem[]; positionOf: ParsedFrontmatter['positionOf'] };

/** Sources under this folder of the content folder are standalone pages, not articles. */
export const PAGES_DIR = 'pages/';

/** Longest explicit slug, so that `MM-DD-slug` stays one valid file name. */
export const MAX_SLUG_LENGTH = 150;

function validateImage(check: FieldChecker, value: unknown): ImageData | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    check.say('invalid-type', 'image', (t) => t.imageNotMapping({ found: describe(value, check.language) }));
    return undefined;
  }
  const img = value as Record<string, unknown>;
  const src = check.text('image.src', img.src, true);
  let alt: string | undefined;
  if (img.alt === undefined || img.alt === null) {
    check.say('missing-alt', 'image.alt', (t) => t.frontmatter());
  } else {
    alt = check.text('image.alt', img.alt, true, true);
  }
  const caption = check.text('image.caption', img.caption, false);
  const credit = check.text('image.credit', img.credit, false);
  for (const key of Object.keys(img)) {
    if (!IMAGE_KEYS.includes(key)) check.say('unknown-key', `image.${key}`, (t) => t.unknown({ key: `image.${key}`, known: IMAGE_KEYS.join(', ') }), 'warning');
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
      check.say('invalid-field', 'slug', (t) => t.slugCharacters({ slug: given, example: slugify(given) || 'meine-meldung' }));
    } else if (given !== undefined && given.length > MAX_SLUG_LENGTH) {
      check.say('invalid-field', 'slug', (t) => t.slugTooLong({ length: given.length, max: MAX_SLUG_LENGTH }));
    } else slug = given;
  } else {
    // The address comes from the file name, never the headline: fixing a title never moves a page.
    slug = slugFromFileName(rel);
  }
  if (region !== undefined && slugify(region) === '') {
    check.say('invalid-field', 'region', (t) => t.regionNoLetters({ region }));
  }
  // A region with a zero-width space would be a second region that looks exactly like the first.
  const invisibleInRegion = region === undefined ? undefined : invisibleCharacter(region);
  if (invisibleInRegion) check.say('invalid-field', 'region', (t) => t.regionInvisible({ region: region ?? '', character: invisibleInRegion }));
  const image = validateImage(check, d.image);
  let draft = false;
  if (d.draft !== undefined) {
    if (typeof d.draft === 'boolean') draft = d.draft;
    else check.say('invalid-type', 'draft', (t) => t.notBoolean({ field: 'draft', found: describe(d.draft, check.language) }));
  }
  const expires = check.date('expires', d.expires, false, timeZone);
  const updated = check.date('updated', d.updated, false, timeZone);
  const aliases: string[] = [];
  if (d.aliases !== undefined) {
    const list = typeof d.aliases === 'string' ? [d.aliases] : d.aliases;
    if (!Array.isArray(list)) check.say('invalid-type', 'aliases', (t) => t.aliasesNotList({ found: describe(d.aliases, check.language) }));
    else {
      list.forEach((a, i) => {
        if (typeof a !== 'string') return check.say('invalid-type', `aliases.${i}`, (t) => t.aliasNotText({ found: describe(a, check.language) }));
        // The old address's syntax; its host and place on the site are checked with the config (checks/aliases.ts).
        const parsed = parseOldAddress(a);
        if (!parsed.ok) check.say('invalid-field', `aliases.${i}`, (t) => t.alias({ alias: a, fault: parsed.fault, limit: parsed.limit ?? 0, detail: parsed.detail ?? '' }));
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

/** A frontmatter that cannot be read, in the site's words. */
function frontmatterText(fault: FrontmatterFault, language: string): ProblemText {
  const t = rulesIn(language).frontmatter;
  return 'detail' in fault ? t[fault.kind]({ detail: fault.detail }) : t[fault.kind]();
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
      problems: [{ file: source.display, line: err.line, column: err.column, ruleId: 'frontmatter', ...frontmatterText(err.fault, language), severity: 'error' }],
    };
  }
  const check = new FieldChecker(source, fm, language);
  const limit = checkBodyLimits(fm.body, language);
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
  if (!data) {
    const image = fm.data.image as Record<string, unknown> | null | undefined;
    const src = typeof image === 'object' && image !== null && typeof image.src === 'string' && image.src.trim() !== '' ? image.src.trim() : undefined;
    const imageSrc = src === undefined ? {} : { imageSrc: { src, at: fm.positionOf('image.src') ?? { line: 1, column: 1 } } };
    return { kind: 'invalid', problems: check.problems, body: fm.body, bodyLine: fm.bodyLine, ...imageSrc };
  }
  const hints = editorHints(source, fm, data, language); // file-name date, placeholders
  return { kind: 'article', data, body: fm.body, bodyLine: fm.bodyLine, problems: [...check.problems, ...hints], positionOf: fm.positionOf };
}
