// Writes the vendor module of the Markdown stage (lib/markdown/vendor.js) as one bundle of the
// libraries it re-exports, so that a build loads one file instead of some 230 modules (see the
// comment in src/markdown/vendor.ts). Run after `tsc` by the package scripts; it reads the source
// module, so running it again gives the same file. The libraries are bundled as they are (esbuild,
// no minifying), their licence comments kept at the end of the file; paths in its comments are
// relative to the package folder (`node_modules/…`), whatever links lead there.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['src/markdown/vendor.ts'],
  outfile: 'lib/markdown/vendor.js',
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
