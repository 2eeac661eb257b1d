import { converter, formatHex, parse, wcagContrast } from 'culori';
import type { RuleId } from '../model/rules.js';

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
export const BRAND_COUNTERPARTS: readonly { readonly color: string; readonly role: string }[] = [
  { color: '#ffffff', role: 'as background of white text (header bar, buttons) and as link colour on the white page' },
  { color: '#f2f4f7', role: 'as link colour on the light grey of the footer (#f2f4f7)' },
];

export type LookProblem = (key: string, reason: string, fix: string, ruleId?: RuleId) => void;
export type LookWarning = (key: string, reason: string, fix: string) => void;

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

function parseLogo(raw: unknown, problem: LookProblem, warn: LookWarning): LogoConfig | undefined {
  const example = 'logo:\n  src: /bilder/wappen.png\n  alt: "Wappen des Landkreises"';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problem('logo', 'logo must be a mapping with src and alt', example);
    return undefined;
  }
  const value = raw as Record<string, unknown>;
  let ok = true;
  if (typeof value.src !== 'string' || value.src.trim() === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value.src.trim())) {
    problem('logo.src', `logo.src must be the path of an image in the content folder or in static/, not ${JSON.stringify(value.src)}`, example);
    ok = false;
  }
  if (typeof value.alt !== 'string') {
    problem('logo.alt', 'logo.alt is missing: the logo needs a text alternative', 'write what the image shows, e.g. alt: "Wappen des Landkreises", or alt: "" when the site title next to it says it all');
    ok = false;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'src' && key !== 'alt') warn('logo', `unknown config key "logo.${key}" is ignored`, 'known keys of logo: src, alt');
  }
  return ok ? { src: (value.src as string).trim(), alt: (value.alt as string).trim() } : undefined;
}

function parseBrand(raw: unknown, problem: LookProblem, warn: LookWarning): BrandConfig | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || typeof (raw as Record<string, unknown>).color !== 'string') {
    problem('brand', 'brand must be a mapping with a color', 'brand:\n  color: "#005a9c"');
    return undefined;
  }
  const value = raw as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (key !== 'color') warn('brand', `unknown config key "brand.${key}" is ignored`, 'known keys of brand: color');
  }
  const written = value.color as string;
  const color = parse(written);
  if (!color) {
    problem('brand.color', `brand.color "${written}" is not a CSS colour`, 'write it as #rrggbb, e.g. color: "#005a9c" (quoted: # starts a comment in YAML)');
    return undefined;
  }
  if (color.alpha !== undefined && color.alpha < 1) {
    problem('brand.color', `brand.color "${written}" is transparent: its contrast depends on what is behind it`, 'use an opaque colour, e.g. "#005a9c"');
    return undefined;
  }
  const hex = formatHex(color);
  for (const counterpart of BRAND_COUNTERPARTS) {
    const ratio = contrastRatio(hex, counterpart.color);
    if (ratio < AA_NORMAL_TEXT) {
      const shade = darkerShade(hex);
      problem(
        'brand.color',
        `brand.color "${written}" has a contrast of ${ratio.toFixed(2)}:1 with ${counterpart.color} ${counterpart.role}; WCAG 2.1 AA needs ${AA_NORMAL_TEXT}:1 for normal text`,
        `use a darker shade, e.g. color: "${shade}" (${contrastRatio(shade, counterpart.color).toFixed(2)}:1)`,
        'brand-contrast',
      );
      return undefined;
    }
  }
  return { color: hex };
}

/** Reads `logo`, `brand` and `listThumbnails`: every mistake goes to `problem` as an error at its key, unknown keys to `warn`. */
export function parseLookConfig(raw: Readonly<Record<string, unknown>>, problem: LookProblem, warn: LookWarning): LookConfig {
  const logo = raw.logo === undefined ? undefined : parseLogo(raw.logo, problem, warn);
  const brand = raw.brand === undefined ? undefined : parseBrand(raw.brand, problem, warn);
  let listThumbnails = false;
  if (typeof raw.listThumbnails === 'boolean') listThumbnails = raw.listThumbnails;
  else if (raw.listThumbnails !== undefined) problem('listThumbnails', 'listThumbnails must be true or false', 'listThumbnails: true');
  return { ...(logo ? { logo } : {}), ...(brand ? { brand } : {}), listThumbnails };
}
