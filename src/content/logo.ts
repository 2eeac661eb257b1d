import { rulesIn, type ProblemText } from '../model/messages.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedSite } from '../config/config.js';
import { resolveReference } from '../markdown/resolve.js';
import type { Problem } from '../model/problem.js';
import type { AssetInfo } from '../model/types.js';
import { hashOf } from '../util/hash.js';
import { keyPosition, type Position } from '../util/yaml-position.js';
import { LineCounter, parseDocument } from '../util/vendor.js';
import { readImageFacts } from './images.js';

/**
 * The site's logo or coat of arms (`logo` in the config), as the header shows it: an image of the
 * content folder, published without metadata and with its WebP variants like any photo, or a file of
 * `static/` published as it is (the place for an SVG coat of arms, which the content folder refuses)
 * and, for the header, once more among the theme assets under a content-hashed name.
 * Width and height are the image's own, so the header never jumps while it loads.
 */
export interface SiteLogo {
  /** Site path of the image, without the base path. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  /** Smaller WebP copies for `srcset` (content-folder images only), narrowest first. */
  readonly variants: readonly { readonly url: string; readonly width: number }[];
}

/** A static logo is published again among the theme assets under this folder, with a content-hashed name. */
const LOGO_ASSET_DIR = 'logo';

/** A file for the theme's assets: published in `/assets/` under a content-hashed name (theme/assets.ts). */
export interface LogoAsset {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Static files the logo may be: what browsers show in an `<img>` and sharp can measure. */
const STATIC_IMAGE = /\.(?:png|jpe?g|webp|avif|gif|svg)$/i;

/** Where `logo.src` is written in a YAML config, for the message (the config was read and checked before). */
function srcPosition(configFile: string | undefined): Position | undefined {
  if (!configFile || configFile.endsWith('.json')) return undefined;
  const counter = new LineCounter();
  return keyPosition(parseDocument(readFileSync(configFile, 'utf8'), { lineCounter: counter }), counter, 'logo.src');
}

/** `logo.src` as a path from the content (or static) folder's root, or why it is not one. */
function logoPath(src: string): { ok: true; rel: string } | { ok: false; reason: string } {
  const target = resolveReference('', src.startsWith('/') ? src : `/${src}`);
  return target.ok ? { ok: true, rel: target.rel } : target;
}

/**
 * Finds and measures the logo. The content folder comes first (its images are cleaned of metadata),
 * then `static/`. A logo that is missing or no image is an error naming the key: a header without
 * the coat of arms the site asked for must not go live unnoticed.
 */
export async function resolveLogo(site: ResolvedSite, assets: ReadonlyMap<string, AssetInfo>, staticFiles: readonly string[]): Promise<{ logo?: SiteLogo; asset?: LogoAsset; problems: Problem[] }> {
  const wanted = site.config.logo;
  if (!wanted) return { problems: [] };
  const file = site.paths.configFile ? path.relative(site.paths.root, site.paths.configFile).split(path.sep).join('/') : 'config';
  const t = rulesIn(site.config.language)['logo-image'];
  const fail = (say: (p: { src: string }) => ProblemText): { problems: Problem[] } => ({
    problems: [{ file, ...srcPosition(site.paths.configFile), ruleId: 'logo-image', field: 'logo.src', ...say({ src: wanted.src }), severity: 'error' }],
  });
  const target = logoPath(wanted.src);
  if (!target.ok) return fail(t.outside);

  const asset = assets.get(target.rel);
  if (asset) {
    // An unreadable image has its own error (invalid-image) naming the file.
    if (asset.unreadable) return { problems: [] };
    if (asset.width === undefined || asset.height === undefined) return fail(t.notImage);
    return { logo: { url: asset.url, width: asset.width, height: asset.height, alt: wanted.alt, variants: asset.variants ?? [] }, problems: [] };
  }
  if (staticFiles.includes(target.rel)) {
    if (!STATIC_IMAGE.test(target.rel)) return fail(t.notImage);
    try {
      const bytes = readFileSync(path.join(site.paths.static, target.rel));
      const facts = await readImageFacts(bytes);
      // Every page shows the logo: the header takes a copy among the theme assets, whose name changes
      // with its bytes and so can be cached for a year; the file in static/ stays where it is too.
      const asset = { name: `${LOGO_ASSET_DIR}/${path.posix.basename(target.rel)}`, bytes };
      const logo = { url: `/assets/${asset.name}`, width: facts.width, height: facts.height, alt: wanted.alt, variants: [] };
      if (facts.width > 0 && facts.height > 0) return { logo, asset, problems: [] };
    } catch {
      // Reported below: a file sharp cannot read is no image a browser shows either.
    }
    return fail(t.unreadable);
  }
  return fail(t.missing);
}

/**
 * What every page's header depends on of the logo beyond the config: the bytes of the file. Part of
 * the cache fingerprint, so a new coat of arms under the same name renders every cached page again.
 */
export function logoKey(site: ResolvedSite): string {
  const wanted = site.config.logo;
  if (!wanted) return '';
  const target = logoPath(wanted.src);
  if (!target.ok) return '';
  for (const dir of [site.paths.content, site.paths.static]) {
    const abs = path.join(dir, target.rel);
    if (existsSync(abs) && statSync(abs).isFile()) return hashOf(readFileSync(abs));
  }
  return 'missing';
}
