import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
// css-tree's own one-file ES bundle (its package exports `dist/*`): 22 ms to load where its 123
// modules take 70 ms of every build's start. Same code and API; the types are the package's.
import { parse, walk } from 'css-tree/dist/csstree.esm';
import type { CssNode } from 'css-tree';
import { listFiles } from '../util/files.js';

/**
 * The theme's `assets/` folder published under content-hashed names (`assets/stadtbote.3fa2c1d0.css`):
 * a name that changes with the bytes can be cached for a year, and a new stylesheet is never hidden
 * behind an old cached one. Templates keep writing `{{ '/assets/stadtbote.css' | url }}` (or
 * `{{ 'stadtbote.css' | asset }}`); the theme's filters put in the published name. References from one
 * stylesheet to another asset (`url(fonts/x.woff2)`, `@import "base.css"`) are rewritten too, so the
 * hash of a stylesheet covers the fonts and images it loads.
 */

export interface ThemeAsset {
  /** Path inside `assets/`, e.g. `stadtbote.css`, `fonts/x.woff2`. */
  readonly name: string;
  /** Path inside `assets/` as published, e.g. `stadtbote.3fa2c1d0.css`. */
  readonly published: string;
  readonly bytes: Buffer;
  /** Which template folder it comes from, for messages (`templates/assets/x.css`). */
  readonly dir: string;
}

/** First 8 hex digits of SHA-256: a name that changes with the bytes, short enough to read. */
function tagOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}

function hashedName(name: string, tag: string): string {
  const ext = path.posix.extname(name);
  // `.htaccess`-like names have no extension to keep at the end.
  return ext && ext !== name ? `${name.slice(0, -ext.length)}.${tag}${ext}` : `${name}.${tag}`;
}

/** A reference inside a stylesheet that names a file of the site rather than another host or data. */
function localTarget(ref: string, cssName: string): { name: string; absolute: boolean; suffix: string } | undefined {
  if (ref === '' || ref.startsWith('#') || ref.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return undefined;
  const cut = ref.search(/[?#]/);
  const file = cut === -1 ? ref : ref.slice(0, cut);
  const suffix = cut === -1 ? '' : ref.slice(cut);
  if (file.startsWith('/')) return file.startsWith('/assets/') ? { name: path.posix.normalize(file.slice('/assets/'.length)), absolute: true, suffix } : undefined;
  return { name: path.posix.join(path.posix.dirname(cssName), file), absolute: false, suffix };
}

const MAY_REFER = /url\(|@import|\\/i;

/** The stylesheet with every reference to another theme asset replaced by that asset's published name. */
function rewriteCss(css: string, cssName: string, publishedOf: (name: string) => string | undefined): string {
  // Only a `url(` or an `@import` refers to another file, and a backslash can spell either
  // (`u\72l(`): a stylesheet with none of them keeps its bytes without being parsed. The default
  // theme's has none; parsing it cost every build and every render thread some 60 ms.
  if (!MAY_REFER.test(css)) return css;
  let ast: CssNode;
  try {
    ast = parse(css, { positions: true, parseValue: true, parseAtrulePrelude: true });
  } catch {
    return css;
  }
  const edits: { start: number; end: number; text: string }[] = [];
  const consider = (node: CssNode, ref: string): void => {
    const target = localTarget(ref, cssName);
    const published = target && publishedOf(target.name);
    if (!target || published === undefined || !node.loc) return;
    const relative = path.posix.relative(path.posix.dirname(cssName), published);
    const url = (target.absolute ? `/assets/${published}` : relative) + target.suffix;
    edits.push({ start: node.loc.start.offset, end: node.loc.end.offset, text: node.type === 'Url' ? `url(${JSON.stringify(url)})` : JSON.stringify(url) });
  };
  walk(ast, (node) => {
    if (node.type === 'Url') consider(node, node.value);
    else if (node.type === 'Atrule' && node.name === 'import' && node.prelude?.type === 'AtrulePrelude') {
      const first = node.prelude.children.first;
      if (first?.type === 'String') consider(first, first.value);
    }
  });
  // From the end, so earlier offsets stay valid; the rest of the file keeps its bytes and comments.
  let out = css;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Every file of the template folders' `assets/` (the site's own first, hidden files left out), and
 * the generated ones no template folder has, hashed.
 */
export function themeAssetManifest(templateDirs: readonly string[], generated: ReadonlyMap<string, Buffer> = new Map()): Map<string, ThemeAsset> {
  const sources = new Map<string, { abs: string; dir: string } | { bytes: Buffer; dir: string }>();
  for (const dir of [...new Set(templateDirs.map((d) => path.resolve(d)))]) {
    const assetsDir = path.join(dir, 'assets');
    for (const name of listFiles(assetsDir)) {
      if (sources.has(name) || name.split('/').some((part) => part.startsWith('.'))) continue;
      sources.set(name, { abs: path.join(assetsDir, name), dir });
    }
  }
  const manifest = new Map<string, ThemeAsset>();
  const pending = new Set<string>();
  const resolve = (name: string): ThemeAsset | undefined => {
    const done = manifest.get(name);
    if (done) return done;
    const source = sources.get(name);
    // An @import cycle keeps the reference as it is written rather than looping.
    if (!source || pending.has(name)) return undefined;
    pending.add(name);
    let bytes = 'bytes' in source ? source.bytes : readFileSync(source.abs);
    if (name.endsWith('.css')) bytes = Buffer.from(rewriteCss(bytes.toString('utf8'), name, (n) => resolve(n)?.published));
    pending.delete(name);
    const asset = { name, published: hashedName(name, tagOf(bytes)), bytes, dir: source.dir };
    manifest.set(name, asset);
    return asset;
  };
  for (const [name, bytes] of generated) if (!sources.has(name)) sources.set(name, { bytes, dir: 'generated' });
  for (const name of [...sources.keys()].sort()) resolve(name);
  return manifest;
}

/** `/assets/stadtbote.css` → `/assets/stadtbote.3fa2c1d0.css` for a theme asset; any other site path as it is. */
export function publishedAssetPath(manifest: ReadonlyMap<string, ThemeAsset>, sitePath: string): string {
  if (!sitePath.startsWith('/assets/')) return sitePath;
  const cut = sitePath.search(/[?#]/);
  const file = cut === -1 ? sitePath : sitePath.slice(0, cut);
  const asset = manifest.get(file.slice('/assets/'.length));
  return asset ? `/assets/${asset.published}${cut === -1 ? '' : sitePath.slice(cut)}` : sitePath;
}
