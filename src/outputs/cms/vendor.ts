import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A file copied from an npm package into `/admin/`. */
export interface VendorFile {
  /** Path inside `admin/`, forward slashes. */
  readonly path: string;
  readonly content: Buffer;
}

export interface Vendor {
  /** The Decap CMS version, which also names its folder so that a new version never mixes with a cached old one. */
  readonly decapVersion: string;
  /** Path of Decap's main script inside `admin/`. */
  readonly decapScript: string;
  /** Bare module names → paths inside `admin/`, for the page's import map. */
  readonly imports: Readonly<Record<string, string>>;
  readonly files: readonly VendorFile[];
}

const require = createRequire(import.meta.url);

/** The folder of an installed package; found from its entry point, as not every package exports `package.json`. */
function packageDir(name: string, from: NodeJS.Require = require): string {
  let dir = path.dirname(from.resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`the package ${name} is not installed`);
    dir = parent;
  }
  return dir;
}

function versionOf(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Decap's prebuilt bundle: the main script plus the chunks and WebAssembly it loads from beside
 * itself, and its licence. Source maps are left out (60 MB that only developer tools read).
 */
function decapFiles(folder: string): { version: string; files: VendorFile[] } {
  const dir = packageDir('decap-cms');
  const dist = path.join(dir, 'dist');
  const wanted = (name: string): boolean => name === 'decap-cms.js' || name === 'decap-cms.js.LICENSE.txt' || /^\d+\.decap-cms\.js$/.test(name) || /^[0-9a-f]+\.wasm$/.test(name);
  const names = readdirSync(dist).filter(wanted).sort();
  return { version: versionOf(dir), files: names.map((name) => ({ path: `${folder}/${name}`, content: readFileSync(path.join(dist, name)) })) };
}

/**
 * The very slug library the build uses (@sindresorhus/slugify and what it imports), as ES modules
 * for the browser, so that the editor names a new article's file exactly as `stadtbote new` would.
 */
function slugifyFiles(): { imports: Record<string, string>; files: VendorFile[] } {
  const slugifyDir = packageDir('@sindresorhus/slugify');
  // Its dependencies as slugify itself resolves them, whatever else node_modules holds.
  const fromSlugify = createRequire(path.join(slugifyDir, 'index.js'));
  const packages: [string, string, string][] = [
    ['@sindresorhus/slugify', 'slugify', slugifyDir],
    ['@sindresorhus/transliterate', 'transliterate', packageDir('@sindresorhus/transliterate', fromSlugify)],
    ['escape-string-regexp', 'escape-string-regexp', packageDir('escape-string-regexp', fromSlugify)],
  ];
  const imports: Record<string, string> = {};
  const files: VendorFile[] = [];
  for (const [name, folder, dir] of packages) {
    const target = `lib/${folder}-${versionOf(dir)}`;
    imports[name] = `./${target}/index.js`;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') || f === 'license').sort()) {
      files.push({ path: `${target}/${file}`, content: readFileSync(path.join(dir, file)) });
    }
  }
  return { imports, files };
}

let loaded: Vendor | undefined;

/** Read once per process: the dev server rebuilds often, and the packages do not change meanwhile. */
export function vendorFiles(): Vendor {
  if (loaded) return loaded;
  const decapVersion = versionOf(packageDir('decap-cms'));
  const folder = `decap-cms-${decapVersion}`;
  const decap = decapFiles(folder);
  const slug = slugifyFiles();
  loaded = { decapVersion, decapScript: `${folder}/decap-cms.js`, imports: slug.imports, files: [...decap.files, ...slug.files] };
  return loaded;
}
