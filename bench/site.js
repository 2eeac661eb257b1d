// The benchmark's site around a corpus, and the edits it measures: one article changed, one
// template changed. The site overrides the default theme's `layouts/base.liquid` with a copy that
// has one line of its own in the footer area, so that a template edit is what a site does every
// so often: change one footer line (the case issue 14 measures). It overrides `list.liquid` too,
// with a line of its own above each list: a template only list pages use, whose edit keeps every
// article page (build/cache-stage.ts: the cache's fingerprint per kind of page).
import { appendFileSync, cpSync, mkdirSync, renameSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * The templates the site overrides: the default one with a line of its own at `marker`, whose
 * revision number is what an edit changes. `base`: after the footer, on every page; `list`: above
 * each list, on list pages only.
 */
const OVERRIDES = {
  base: { rel: path.join('layouts', 'base.liquid'), marker: '</body>', withLine: (line) => `${line}\n</body>`, line: (n) => `<p class="wrap">Stand der Vorlage: Fassung ${n}</p>` },
  list: { rel: 'list.liquid', marker: '{% block content %}', withLine: (line) => `{% block content %}\n${line}`, line: (n) => `<p class="wrap">Stand der Liste: Fassung ${n}</p>` },
};

function writeOverride(root, which, revision) {
  const { rel, marker, withLine, line } = OVERRIDES[which];
  const themeFile = path.join(here, '../templates', rel);
  const theme = readFileSync(themeFile, 'utf8');
  if (!theme.includes(marker)) throw new Error(`${themeFile} has no ${marker}: the template edit needs a place for its line`);
  const file = path.join(root, 'templates', rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, theme.replace(marker, withLine(line(revision))));
}

/** A site folder (temporary) whose content is contentDir; search follows the default config (on). */
export function makeSite(contentDir) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-bench-'));
  writeFileSync(path.join(root, 'stadtbote.config.yaml'), 'title: Benchmark\nbaseUrl: https://example.org/\n');
  symlinkSync(contentDir, path.join(root, 'content'));
  writeOverride(root, 'base', 0);
  writeOverride(root, 'list', 0);
  return root;
}

/** Everything a build leaves behind: the next build is cold. The template overrides go back to their first revision. */
export function clean(root) {
  for (const p of ['dist', '.dist.stadtbote-shadow', '.dist.stadtbote-old', '.stadtbote-cache']) rmSync(path.join(root, p), { recursive: true, force: true });
  writeOverride(root, 'base', 0);
  writeOverride(root, 'list', 0);
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
  writeOverride(root, 'base', ++templateRevision);
}

let listRevision = 0;
/** Changes the list override's line: every list page's HTML changes, no article page's. */
export function editListTemplate(root) {
  writeOverride(root, 'list', ++listRevision);
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
