import { rulesIn } from '../model/messages.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Template } from 'liquidjs';
import { Liquid } from '../util/vendor.js';
import type { UiStrings } from '../i18n/index.js';
import { absoluteUrl, withBasePath } from '../model/urls.js';
import { formatDay } from '../util/dates.js';
import { isInside, listFiles, relativePath } from '../util/files.js';
import type { Problem } from '../model/problem.js';
import { hashOf } from '../util/hash.js';
import { NOT_XML_CHARACTER } from '../util/text.js';
import { isUrl } from '../util/url-ref.js';
import { publishedAssetPath, themeAssetManifest, type ThemeAsset } from './assets.js';
import { LiquidCompiler, Unsupported, type CompiledTemplate } from './compile/index.js';
import { reachableTemplates } from './template-deps.js';

/** The default theme shipped with the package; a site's own `templates/` folder overrides any file. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface ThemeOptions {
  readonly templateDirs: readonly string[];
  readonly basePath: string;
  readonly baseUrl: string;
  readonly strings: UiStrings;
  /** Assets the build makes (theme/brand.ts), published like the theme's own unless a template folder has one of the name. */
  readonly generatedAssets?: ReadonlyMap<string, Buffer>;
  /**
   * 'liquidjs' renders every template with LiquidJS's own renderer instead of the compiled closures
   * (theme/compile/): for the tests that compare both. Default: the environment variable
   * STADTBOTE_TEMPLATE_ENGINE (read here so build workers follow it), else 'compiled'.
   */
  readonly engine?: 'compiled' | 'liquidjs';
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/;

/** Makes text safe inside `<script type="application/ld+json">`: nothing can close the element. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  // Most JSON-LD has none of these: one scan instead of five replaces (every page has some).
  if (typeof json === 'string' && !SCRIPT_UNSAFE.test(json)) return json;
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}


/** Escapes text for XML character data and attribute values, dropping what XML cannot hold. */
export function xmlEscape(value: unknown): string {
  return String(value ?? '').replace(NOT_XML_CHARACTER, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * LiquidJS with auto-escaping on: every `{{ }}` output is HTML-escaped unless a template says
 * `| raw`, which the default theme does only for HTML the build produced itself.
 */
export class Theme {
  private readonly liquid: Liquid;
  private readonly parsed = new Map<string, Template[]>();
  /** Compiled form per template name; null where the template uses something only LiquidJS renders. */
  private readonly compiled = new Map<string, CompiledTemplate | null>();
  private readonly compiler: LiquidCompiler | undefined;
  private assetManifest: Map<string, ThemeAsset> | undefined;
  /** The theme's assets under their content-hashed names (theme/assets.ts), read on first use. */
  get assets(): ReadonlyMap<string, ThemeAsset> {
    return (this.assetManifest ??= themeAssetManifest(this.options.templateDirs, this.options.generatedAssets));
  }

  constructor(readonly options: ThemeOptions) {
    const { basePath, baseUrl, strings } = options;
    const roots = [...new Set(options.templateDirs.map((d) => path.resolve(d)))];
    this.liquid = new Liquid({
      root: roots,
      partials: roots,
      layouts: roots,
      extname: '.liquid',
      outputEscape: 'escape',
      strictFilters: true,
      cache: true,
      jsTruthy: false,
      // Content never reaches templates as template source, so includes are limited to the theme.
      relativeReference: false,
      dynamicPartials: true,
    });
    const toSitePath = (url: unknown): string => {
      const s = String(url ?? '');
      if (isUrl(s)) return s;
      // `/assets/stadtbote.css` is published as `/assets/stadtbote.3fa2c1d0.css`.
      return withBasePath(basePath, publishedAssetPath(this.assets, s));
    };
    this.liquid.registerFilter('url', toSitePath);
    this.liquid.registerFilter('asset', (name: unknown) => toSitePath(`/assets/${String(name ?? '').replace(/^\/+/, '')}`));
    this.liquid.registerFilter('absolute_url', (url: unknown) => {
      const s = String(url ?? '');
      return isUrl(s) ? s : absoluteUrl(baseUrl, s);
    });
    this.liquid.registerFilter('date_display', (day: unknown) => formatDay(String(day ?? ''), strings.language));
    this.liquid.registerFilter('fmt', (template: unknown, key: unknown, value: unknown) => String(template ?? '').replaceAll(`{${String(key)}}`, String(value ?? '')));
    this.liquid.registerFilter('count_label', (n: unknown) => {
      const count = Number(n);
      return count === 1 ? strings.articleCount.one : strings.articleCount.other.replace('{n}', String(count));
    });
    this.liquid.registerFilter('month_name', (month: unknown) => strings.months[Number(month) - 1] ?? String(month));
    this.liquid.registerFilter('json_script', (value: unknown) => jsonForScript(value));
    this.liquid.registerFilter('xml', (value: unknown) => xmlEscape(value));
    const engine = options.engine ?? (process.env['STADTBOTE_TEMPLATE_ENGINE'] === 'liquidjs' ? 'liquidjs' : 'compiled');
    this.compiler = engine === 'compiled' ? new LiquidCompiler(this.liquid) : undefined;
  }

  /**
   * Parses every template the theme can use (a site's own file hides the default of the same name)
   * and reports each syntax error at its file, line and column before anything is rendered: a broken
   * template is a mistake in the site, named like any other, not a crash.
   */
  check(root: string, language = 'de'): Problem[] {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const dir of [...new Set(this.options.templateDirs.map((d) => path.resolve(d)))]) {
      for (const rel of listFiles(dir)) {
        if (!rel.endsWith('.liquid') || seen.has(rel)) continue;
        seen.add(rel);
        const file = path.join(dir, rel);
        try {
          this.liquid.parse(readFileSync(file, 'utf8'), file);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          const at = /line:(\d+), col:(\d+)/.exec(message);
          const display = isInside(path.resolve(root), file) ? relativePath(root, file) : file;
          problems.push({
            file: display,
            ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}),
            ruleId: 'template',
            ...rulesIn(language).template.syntax({ detail: message.replace(/, file:.*$/s, '') }),
            severity: 'error',
          });
        }
      }
    }
    return problems;
  }

  /** Renders a template by name (`article`, `list`, …) with the given data (typed per template in views.ts). */
  render(name: string, data: object): string {
    let templates = this.parsed.get(name);
    if (!templates) {
      templates = this.liquid.parseFileSync(name);
      this.parsed.set(name, templates);
    }
    const compiled = this.compiledTemplate(name, templates);
    if (compiled) {
      try {
        return compiled(data);
      } catch (err) {
        // Something the compiler does not translate (reached only now), or a real error: LiquidJS
        // renders the page as before, or reports the error in its own words.
        if (err instanceof Unsupported) this.compiled.set(name, null);
      }
    }
    return this.liquid.renderSync(templates, data) as string;
  }

  /** Whether `name` is rendered by the compiled closures (false: by LiquidJS), once it has been rendered. */
  isCompiled(name: string): boolean {
    return !!this.compiled.get(name);
  }

  /**
   * LiquidJS's generator-based renderer was a third of a template edit's CPU (10,000 articles: ~6 s
   * of 18 s, ~3 µs per `{{ }}`); the same parsed templates compiled to closures (theme/compile/) need
   * 8–11× less CPU per render (bench/templates.js) with LiquidJS's semantics, and a 10,000-article
   * template edit 13–15 s of CPU instead of 19–24 s. Templates it cannot compile stay with LiquidJS.
   */
  private compiledTemplate(name: string, templates: Template[]): CompiledTemplate | null {
    if (!this.compiler) return null;
    let compiled = this.compiled.get(name);
    if (compiled === undefined) {
      try {
        compiled = this.compiler.compile(templates);
      } catch {
        compiled = null; // Unsupported (or anything else the compiler trips on): LiquidJS renders it, as before
      }
      this.compiled.set(name, compiled);
    }
    return compiled;
  }
}

