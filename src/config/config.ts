import { parseTopics } from './topics.js';
import type { SitePaths } from './paths.js';
export type { SitePaths } from './paths.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Document } from 'yaml';
import { LineCounter, parseDocument } from '../util/vendor.js';
import { ConfigError } from '../model/errors.js';
import { compareProblems, type Problem } from '../model/problem.js';
import type { RuleId } from '../model/rules.js';
import { defaultLanguage, rulesIn } from '../model/messages.js';
import { languageOfConfigText } from './language.js';
import { isValidTimeZone } from '../util/dates.js';
import { languages, type UiStrings } from '../i18n/index.js';
import { relativePath } from '../util/files.js';
import { keyPosition } from '../util/yaml-position.js';
import { basePathProblem } from './base-path.js';
import { checkOutputFolder } from './output-folder.js';
import { DEFAULT_IMAGE_CONFIG, parseImageConfig, type ImageConfig } from './images.js';
import { LOOK_KEYS, parseLookConfig, type LookConfig } from './look.js';
import { parseCmsConfig, type CmsSettings } from './cms.js';

export interface FooterLink {
  readonly label: string;
  /** A site path such as `/impressum/`, or an absolute URL. */
  readonly href: string;
}

export interface Publisher {
  readonly name: string;
  readonly url?: string;
  readonly logo?: string;
}

/** The site configuration as written by the user in `stadtbote.config.yaml`, all keys optional. */
export interface SiteConfig extends LookConfig {
  readonly title: string;
  readonly description: string;
  /** Absolute URL at which `dist/` is served, ending in `/`, e.g. `https://example.org/presse/`. */
  readonly baseUrl: string;
  readonly language: 'de' | 'en';
  readonly timezone: string;
  readonly perPage: number;
  /** Items per feed. */
  readonly feedItems: number;
  readonly publisher: Publisher;
  /** Known region names; when given, `check` reports unknown regions with a suggestion. */
  readonly regions: readonly string[];
  /** Known topics (`topics: [Verkehr, Gesundheit]`); an article's `topics` must be among them. */
  readonly topics: readonly string[];
  readonly footerLinks: readonly FooterLink[];
  /** Build cache folder, relative to the root. */
  readonly cacheDir: string;
  readonly search: boolean;
  /** How the search index is split into parts that are rebuilt on their own (see search/parts.ts). */
  readonly searchSplit: 'auto' | 'year' | 'none';
  /** Hosts the generated pages may load resources from (none by default). */
  readonly allowedHosts: readonly string[];
  /** `none` drops raw HTML in Markdown; `sanitize` keeps it through rehype-raw and rehype-sanitize. */
  readonly rawHtml: 'none' | 'sanitize';
  /** Write `.gz` and `.br` copies of text files for servers to send precompressed. */
  readonly compress: boolean;
  /** How photos are published: maximum width, default share image (config/images.ts). */
  readonly images: ImageConfig;
  /** The web editor at `/admin/` (Decap CMS); off (false) by default. */
  readonly cms: CmsSettings | false;
}


export interface ResolvedSite {
  readonly config: SiteConfig;
  readonly paths: SitePaths;
  readonly strings: UiStrings;
  /** Path part of the base URL, always starting and ending with `/`. */
  readonly basePath: string;
  /** Warnings about the configuration (unknown keys, defaults used). */
  readonly warnings: readonly Problem[];
}

export interface SiteOptions {
  root?: string;
  content?: string;
  templates?: string;
  out?: string;
  config?: string;
  baseUrl?: string;
  cacheDir?: string;
  search?: boolean;
}

const defaults: SiteConfig = {
  title: 'Stadtbote',
  description: 'Meldungen aus Kommunen und Ländern',
  baseUrl: 'http://localhost:4000/',
  language: 'de',
  timezone: 'Europe/Berlin',
  perPage: 20,
  feedItems: 50,
  publisher: { name: 'Stadtbote' },
  regions: [],
  topics: [],
  footerLinks: [],
  cacheDir: '.stadtbote-cache',
  search: true,
  searchSplit: 'auto',
  allowedHosts: [],
  rawHtml: 'none',
  compress: false,
  images: DEFAULT_IMAGE_CONFIG,
  listThumbnails: false,
  cms: false,
};

