import type { CacheData, CachedOutput, CachedSource } from './types.js';
import type { ProcessedAsset } from '../content/assets.js';
import { PLAIN_RELATIVE_PATH, PLAIN_SITE_PATH } from '../util/plain-path.js';

/**
 * A cache is input, not truth: a file someone else wrote (a CI cache restored from a fork, a
 * disk error, a hand edit) must never steer where the build writes or what it publishes. Every
 * path and value that leaves the cache is checked here like content; anything else makes the
 * whole cache invalid, and the build starts cold. The checksum only proves the file is whole.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HASH = /^[A-Za-z0-9+/=_-]{8,128}$/;

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The longest path a cache may hold. */
const MAX_PATH = 4096;

/** A path relative to the output or content folder: no leading `/`, no `.`, `..` or empty parts, no backslash or control character. */
export function isSafeRelPath(v: unknown): v is string {
  if (!isString(v) || v === '' || v.length > MAX_PATH) return false;
  if (PLAIN_RELATIVE_PATH.test(v)) return true;
  // eslint-disable-next-line no-control-regex
  if (v.startsWith('/') || /[\\\u0000-\u001f]/.test(v)) return false;
  return v.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** A site path (`/2025/…/`, `/medien/x.png`): absolute within the site, a safe path below it. */
export function isSafeSitePath(v: unknown): v is string {
  if (!isString(v) || !v.startsWith('/')) return false;
  if (v === '/' || (v.length <= MAX_PATH && PLAIN_SITE_PATH.test(v))) return true;
  const rel = v.slice(1).replace(/\/$/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return false;
  }
  return isSafeRelPath(rel) && isSafeRelPath(decoded);
}

export function isSiteDate(v: unknown): boolean {
  return isObject(v) && isString(v.day) && DAY.test(v.day) && Number.isFinite(v.epochMs) && typeof v.hasTime === 'boolean' && isString(v.iso);
}

function isImageInfo(v: unknown): boolean {
  return isObject(v) && isSafeSitePath(v.url) && Number.isInteger(v.width) && Number.isInteger(v.height) && Array.isArray(v.variants) && v.variants.every((x) => isObject(x) && isSafeSitePath(x.url) && Number.isInteger(x.width));
}

/** Validated article frontmatter as content/validate.ts makes it: its slug, date and aliases name output paths. */
export function isArticleData(d: unknown): boolean {
  if (!isObject(d)) return false;
  const texts = [d.title, d.region, d.teaser, d.slug].every(isString) && /^[a-z0-9-]+$/.test(d.slug as string);
  const dates = isSiteDate(d.date) && (d.expires === undefined || isSiteDate(d.expires)) && (d.updated === undefined || isSiteDate(d.updated));
  // Topics and the contact are shown in pages and feeds; topic slugs (meta) name output folders.
  const press = (d.topics === undefined || (Array.isArray(d.topics) && d.topics.every(isString))) && (d.contact === undefined || (isObject(d.contact) && isString(d.contact.name)));
  return texts && dates && press && typeof d.draft === 'boolean' && Array.isArray(d.aliases) && d.aliases.every(isSafeSitePath);
}

/** A line or column of a message: absent, or a whole number. */
export const isPosition = (v: unknown): boolean => v === undefined || Number.isInteger(v);

/** A link of a source waiting for its URL: to a site path (no target), or to a source inside the content folder. */
export function isPendingLink(v: unknown): boolean {
  if (!isObject(v) || !isString(v.token) || !isString(v.fragment) || !isPosition(v.line) || !isPosition(v.column)) return false;
  return v.target === '' ? isString(v.sitePath) : isSafeRelPath(v.target) && v.sitePath === undefined;
}

const isSlugList = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every((s) => isString(s) && /^[a-z0-9-]+$/.test(s)));

function isSource(rel: unknown, e: unknown): e is CachedSource {
  if (!isSafeRelPath(rel) || !isObject(e) || !isString(e.hash) || !isString(e.assetKey) || !isString(e.htmlHash)) return false;
  if (!Array.isArray(e.problems) || !Array.isArray(e.links) || !Array.isArray(e.assets) || !e.assets.every(isSafeRelPath)) return false;
  if (!e.links.every(isPendingLink)) return false;
  if ((e.html !== undefined && !isString(e.html)) || (e.bodyHtml !== undefined && !isString(e.bodyHtml)) || (e.stamp !== undefined && !isString(e.stamp))) return false;
  const meta = e.meta;
  if (!isObject(meta) || meta.src !== rel || !isString(meta.hash) || !isSafeSitePath(meta.url) || !meta.url.endsWith('/')) return false;
  if (e.kind === 'page') return isObject(meta.data) && isString(meta.data.title);
  return e.kind === 'article' && isArticleData(meta.data) && isString(meta.regionSlug) && /^[a-z0-9-]+$/.test(meta.regionSlug) && isString(meta.listHash) && meta.listHtml === undefined && isSlugList(meta.topicSlugs) && (meta.image === undefined || isImageInfo(meta.image));
}

function isOutput(e: unknown): e is CachedOutput {
  return isObject(e) && isString(e.key) && (e.search === undefined || isString(e.search)) && (e.pages === undefined || (Array.isArray(e.pages) && e.pages.every(isSafeSitePath))) && Array.isArray(e.files) && e.files.every((f) => Array.isArray(f) && f.length === 2 && isSafeRelPath(f[0]) && isString(f[1]));
}

function isAsset(e: unknown): e is ProcessedAsset {
  if (!isObject(e) || !isString(e.hash) || !HASH.test(e.hash) || !isObject(e.info) || !isSafeSitePath(e.info.url)) return false;
  const info = e.info;
  if (info.variants !== undefined && !(Array.isArray(info.variants) && info.variants.every((v) => isObject(v) && isSafeSitePath(v.url) && Number.isInteger(v.width)))) return false;
  return Array.isArray(e.outputs) && e.outputs.every((o) => isObject(o) && isSafeRelPath(o.path) && isString(o.hash));
}

/** Whether every entry of a loaded cache is well-formed; one bad entry and none is trusted. */
export function isWellFormed(data: CacheData): boolean {
  for (const [rel, entry] of data.sources) if (!isSource(rel, entry)) return false;
  for (const [name, entry] of data.outputs) if (!isString(name) || !isOutput(entry)) return false;
  for (const [key, entry] of data.assets) if (!isString(key) || !isAsset(entry)) return false;
  return true;
}

