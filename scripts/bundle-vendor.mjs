// Replaces the compiled vendor module of the Markdown stage (lib/markdown/vendor.js, from
// src/markdown/vendor.ts) with one bundle of the libraries it re-exports, so that a build loads one
// file instead of some 230 modules (see the comment in src/markdown/vendor.ts). Run after `tsc` by
// the package scripts; the libraries are bundled as they are (esbuild, no minifying), their licence
// comments kept at the end of the file.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const vendor = fileURLToPath(new URL('../lib/markdown/vendor.js', import.meta.url));
await build({
  entryPoints: [vendor],
  outfile: vendor,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS inside the bundle (a few of the libraries) asks `require` for Node's own modules.
  banner: { js: "import { createRequire as stadtboteVendorRequire } from 'node:module';\nconst require = stadtboteVendorRequire(import.meta.url);" },
  legalComments: 'eof',
  logLevel: 'warning',
});