function defaultFooterLinks(strings: UiStrings): FooterLink[] {
  return [
    { label: strings.impressum, href: '/impressum/' },
    { label: strings.datenschutz, href: '/datenschutz/' },
    { label: strings.barrierefreiheit, href: '/barrierefreiheit/' },
    { label: strings.leichteSprache, href: '/leichte-sprache/' },
  ];
}

export const CONFIG_FILE_NAMES = ['stadtbote.config.yaml', 'stadtbote.config.yml', 'stadtbote.config.json'] as const;

const MAX_CONFIG_BYTES = 1024 * 1024;
/** Keys that would reach an object's prototype; refused wherever they appear at the top. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** The YAML config as data; a few aliases are fine, thousands ("billion laughs") are refused. */
function configValue(doc: Document, displayFile: string, problems: Problem[], language: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    if (!/alias/i.test((err as Error).message)) throw err;
    problems.push({ file: displayFile, line: 1, ruleId: 'config-syntax', ...rulesIn(language)['config-syntax'].aliases(), severity: 'error' });
    return undefined;
  }
}

export function normalizeBaseUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // A user name or password would be published in every canonical URL, feed and sitemap entry.
    if (url.username !== '' || url.password !== '') return undefined;
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url.href;
  } catch {
    return undefined;
  }
}

/** The URL with any `user:password@` replaced, so that a message never repeats a password. */
function redactCredentials(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1…@');
}

/** The config file to read: --config, else the first of CONFIG_FILE_NAMES in the root; only a regular file of sensible size. */
function locateConfigFile(root: string, options: SiteOptions): string | undefined {
  let configFile: string | undefined;
  if (options.config) {
    configFile = path.resolve(options.config);
    if (!existsSync(configFile)) {
      throw new ConfigError([{ file: options.config, ruleId: 'config-missing', ...rulesIn(defaultLanguage())['config-missing'].missing({ file: options.config }), severity: 'error' }]);
    }
  } else {
    configFile = CONFIG_FILE_NAMES.map((n) => path.join(root, n)).find((p) => existsSync(p));
  }
  if (configFile) {
    // A device (/dev/zero), a pipe or a folder would hang or fail the read: only a regular file is read.
    const st = statSync(configFile);
    const given = options.config ?? path.basename(configFile);
    if (!st.isFile() || st.size > MAX_CONFIG_BYTES) {
      const t = rulesIn(defaultLanguage())['config-missing'];
      const text = st.isFile() ? t.tooLarge({ file: given, kilobytes: MAX_CONFIG_BYTES / 1024 }) : t.notAFile({ file: given });
      throw new ConfigError([{ file: given, ruleId: 'config-missing', ...text, severity: 'error' }]);
    }
  }
  return configFile;
}

/**
 * The config file's keys and values (an empty mapping when there is no file or it does not parse),
 * its YAML document for positions, and the language its messages are in: the config's `language:`,
 * read even from a text that does not parse.
 */
function readConfigFile(configFile: string | undefined, displayFile: string, counter: LineCounter, problems: Problem[]): { raw: Record<string, unknown>; doc?: Document; language: string } {
  // Without a prototype, a key "__proto__" is an ordinary (refused) key, never the object's prototype.
  const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (!configFile) return { raw, language: defaultLanguage() };
  const text = readFileSync(configFile, 'utf8');
  const language = languageOfConfigText(text);
  const t = rulesIn(language);
  if (configFile.endsWith('.json')) {
    try {
      Object.assign(raw, JSON.parse(text) as Record<string, unknown>);
    } catch (err) {
      problems.push({ file: displayFile, ruleId: 'config-syntax', ...t['config-syntax'].json({ detail: (err as Error).message }), severity: 'error' });
    }
    return { raw, language };
  }
  const doc = parseDocument(text, { lineCounter: counter, schema: 'core', uniqueKeys: true });
  for (const e of doc.errors) {
    problems.push({ file: displayFile, line: e.linePos?.[0].line, column: e.linePos?.[0].col, ruleId: 'config-syntax', ...t['config-syntax'].yaml({ detail: e.message.split('\n')[0] ?? '' }), severity: 'error' });
  }
  if (doc.errors.length === 0) {
    const value = configValue(doc, displayFile, problems, language);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(raw, value);
    else if (value != null) problems.push({ file: displayFile, line: 1, ruleId: 'config-shape', ...t['config-shape'].notMapping(), severity: 'error' });
  }
  return { raw, doc, language };
}

