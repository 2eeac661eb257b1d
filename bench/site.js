// The benchmark's site around a corpus, and the edits it measures: one article changed, one
// template changed. The site overrides the default theme's `layouts/base.liquid` with a copy that
// has one line of its own in the footer area, so that a template edit is what a site does every
// so often: change one footer line (the case issue 14 measures). It overrides `list.liquid` too,
// with a line of its own above each list: a template only list pages use, whose edit keeps every
// article page (build/cache-stage.ts, the cache's second fingerprint).
import { appendFileSync, cpSync, mkdirSync, renameSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const THEME_BASE = path.join(here, '../templates/layouts/base.liquid');
const OVERRIDE = path.join('templates', 'layouts', 'base.liquid');
const THEME_LIST = path.join(here, '../templates/list.liquid');
const LIST_OVERRIDE = path.join('templates', 'list.liquid');
const LIST_BLOCK = '{% block content %}';

/** The footer line of the override; its number is what a template edit changes. */
const footerLine = (revision) => `<p class="wrap">Stand der Vorlage: Fassung ${revision}</p>`;

function writeOverride(root, revision) {
  const theme = readFileSync(THEME_BASE, 'utf8');
  if (!theme.includes('</body>')) throw new Error(`${THEME_BASE} has no </body>: the template edit needs a place for its footer line`);
  // The default base layout with one more line after the footer, just before </body>.
  writeFileSync(path.join(root, OVERRIDE), theme.replace('</body>', `${footerLine(revision)}\n</body>`));
}

function writeListOverride(root, revision) {
  const theme = readFileSync(THEME_LIST, 'utf8');
  if (!theme.includes(LIST_BLOCK)) throw new Error(`${THEME_LIST} has no ${LIST_BLOCK}: the list template edit needs a place for its line`);
  writeFileSync(path.join(root, LIST_OVERRIDE), theme.replace(LIST_BLOCK, `${LIST_BLOCK}\n<p class="wrap">Stand der Liste: Fassung ${revision}</p>`));
}

/** A site folder (temporary) whose content is contentDir; search follows the default config (on). */
export function makeSite(contentDir) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-bench-'));
  writeFileSync(path.join(root, 'stadtbote.config.yaml'), 'title: Benchmark\nbaseUrl: https://example.org/\n');
  symlinkSync(contentDir, path.join(root, 'content'));
  mkdirSync(path.dirname(path.join(root, OVERRIDE)), { recursive: true });
  writeOverride(root, 0);
  writeListOverride(root, 0);
  return root;
}

/** Everything a build leaves behind: the next build is cold. The template overrides go back to their first revision. */
export function clean(root) {
  for (const p of ['dist', '.dist.stadtbote-shadow', '.dist.stadtbote-old', '.stadtbote-cache']) rmSync(path.join(root, p), { recursive: true, force: true });
  writeOverride(root, 0);
  writeListOverride(root, 0);
}

/**
 * What CI's cache does to the output between two builds: `dist/` comes back as a copy (another
 * folder, files with their sizes and modification times), the shadow folder does not come back,
 * and the checkout gives the sources new times.
 */
export function restoreLikeCi(root) {
  const dist = path.join(root, 'dist');
  const copy = path.join(root, 'dist.restored');
  cpSync(dist, copy, { recursive: true, preserveTimestamps: true });
  rmSync(dist, { recursive: true, force: true });
  renameSync(copy, dist);
  rmSync(path.join(root, '.dist.stadtbote-shadow'), { recursive: true, force: true });
  // A checkout gives every source new times: the build cannot tell from its stamps that they are unchanged, it reads them.
  const now = new Date();
  for (const entry of readdirSync(path.join(root, 'content'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) utimesSync(path.join(entry.parentPath ?? entry.path, entry.name), now, now);
  }
}

let templateRevision = 0;
/** Changes the override's footer line: every page's HTML changes, no Markdown body does. */
export function editTemplate(root) {
  writeOverride(root, ++templateRevision);
}

let listRevision = 0;
/** Changes the list override's line: every list page's HTML changes, no article page's. */
export function editListTemplate(root) {
  writeListOverride(root, ++listRevision);
}

/** The first article in path order: read from the folders, as a `find` listing of 100,000 files overflows spawnSync's buffer. */
function firstArticle(contentDir) {
  const year = readdirSync(contentDir).filter((d) => /^\d{4}$/.test(d)).sort()[0];
  if (!year) throw new Error(`${contentDir} has no year folders (content/<year>/*.md)`);
  const name = readdirSync(path.join(contentDir, year)).filter((f) => f.endsWith('.md')).sort()[0];
  return path.join(contentDir, year, name);
}

let articleRevision = 0;
/** Appends a sentence to the first article: its page, the lists it is on and its search entry change. */
export function editArticle(contentDir) {
  appendFileSync(firstArticle(contentDir), `\nNachtrag ${++articleRevision}: die Verwaltung ergänzt eine Angabe.\n`);
}
