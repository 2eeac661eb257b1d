import { defaultLanguage, rulesIn, type ProblemText } from '../model/messages.js';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringifyYaml as stringify } from '../util/vendor.js';
import { ConfigError } from '../model/errors.js';
import type { Problem } from '../model/problem.js';
import { dayOf, isValidTimeZone } from '../util/dates.js';
import { listFiles } from '../util/files.js';
import { slugify } from '../util/slug.js';
import { VERSION } from '../version.js';

/** The site skeleton shipped with the package (listed in package.json `files`). */
export const SITE_TEMPLATE_DIR = fileURLToPath(new URL('../../site-template/', import.meta.url));

/**
 * Template files whose real names npm would drop or rename in a package (`.gitignore` becomes
 * `.npmignore`, dot-folders are easy to lose): stored without the dot, written with it.
 */
const RENAMED: Readonly<Record<string, string>> = {
  gitignore: '.gitignore',
  'gitlab-ci.yml': '.gitlab-ci.yml',
  'github/workflows/pages.yml': '.github/workflows/pages.yml',
};

export interface SiteAnswers {
  readonly title: string;
  readonly baseUrl: string;
  readonly timezone: string;
  readonly regions: readonly string[];
}

export interface InitOptions extends Partial<SiteAnswers> {
  /** The new site's folder; created when missing, refused when it holds anything but `.git`. */
  readonly dir: string;
  /** What package.json depends on: a version range, a tarball (`file:…tgz`) or a git URL. */
  readonly stadtbote?: string;
  /** "Today" for the example article; defaults to the clock. */
  readonly now?: number;
}

export const INIT_DEFAULTS: SiteAnswers = {
  title: 'Nachrichten',
  baseUrl: 'https://www.example.org/',
  timezone: 'Europe/Berlin',
  regions: [],
};

export interface InitResult {
  readonly root: string;
  /** Files written, relative to the root, sorted. */
  readonly files: readonly string[];
}

/** A mistake in an option (`--title: …`) or, with `folder`, in the folder argument (named by its path: there is no `--dir`). */
function usage(field: string, text: ProblemText, folder?: string): ConfigError {
  const problem: Problem = { file: folder ?? `--${field}`, ruleId: 'invalid-option', field, ...text, severity: 'error' };
  return new ConfigError([problem]);
}

/** Checks the answers as the build would read them, so that a new site builds on the first try. */
export function checkAnswers(given: Partial<SiteAnswers>): SiteAnswers {
  // A site that does not exist yet speaks German (STADTBOTE_LANG=en: English), like its pages.
  const t = rulesIn(defaultLanguage())['invalid-option'];
  const title = (given.title ?? INIT_DEFAULTS.title).trim();
  // A title goes into YAML, HTML and feeds: control characters have no place there.
  if (title === '' || /[\u0000-\u001f\u007f]/.test(title)) throw usage('title', t.initTitle({ given: title }));
  let baseUrl = (given.baseUrl ?? INIT_DEFAULTS.baseUrl).trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw usage('base-url', t.initBaseUrl({ given: baseUrl }));
  }
  if (!baseUrl.endsWith('/')) baseUrl += '/';
  const timezone = (given.timezone ?? INIT_DEFAULTS.timezone).trim();
  if (!isValidTimeZone(timezone)) throw usage('timezone', t.initTimezone({ given: timezone }));
  const regions = [...new Set((given.regions ?? []).map((r) => r.trim()).filter((r) => r !== ''))];
  for (const region of regions) {
    if (slugify(region) === '' || /[\u0000-\u001f\u007f]/.test(region)) throw usage('region', t.initRegion({ given: region }));
  }
  return { title, baseUrl, timezone, regions };
}

function configText(answers: SiteAnswers): string {
  const config = {
    title: answers.title,
    description: `Meldungen von ${answers.title}`,
    baseUrl: answers.baseUrl,
    language: 'de',
    timezone: answers.timezone,
    publisher: { name: answers.title },
    ...(answers.regions.length > 0 ? { regions: [...answers.regions] } : {}),
  };
  return `# Stadtbote: Einstellungen dieser Seite. Alle Schlüssel stehen in der README von Stadtbote.\n${stringify(config)}`;
}

function packageJson(answers: SiteAnswers, dir: string, dependency: string): string {
  const name = slugify(answers.title) || slugify(path.basename(dir)) || 'nachrichten';
  const pkg = {
    name,
    private: true,
    description: `Nachrichtenarchiv: ${answers.title}`,
    scripts: { build: 'stadtbote build', dev: 'stadtbote dev', check: 'stadtbote check --strict', new: 'stadtbote new' },
    engines: { node: '>=20.19' },
    dependencies: { stadtbote: dependency },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** Fills `{{name}}` marks; values are inserted as they are (callers quote for YAML). */
function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (mark, key: string) => values[key] ?? mark);
}

/** Which files of the template go where, with their text. */
function siteFiles(answers: SiteAnswers, options: InitOptions): Map<string, string> {
  const today = dayOf(options.now ?? Date.now(), answers.timezone);
  const region = answers.regions[0] ?? answers.title;
  const values = {
    title: answers.title,
    region,
    date: today,
    // Inside YAML double quotes: JSON's escapes are YAML's.
    titleText: JSON.stringify(answers.title).slice(1, -1),
  };
  const files = new Map<string, string>();
  for (const rel of listFiles(SITE_TEMPLATE_DIR)) {
    const text = readFileSync(path.join(SITE_TEMPLATE_DIR, rel), 'utf8');
    if (rel === 'content/example-article.md') {
      files.set(`content/${today.slice(0, 4)}/${today}-willkommen.md`, fill(text, { ...values, region: JSON.stringify(region) }));
    } else files.set(RENAMED[rel] ?? rel, fill(text, values));
  }
  files.set('stadtbote.config.yaml', configText(answers));
  files.set('package.json', packageJson(answers, options.dir, options.stadtbote ?? `^${VERSION}`));
  return files;
}

/**
 * `stadtbote init [DIR]`: a site repository that builds on a fresh machine. Everything is written
 * into a hidden folder first and moved in at the end, so a failure never leaves half a site.
 */
export function initSite(options: InitOptions): InitResult {
  const answers = checkAnswers(options);
  const root = path.resolve(options.dir);
  let existing: string[] = [];
  try {
    existing = readdirSync(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw usage('dir', rulesIn(defaultLanguage())['invalid-option'].initUnreadable({ folder: root, code: (err as NodeJS.ErrnoException).code ?? '' }), root);
  }
  // A fresh `git init` is fine; anything else might be someone's work.
  const occupied = existing.filter((name) => name !== '.git');
  if (occupied.length > 0) throw usage('dir', rulesIn(defaultLanguage())['invalid-option'].initNotEmpty({ folder: root, entries: `${occupied.slice(0, 3).join(', ')}${occupied.length > 3 ? ', …' : ''}` }), root);
  const files = siteFiles(answers, options);
  mkdirSync(root, { recursive: true });
  const staging = mkdtempSync(path.join(root, '.stadtbote-init-'));
  try {
    for (const [rel, text] of files) {
      mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
      writeFileSync(path.join(staging, rel), text, { flag: 'wx' });
    }
    const moved: string[] = [];
    try {
      for (const name of readdirSync(staging)) {
        renameSync(path.join(staging, name), path.join(root, name));
        moved.push(name);
      }
    } catch (err) {
      for (const name of moved) rmSync(path.join(root, name), { recursive: true, force: true });
      throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { root, files: [...files.keys()].sort() };
}