/** Reads and validates the configuration; every problem is reported at once as a ConfigError. */
export function resolveSite(options: SiteOptions = {}): ResolvedSite {
  const root = path.resolve(options.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ConfigError([{ file: options.root ?? '.', ruleId: 'root-missing', ...rulesIn(defaultLanguage())['root-missing'].missing({ folder: options.root ?? root }), severity: 'error' }]);
  }
  const fromRoot = (p: string): string => path.resolve(root, p);
  const configFile = locateConfigFile(root, options);

  const problems: Problem[] = [];
  const counter = new LineCounter();
  const displayFile = configFile ? relativePath(root, configFile) : '';
  const read = readConfigFile(configFile, displayFile, counter, problems);
  const { raw, doc } = read;
  let language = read.language;
  if (raw.language === 'de' || raw.language === 'en') language = raw.language;
  const t = rulesIn(language)['config-value'];
  const at = (key: string): { line?: number; column?: number } => (doc ? (keyPosition(doc, counter, key) ?? {}) : {});
  for (const key of FORBIDDEN_KEYS) {
    if (Object.hasOwn(raw, key)) problems.push({ file: displayFile, ...at(key), ruleId: 'config-value', field: key, ...t.forbiddenKey({ key }), severity: 'error' });
  }
  const fail = (key: string, reason: string, fix?: string, ruleId: RuleId = 'config-value'): void => void problems.push({ file: displayFile || 'config', ...at(key), ruleId, field: key, reason, fix, severity: 'error' });
  const failWith = (key: string, text: { reason: string; fix?: string }): void => fail(key, text.reason, text.fix);
  const warnings: Problem[] = [];
  const warn = (key: string, reason: string, fix: string): void => void warnings.push({ file: displayFile, ...at(key), ruleId: 'config-unknown-key', field: key, reason, fix, severity: 'warning' });

  const config: { -readonly [K in keyof SiteConfig]: SiteConfig[K] } = { ...defaults };
  const str = (key: keyof SiteConfig): void => {
    const v = raw[key];
    if (v === undefined) return;
    if (typeof v !== 'string' || v.trim() === '') failWith(key, t.notText({ key }));
    else (config as Record<string, unknown>)[key] = v;
  };
  str('title');
  str('description');
  str('cacheDir');
  if (raw.language !== undefined) {
    if (raw.language === 'de' || raw.language === 'en') config.language = raw.language;
    else failWith('language', t.language({ value: String(raw.language) }));
  }
  if (raw.timezone !== undefined) {
    if (typeof raw.timezone === 'string' && isValidTimeZone(raw.timezone)) config.timezone = raw.timezone;
    else failWith('timezone', t.timezone({ value: String(raw.timezone) }));
  }
  for (const key of ['perPage', 'feedItems'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1000) config[key] = v;
    else failWith(key, t.wholeNumber({ key }));
  }
  const baseUrlRaw = options.baseUrl ?? raw.baseUrl;
  if (baseUrlRaw !== undefined) {
    const normalized = typeof baseUrlRaw === 'string' ? normalizeBaseUrl(baseUrlRaw) : undefined;
    // The base path reaches the server files (nginx, Apache): refuse what servers would interpret.
    const unsafe = normalized ? basePathProblem(normalized) : undefined;
    if (normalized && unsafe) {
      if (options.baseUrl !== undefined) problems.push({ file: '--base-url', ruleId: 'config-value', field: 'baseUrl', ...t.basePath({ given: `--base-url ${options.baseUrl}`, detail: unsafe }), severity: 'error' });
      else failWith('baseUrl', t.basePath({ given: String(baseUrlRaw), detail: unsafe }));
    } else if (normalized) config.baseUrl = normalized;
    else if (options.baseUrl !== undefined) {
      problems.push({ file: '--base-url', ruleId: 'config-value', field: 'baseUrl', ...t.baseUrlFlag({ given: redactCredentials(options.baseUrl) }), severity: 'error' });
    } else failWith('baseUrl', t.baseUrl({ given: redactCredentials(String(baseUrlRaw)) }));
  }
  if (raw.publisher !== undefined) {
    const p = raw.publisher as Record<string, unknown> | null;
    if (p && typeof p === 'object' && typeof p.name === 'string') {
      config.publisher = {
        name: p.name,
        ...(typeof p.url === 'string' ? { url: p.url } : {}),
        ...(typeof p.logo === 'string' ? { logo: p.logo } : {}),
      };
    } else failWith('publisher', t.publisher());
  }
  for (const key of ['regions', 'allowedHosts'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.every((r) => typeof r === 'string')) config[key] = value as string[];
    else failWith(key, t[key]());
  }
  if (raw.topics !== undefined) config.topics = parseTopics(raw.topics, (text) => failWith('topics', text), language) ?? config.topics;
  if (raw.footerLinks !== undefined) {
    const list = raw.footerLinks;
    if (Array.isArray(list) && list.every((l) => l && typeof l === 'object' && typeof (l as FooterLink).label === 'string' && typeof (l as FooterLink).href === 'string')) {
      config.footerLinks = list as FooterLink[];
    } else failWith('footerLinks', t.footerLinks());
  }
  for (const key of ['search', 'compress'] as const) {
    const value = raw[key];
    if (typeof value === 'boolean') config[key] = value;
    else if (value !== undefined) failWith(key, t.boolean({ key }));
  }
  if (raw.searchSplit !== undefined) {
    if (raw.searchSplit === 'auto' || raw.searchSplit === 'year' || raw.searchSplit === 'none') config.searchSplit = raw.searchSplit;
    else fail('searchSplit', `searchSplit "${String(raw.searchSplit)}" is not supported`, 'use "auto" (default), "year" or "none"');
  }
  if (raw.rawHtml !== undefined) {
    if (raw.rawHtml === 'none' || raw.rawHtml === 'sanitize') config.rawHtml = raw.rawHtml;
    else failWith('rawHtml', t.rawHtml({ value: String(raw.rawHtml) }));
  }
  // The images and cms mappings have keys of their own: config/images.ts and config/cms.ts read and check them.
  config.images = parseImageConfig(raw.images, (text) => failWith('images', text), (text) => warn('images', text.reason, text.fix ?? ''), language);
  const cmsProblem = (severity: 'error' | 'warning', ruleId: RuleId) => (field: string, reason: string, fix?: string): void => {
    (severity === 'error' ? problems : warnings).push({ file: displayFile || 'config', ...at('cms'), ruleId, field, reason, fix, severity });
  };
  config.cms = parseCmsConfig(raw.cms, cmsProblem('error', 'config-value'), cmsProblem('warning', 'cms-local-only'), language) ?? false;
  // Logo, brand colour and list thumbnails: config/look.ts reads them and checks the colour's contrast.
  Object.assign(config, parseLookConfig(raw, fail, warn, language));
  if (options.search === false) config.search = false;
  if (options.cacheDir) config.cacheDir = options.cacheDir;

  const known = new Set([...Object.keys(defaults), ...LOOK_KEYS]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      const text = rulesIn(language)['config-unknown-key'].unknown({ key, known: [...known].join(', ') });
      warn(key, text.reason, text.fix);
    }
  }
  if (problems.length > 0) throw new ConfigError([...problems].sort(compareProblems));

  const strings = languages[config.language] ?? languages.de!;
  if (raw.footerLinks === undefined) config.footerLinks = defaultFooterLinks(strings);

  const paths: SitePaths = {
    root,
    content: options.content ? path.resolve(options.content) : fromRoot('content'),
    templates: options.templates ? path.resolve(options.templates) : fromRoot('templates'),
    out: options.out ? path.resolve(options.out) : fromRoot('dist'),
    static: fromRoot('static'),
    cache: fromRoot(config.cacheDir),
    ...(configFile ? { configFile } : {}),
  };
  checkOutputFolder(paths, options.out, language);
  return { config, paths, strings, basePath: new URL(config.baseUrl).pathname, warnings };
}