/** Fingerprints of the template folders for cache keys (build/cache-stage.ts). */
export interface TemplateFingerprints {
  /** Of every file in the template folders. */
  readonly all: string;
  /**
   * One per kind of page: of what its entry templates can render (theme/template-deps.ts) and of
   * every file that is no template (stylesheets, scripts, icons: their hashed names are on every
   * page). A kind's is `all` where a tag names its file while rendering: then any template may be reached.
   */
  kinds<K extends string>(entries: Readonly<Record<K, readonly string[]>>): Readonly<Record<K, string>>;
}

/** The fingerprints of the template folders, each file read once. */
export function templateFingerprints(dirs: readonly string[]): TemplateFingerprints {
  const all: string[] = [];
  const files: { readonly rel: string; readonly part: readonly string[] }[] = [];
  for (const dir of [...new Set(dirs.map((d) => path.resolve(d)))]) {
    all.push(`#${dir}`);
    for (const rel of listFiles(dir)) {
      const part = [`#${dir}`, rel, hashOf(readFileSync(path.join(dir, rel)))];
      all.push(...part.slice(1));
      files.push({ rel, part });
    }
  }
  const allHash = hashOf(...all);
  const kindHash = (entries: readonly string[]): string => {
    const reached = reachableTemplates(dirs, entries);
    if (reached === undefined) return allHash;
    const wanted = new Set(reached);
    const used = files.filter(({ rel }) => wanted.has(rel) || !rel.endsWith('.liquid')).flatMap(({ part }) => part);
    return hashOf('entries', ...reached, '#files', ...used);
  };
  return {
    all: allHash,
    kinds: <K extends string>(entries: Readonly<Record<K, readonly string[]>>) =>
      Object.fromEntries(Object.entries<readonly string[]>(entries).map(([kind, names]) => [kind, kindHash(names)])) as Record<K, string>,
  };
}

