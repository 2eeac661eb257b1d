// Writes the vendor modules (lib/markdown/vendor.js: the Markdown stage's libraries; lib/util/vendor.js:
// those every build loads at its start) as one bundle each of the libraries they re-export, so that a
// build loads two files instead of some 320 modules (see the comments in src/markdown/vendor.ts and
// src/util/vendor.ts), and gray-matter as one CommonJS file (below). Run after `tsc` by the package
// scripts; it reads the source modules, so running it again gives the same files. The libraries are
// bundled as they are (esbuild, no minifying), their licence comments kept at the end of the file;
// paths in its comments are relative to the package folder (`node_modules/…`), whatever links lead there.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const VENDOR_MODULES = ['markdown/vendor', 'util/vendor'];
for (const name of VENDOR_MODULES) {
  await build({
    absWorkingDir: root,
    entryPoints: [`src/${name}.ts`],
    outfile: `lib/${name}.js`,
    bundle: true,
    preserveSymlinks: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS inside the bundle (a few of the libraries) may ask `require` for Node's own modules.
    banner: { js: "import { createRequire as stadtboteVendorRequire } from 'node:module';\nconst require = stadtboteVendorRequire(import.meta.url);" },
    legalComments: 'eof',
    logLevel: 'warning',
  });
}
// gray-matter and the js-yaml it brings, for content/frontmatter.ts, which loads them (synchronously,
// through `require`) only when a source is parsed: one CommonJS file instead of some 20 modules,
// 8 ms to load where the modules take 40–50 ms, in the process that parses an edited article and
// in each render thread of a cold build.
await build({
  absWorkingDir: root,
  entryPoints: ['node_modules/gray-matter/index.js'],
  outfile: 'lib/content/gray-matter.cjs',
  bundle: true,
  preserveSymlinks: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
});
