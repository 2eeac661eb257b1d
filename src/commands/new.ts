import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveSite, type SiteOptions } from '../config/config.js';
import { ConfigError } from '../model/errors.js';
import type { Problem } from '../model/problem.js';
import { dayOf, parseSiteDate } from '../util/dates.js';
import { isSafeSlug, slugify } from '../util/slug.js';
import { CONTROL_CHARACTER_IN_TEXT } from '../util/text.js';
import { unknownRegion } from '../checks/regions.js';
import { relativePath } from '../util/files.js';
import { validateSource } from '../content/validate.js';
import { hashOf } from '../util/hash.js';
import { isInside } from '../util/files.js';
import { articleFileRel, articleFileText } from '../content/source-text.js';
import { PLACEHOLDERS } from '../content/editor-hints.js';

export interface NewArticleOptions extends SiteOptions {
  readonly title: string;
  readonly region: string;
  /** `YYYY-MM-DD`; default today in the site's time zone. */
  readonly date?: string;
  readonly teaser?: string;
  readonly slug?: string;
  /** "Today" for tests; defaults to the clock. */
  readonly now?: number;
}

/** Passes the validator but reads as a to-do; `check` warns about it (`--strict`: error). */
export const TEASER_PLACEHOLDER = PLACEHOLDERS.teaser;

/** The article file already exists; nothing was written. */
export class ArticleExistsError extends Error {
  override readonly name = 'ArticleExistsError';
  constructor(readonly file: string) {
    super(`${file} already exists; nothing was written`);
  }
}

export interface NewArticle {
  readonly file: string;
  /** Path relative to the site root, with forward slashes, for messages. */
  readonly display: string;
}

function usage(flag: string, reason: string, fix: string): ConfigError {
  const problem: Problem = { file: flag, ruleId: 'invalid-option', field: flag.replace(/^--/, ''), reason, fix, severity: 'error' };
  return new ConfigError([problem]);
}

function requireText(flag: string, value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') throw usage(flag, `${flag} must not be empty`, `give a text, e.g. ${flag} "…"`);
  if (CONTROL_CHARACTER_IN_TEXT.test(text)) throw usage(flag, `${flag} contains control characters`, 'type the text again without them');
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The article file as text; the frontmatter is written as `import` writes it. */
export function articleSource(fields: { title: string; date: string; region: string; teaser: string; slug?: string }): string {
  return articleFileText(fields, PLACEHOLDERS.body);
}

/**
 * Scaffolds an article at the conventional place, `content/<year>/<date>-<slug>.md`, and refuses
 * to overwrite anything.
 */
export function newArticle(options: NewArticleOptions): NewArticle {
  const site = resolveSite(options);
  const title = requireText('title', options.title);
  const region = requireText('--region', options.region);
  // The same rule as `check`: a typo is caught before the file exists, not after.
  if (site.config.regions.length > 0 && !site.config.regions.includes(region)) {
    const { reason, fix } = unknownRegion(region, site.config.regions);
    throw usage('--region', reason, fix.replace('write region: ', '--region '));
  }
  const teaser = options.teaser === undefined ? TEASER_PLACEHOLDER : requireText('--teaser', options.teaser);
  let date: string;
  if (options.date === undefined) date = dayOf(options.now ?? Date.now(), site.config.timezone);
  else {
    const given = options.date.trim();
    const parsed = parseSiteDate(given, site.config.timezone);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) throw usage('--date', `--date "${options.date}" is not a date of the form YYYY-MM-DD`, 'for example --date 2025-02-13');
    if (!parsed.ok) throw usage('--date', `--date "${options.date}" ${parsed.reason}`, 'for example --date 2025-02-13');
    date = given;
  }
  if (options.slug !== undefined && !isSafeSlug(options.slug)) {
    throw usage('--slug', `--slug "${options.slug}" may contain only lowercase letters a–z, digits and single hyphens`, `for example --slug ${slugify(options.slug) || 'meine-meldung'}`);
  }
  const slug = options.slug ?? (slugify(title) || 'meldung');
  const file = path.join(site.paths.content, ...articleFileRel(date, slug).split('/'));
  const display = relativePath(site.paths.root, file);
  const text = articleSource({ title, date, region, teaser, ...(options.slug ? { slug } : {}) });
  refuseWhatTheBuildRejects(text, file, display, site.config.timezone);
  mkdirSync(path.dirname(file), { recursive: true });
  refuseLinkOut(site.paths.content, path.dirname(file), display);
  try {
    // `wx` makes "does it exist?" and "create it" one step, so two editors cannot race.
    writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ArticleExistsError(display);
    throw err;
  }
  return { file, display };
}

/**
 * The file is checked by the build's own validator before it is written: whatever the build would
 * refuse (a NEL in the title, 5,000 characters, a zero-width space in the region) is refused here,
 * with the same words, instead of a file that breaks the next build.
 */
function refuseWhatTheBuildRejects(text: string, file: string, display: string, timeZone: string): void {
  const validated = validateSource({ rel: path.basename(file), abs: file, display, hash: hashOf(text), text }, timeZone);
  const errors = validated.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  const flagOf = (field: string | undefined): string => (field === 'title' ? 'title' : `--${field ?? 'title'}`);
  throw new ConfigError(errors.map((p) => ({ ...p, file: flagOf(p.field), line: undefined, column: undefined, ruleId: 'invalid-option' })));
}

/** The year folder may be a link, but not one that leads out of the content folder. */
function refuseLinkOut(contentDir: string, dir: string, display: string): void {
  const real = realpathSync(dir);
  if (!isInside(realpathSync(contentDir), real)) {
    throw usage('--date', `the folder of ${display} is a symbolic link that leads out of the content folder (to ${real})`, 'replace the link with a real folder, or remove it');
  }
}
