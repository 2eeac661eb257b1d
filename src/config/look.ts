import { createRequire } from 'node:module';

// culori's ES modules are 151 files, some 70 ms of every build's start (a warm build takes 2 s in
// all); the package's own one-file CommonJS bundle, the same code, loads in about 10 ms.
const { converter, formatHex, parse, wcagContrast } = createRequire(import.meta.url)('culori') as typeof import('culori');
import type { RuleId } from '../model/rules.js';
import { rulesIn, type ProblemText } from '../model/messages.js';

/**
 * The config keys of the site's look: `logo` (coat of arms or logo in the header), `brand` (the
 * colour of the header bar, links and focus ring) and `listThumbnails`. The contrast rule is the
 * project's own: the theme puts white text on the brand colour and the brand colour as link text on
 * its light backgrounds, so a colour that cannot carry normal text at WCAG AA is refused here.
 */

export interface LogoConfig {
  /** An image of the content folder (`/bilder/wappen.png`, from its root) or of `static/` (`/wappen.svg`). */
  readonly src: string;
  /** Alt text; `""` when the site title next to it already says everything. */
  readonly alt: string;
}

export interface BrandConfig {
  /** The colour as `#rrggbb`, whatever CSS notation the config used. */
  readonly color: string;
}

export interface LookConfig {
  readonly logo?: LogoConfig;
  readonly brand?: BrandConfig;
  readonly listThumbnails: boolean;
}

export const LOOK_KEYS = ['logo', 'brand', 'listThumbnails'] as const;

/** WCAG 2.1 AA, success criterion 1.4.3: normal text needs 4.5:1. */
export const AA_NORMAL_TEXT = 4.5;

/**
 * The default theme's colours the brand colour meets (templates/assets/stadtbote.css): white text
 * on the header bar and on buttons, and the brand colour as link text on the page and the footer.
 */
export const BRAND_COUNTERPARTS: readonly { readonly color: string; readonly role: 'page' | 'footer' }[] = [
  { color: '#ffffff', role: 'page' },
  { color: '#f2f4f7', role: 'footer' },
];

export type LookProblem = (key: string, reason: string, fix: string, ruleId?: RuleId) => void;
export type LookWarning = (key: string, reason: string, fix: string) => void;

/** The rule messages of the site's language. */
type MessagesOf = ReturnType<typeof rulesIn>;

function warnWith(warn: LookWarning, key: string, text: ProblemText): void {
  warn(key, text.reason, text.fix ?? '');
}

/** The contrast ratio of two colours as WCAG 2.1 defines it (relative luminance), rounded down to two places. */
export function contrastRatio(a: string, b: string): number {
  return Math.floor(wcagContrast(a, b) * 100) / 100;
}

const toOklch = converter('oklch');

/**
 * The same hue made darker, step by step in OKLCH lightness, until it meets every counterpart: a
 * suggestion close to what the site asked for. Black meets them all, so the loop always ends.
 */
export function darkerShade(hex: string): string {
  const start = toOklch(hex);
  if (!start) return '#000000';
  for (let l = start.l; l > 0; l -= 0.01) {
    const candidate = formatHex({ ...start, l });
    if (BRAND_COUNTERPARTS.every((c) => wcagContrast(candidate, c.color) >= AA_NORMAL_TEXT)) return candidate;
  }
  return '#000000';
}

type Say = MessagesOf;
function parseLogo(raw: unknown, problem: LookProblem, warn: LookWarning, t: Say): LogoConfig | undefined {
  const say = (key: string, text: ProblemText): void => problem(key, text.reason, text.fix ?? '');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    say('logo', t['config-value'].logo());
    return undefined;
  }
  const value = raw as Record<string, unknown>;
  let ok = true;
  if (typeof value.src !== 'string' || value.src.trim() === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value.src.trim())) {
    say('logo.src', t['config-value'].logoSrc({ given: JSON.stringify(value.src) ?? 'undefined' }));
    ok = false;
  }
  if (typeof value.alt !== 'string') {
    say('logo.alt', t['config-value'].logoAlt());
    ok = false;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'src' && key !== 'alt') warnWith(warn, 'logo', t['config-unknown-key'].unknown({ key: `logo.${key}`, known: 'src, alt' }));
  }
  return ok ? { src: (value.src as string).trim(), alt: (value.alt as string).trim() } : undefined;
}

function parseBrand(raw: unknown, problem: LookProblem, warn: LookWarning, t: Say): BrandConfig | undefined {
  const say = (key: string, text: ProblemText, ruleId?: RuleId): void => problem(key, text.reason, text.fix ?? '', ruleId);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || typeof (raw as Record<string, unknown>).color !== 'string') {
    say('brand', t['config-value'].brand());
    return undefined;
  }
  const value = raw as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (key !== 'color') warnWith(warn, 'brand', t['config-unknown-key'].unknown({ key: `brand.${key}`, known: 'color' }));
  }
  const written = value.color as string;
  const color = parse(written);
  if (!color) {
    say('brand.color', t['config-value'].brandColor({ given: written }));
    return undefined;
  }
  if (color.alpha !== undefined && color.alpha < 1) {
    say('brand.color', t['config-value'].brandTransparent({ given: written }));
    return undefined;
  }
  const hex = formatHex(color);
  for (const counterpart of BRAND_COUNTERPARTS) {
    const ratio = contrastRatio(hex, counterpart.color);
    if (ratio < AA_NORMAL_TEXT) {
      const shade = darkerShade(hex);
      const text = t['brand-contrast'].contrast({ given: written, ratio: ratio.toFixed(2), counterpart: counterpart.color, role: counterpart.role, needed: String(AA_NORMAL_TEXT), shade, shadeRatio: contrastRatio(shade, counterpart.color).toFixed(2) });
      say('brand.color', text, 'brand-contrast');
      return undefined;
    }
  }
  return { color: hex };
}

/** Reads `logo`, `brand` and `listThumbnails`: every mistake goes to `problem` as an error at its key, unknown keys to `warn`. */
export function parseLookConfig(raw: Readonly<Record<string, unknown>>, problem: LookProblem, warn: LookWarning, language = 'de'): LookConfig {
  const t = rulesIn(language);
  const logo = raw.logo === undefined ? undefined : parseLogo(raw.logo, problem, warn, t);
  const brand = raw.brand === undefined ? undefined : parseBrand(raw.brand, problem, warn, t);
  let listThumbnails = false;
  if (typeof raw.listThumbnails === 'boolean') listThumbnails = raw.listThumbnails;
  else if (raw.listThumbnails !== undefined) problem('listThumbnails', t['config-value'].listThumbnails().reason, t['config-value'].listThumbnails().fix);
  return { ...(logo ? { logo } : {}), ...(brand ? { brand } : {}), listThumbnails };
}
