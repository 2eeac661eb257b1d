import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseYaml } from '../util/vendor.js';

/** Jekyll's named permalink styles. */
const JEKYLL_STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The values a post's address is built from. */
export interface PermalinkParts {
  readonly day?: string;
  readonly slug: string;
  readonly categories: readonly string[];
  readonly section?: string;
  readonly filename: string;
}

/**
 * Fills a Jekyll or Hugo permalink pattern (`/:year/:month/:title/`, `/:section/:slug/`): the old
 * address of a post whose frontmatter names none. Unknown placeholders are left as they are.
 */
export function expandPermalink(pattern: string, parts: PermalinkParts): string {
  const [year = '', month = '', day = ''] = (parts.day ?? '').split('-');
  const dayOfYear = parts.day ? String(Math.round((Date.parse(parts.day) - Date.UTC(Number(year), 0, 1)) / 86_400_000) + 1) : '';
  const values: Record<string, string> = {
    year,
    month,
    day,
    i_month: String(Number(month)),
    i_day: String(Number(day)),
    short_year: year.slice(2),
    y_day: dayOfYear.padStart(3, '0'),
    title: parts.slug,
    slug: parts.slug,
    slugorfilename: parts.slug,
    filename: parts.filename,
    contentbasename: parts.filename,
    section: parts.section ?? '',
    categories: parts.categories.map((c) => encodeURIComponent(c.toLowerCase().replace(/\s+/g, '-'))).join('/'),
    output_ext: '.html',
  };
  const filled = pattern.replace(/:([a-z_]+)/g, (match, name: string) => values[name] ?? match);
  return `/${filled}`.replace(/\/{2,}/g, '/');
}

/** Jekyll's `permalink` from `_config.yml` (a style name or a pattern); the `date` style by default. */
export function jekyllPattern(root: string): string {
  const file = ['_config.yml', '_config.yaml'].map((f) => path.join(root, f)).find((f) => existsSync(f));
  let configured: unknown;
  try {
    configured = file ? (parseYaml(readFileSync(file, 'utf8')) as { permalink?: unknown } | null)?.permalink : undefined;
  } catch {
    configured = undefined;
  }
  const value = typeof configured === 'string' ? configured.trim() : '';
  return JEKYLL_STYLES[value] ?? (value.startsWith('/') ? value : JEKYLL_STYLES.date!);
}

/** Hugo's `[permalinks]` per section from hugo.toml/.yaml or config.toml/.yaml; `/:section/:slug/` otherwise. */
export function hugoPatterns(root: string): (section: string | undefined) => string {
  let table: Record<string, unknown> = {};
  for (const name of ['hugo.toml', 'config.toml', 'hugo.yaml', 'hugo.yml', 'config.yaml', 'config.yml']) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    try {
      const text = readFileSync(file, 'utf8');
      const config = (name.endsWith('.toml') ? parseToml(text) : parseYaml(text)) as { permalinks?: unknown } | null;
      if (config?.permalinks && typeof config.permalinks === 'object') table = config.permalinks as Record<string, unknown>;
    } catch {
      // A config the importer cannot read leaves Hugo's default addresses.
    }
    break;
  }
  return (section) => {
    const pattern = section ? table[section] : undefined;
    return typeof pattern === 'string' ? pattern : section ? '/:section/:slug/' : '/:slug/';
  };
}
