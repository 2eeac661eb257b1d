import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../model/errors.js';
import { compareProblems, type Problem } from '../model/problem.js';
import { isValidTimeZone } from '../util/dates.js';
import { languages, type UiStrings } from '../i18n/index.js';
import { isInside } from '../util/files.js';

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
export interface SiteConfig {
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
}

/** Where a build reads and writes, resolved to absolute paths. */
export interface SitePaths {
  readonly root: string;
  readonly content: string;
  readonly templates: string;
  readonly out: string;
  readonly static: string;
  readonly cache: string;
  /** The config file, when there is one. */
  readonly configFile?: string;
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
  footerLinks: [],
  cacheDir: '.stadtbote-cache',
  search: true,
  searchSplit: 'auto',
  allowedHosts: [],
  rawHtml: 'none',
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

function lineOfKey(doc: Document, counter: LineCounter, key: string): { line?: number; column?: number } {
  if (!isMap(doc.contents)) return {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      const pos = counter.linePos(pair.key.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

export function normalizeBaseUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url.href;
  } catch {
    return undefined;
  }
}

/** Reads and validates the configuration; every problem is reported at once as a ConfigError. */
export function resolveSite(options: SiteOptions = {}): ResolvedSite {
  const root = path.resolve(options.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ConfigError([{ file: options.root ?? '.', ruleId: 'root-missing', reason: `the site folder ${options.root ?? root} does not exist`, fix: 'check --root', severity: 'error' }]);
  }
  const fromRoot = (p: string): string => path.resolve(root, p);
  let configFile: string | undefined;
  if (options.config) {
    configFile = path.resolve(options.config);
    if (!existsSync(configFile)) {
      throw new ConfigError([{ file: options.config, ruleId: 'config-missing', reason: `config file ${options.config} does not exist`, severity: 'error' }]);
    }
  } else {
    configFile = CONFIG_FILE_NAMES.map((n) => path.join(root, n)).find((p) => existsSync(p));
  }

  const problems: Problem[] = [];
  const raw: Record<string, unknown> = {};
  let doc: Document | undefined;
  const counter = new LineCounter();
  const displayFile = configFile ? path.relative(root, configFile).split(path.sep).join('/') : '';
  if (configFile) {
    const text = readFileSync(configFile, 'utf8');
    if (configFile.endsWith('.json')) {
      try {
        Object.assign(raw, JSON.parse(text) as Record<string, unknown>);
      } catch (err) {
        problems.push({ file: displayFile, ruleId: 'config-syntax', reason: `config is not valid JSON: ${(err as Error).message}`, severity: 'error' });
      }
    } else {
      doc = parseDocument(text, { lineCounter: counter, schema: 'core', uniqueKeys: true });
      for (const e of doc.errors) {
        problems.push({ file: displayFile, line: e.linePos?.[0].line, column: e.linePos?.[0].col, ruleId: 'config-syntax', reason: `config is not valid YAML: ${e.message.split('\n')[0]}`, severity: 'error' });
      }
      if (doc.errors.length === 0) {
        const value: unknown = doc.toJS();
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(raw, value);
        else if (value != null) problems.push({ file: displayFile, line: 1, ruleId: 'config-shape', reason: 'config must be a mapping of keys to values', severity: 'error' });
      }
    }
  }

  const at = (key: string): { line?: number; column?: number } => (doc ? lineOfKey(doc, counter, key) : {});
  const fail = (key: string, reason: string, fix?: string): void => {
    problems.push({ file: displayFile || 'config', ...at(key), ruleId: 'config-value', field: key, reason, fix, severity: 'error' });
  };

  const config: { -readonly [K in keyof SiteConfig]: SiteConfig[K] } = { ...defaults };
  const str = (key: keyof SiteConfig): void => {
    const v = raw[key];
    if (v === undefined) return;
    if (typeof v !== 'string' || v.trim() === '') fail(key, `${key} must be a non-empty text`);
    else (config as Record<string, unknown>)[key] = v;
  };
  str('title');
  str('description');
  str('cacheDir');
  if (raw.language !== undefined) {
    if (raw.language === 'de' || raw.language === 'en') config.language = raw.language;
    else fail('language', `language "${String(raw.language)}" is not supported`, 'use "de" or "en"');
  }
  if (raw.timezone !== undefined) {
    if (typeof raw.timezone === 'string' && isValidTimeZone(raw.timezone)) config.timezone = raw.timezone;
    else fail('timezone', `timezone "${String(raw.timezone)}" is not an IANA time zone`, 'use a name such as "Europe/Berlin"');
  }
  for (const key of ['perPage', 'feedItems'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1000) config[key] = v;
    else fail(key, `${key} must be a whole number from 1 to 1000`);
  }
  const baseUrlRaw = options.baseUrl ?? raw.baseUrl;
  if (baseUrlRaw !== undefined) {
    const normalized = typeof baseUrlRaw === 'string' ? normalizeBaseUrl(baseUrlRaw) : undefined;
    if (normalized) config.baseUrl = normalized;
    else if (options.baseUrl !== undefined) {
      problems.push({ file: '--base-url', ruleId: 'config-value', field: 'baseUrl', reason: `--base-url "${options.baseUrl}" is not an absolute http(s) URL`, fix: 'for example --base-url https://example.org/presse/', severity: 'error' });
    } else fail('baseUrl', `baseUrl "${String(baseUrlRaw)}" is not an absolute http(s) URL`, 'for example https://example.org/presse/');
  }
  if (raw.publisher !== undefined) {
    const p = raw.publisher as Record<string, unknown> | null;
    if (p && typeof p === 'object' && typeof p.name === 'string') {
      config.publisher = {
        name: p.name,
        ...(typeof p.url === 'string' ? { url: p.url } : {}),
        ...(typeof p.logo === 'string' ? { logo: p.logo } : {}),
      };
    } else fail('publisher', 'publisher must be a mapping with at least a name', 'publisher:\n  name: Landeshauptstadt Musterstadt');
  }
  if (raw.regions !== undefined) {
    if (Array.isArray(raw.regions) && raw.regions.every((r) => typeof r === 'string')) config.regions = raw.regions as string[];
    else fail('regions', 'regions must be a list of region names');
  }
  if (raw.footerLinks !== undefined) {
    const list = raw.footerLinks;
    if (Array.isArray(list) && list.every((l) => l && typeof l === 'object' && typeof (l as FooterLink).label === 'string' && typeof (l as FooterLink).href === 'string')) {
      config.footerLinks = list as FooterLink[];
    } else fail('footerLinks', 'footerLinks must be a list of { label, href }');
  }
  if (raw.allowedHosts !== undefined) {
    if (Array.isArray(raw.allowedHosts) && raw.allowedHosts.every((r) => typeof r === 'string')) config.allowedHosts = raw.allowedHosts as string[];
    else fail('allowedHosts', 'allowedHosts must be a list of host names');
  }
  if (raw.search !== undefined) {
    if (typeof raw.search === 'boolean') config.search = raw.search;
    else fail('search', 'search must be true or false');
  }
  if (raw.searchSplit !== undefined) {
    if (raw.searchSplit === 'auto' || raw.searchSplit === 'year' || raw.searchSplit === 'none') config.searchSplit = raw.searchSplit;
    else fail('searchSplit', `searchSplit "${String(raw.searchSplit)}" is not supported`, 'use "auto" (default), "year" or "none"');
  }
  if (raw.rawHtml !== undefined) {
    if (raw.rawHtml === 'none' || raw.rawHtml === 'sanitize') config.rawHtml = raw.rawHtml;
    else fail('rawHtml', `rawHtml "${String(raw.rawHtml)}" is not supported`, 'use "none" (default) or "sanitize"');
  }
  if (options.search === false) config.search = false;
  if (options.cacheDir) config.cacheDir = options.cacheDir;

  const warnings: Problem[] = [];
  const known = new Set(Object.keys(defaults));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      warnings.push({ file: displayFile, ...at(key), ruleId: 'config-unknown-key', field: key, reason: `unknown config key "${key}" is ignored`, fix: `known keys: ${[...known].join(', ')}`, severity: 'warning' });
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
  checkOutputFolder(paths, options);
  return { config, paths, strings, basePath: new URL(config.baseUrl).pathname, warnings };
}

/** A path with symbolic links resolved as far as it exists, so that two spellings of one folder compare equal. */
function realPath(p: string): string {
  const missing: string[] = [];
  let at = p;
  for (;;) {
    try {
      return path.join(realpathSync(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return p;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Every build replaces the output folder as a whole. An output folder that is the site itself, or
 * holds or sits inside its sources, would be replaced with them: refuse before anything is touched.
 */
function checkOutputFolder(paths: SitePaths, options: SiteOptions): void {
  const out = realPath(paths.out);
  const given = options.out ?? path.relative(paths.root, paths.out);
  const guarded: [string, string][] = [
    ['the site folder', paths.root],
    ['the content folder', paths.content],
    ['the templates folder', paths.templates],
    ['the static folder', paths.static],
    ['the build cache', paths.cache],
    ...(paths.configFile ? ([['the config file', paths.configFile]] as [string, string][]) : []),
  ];
  for (const [what, where] of guarded) {
    const real = realPath(where);
    // The output may live inside the site folder (dist/), never the other way round.
    if (isInside(out, real) || (where !== paths.root && isInside(real, out))) {
      throw new ConfigError([
        {
          file: given,
          ruleId: 'output-overlaps-site',
          reason: `the output folder ${given} ${isInside(real, out) && real !== out ? 'is inside' : 'would replace'} ${what} (${where}); every build replaces the output folder as a whole`,
          fix: 'write the output to a folder of its own, e.g. --out dist',
          severity: 'error',
        },
      ]);
    }
  }
}
