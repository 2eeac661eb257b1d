// The peers of `npm run bench -- --peers DIR`: the Hugo and Eleventy sites that
// ../shared/bench/peers.sh N DIR set up around the same corpus, built from nothing each time.
// Hugo with search is Hugo followed by the Pagefind CLI (`hugo && npx pagefind --site public`,
// Pagefind's own recipe); the Pagefind binary is the one in Stadtbote's node_modules, so the
// benchmark needs no network.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedRun } from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGEFIND = path.join(here, '../node_modules/.bin/pagefind');

/** Checks that DIR holds what peers.sh makes; returns the folders. */
export function peerFolders(dir) {
  const folders = { corpus: path.join(dir, 'corpus'), hugo: path.join(dir, 'hugo'), eleventy: path.join(dir, 'eleventy') };
  for (const [name, folder] of Object.entries(folders)) {
    if (!existsSync(folder)) throw new Error(`${folder} (${name}) does not exist: run ../shared/bench/peers.sh N ${dir} first`);
  }
  if (!existsSync(PAGEFIND)) throw new Error(`${PAGEFIND} is missing: npm ci installs Pagefind with Stadtbote`);
  return folders;
}

export function hugo(folders) {
  rmSync(path.join(folders.hugo, 'public'), { recursive: true, force: true });
  return timedRun('hugo', ['--quiet'], folders.hugo);
}

export function hugoWithPagefind(folders) {
  rmSync(path.join(folders.hugo, 'public'), { recursive: true, force: true });
  return timedRun('sh', ['-c', `hugo --quiet && "${PAGEFIND}" --site public --quiet`], folders.hugo);
}

export function eleventy(folders) {
  rmSync(path.join(folders.eleventy, '_site'), { recursive: true, force: true });
  // Eleventy's own executable when peers.sh installed it, so that npx's start-up is not counted.
  const local = path.join(folders.eleventy, 'node_modules/.bin/eleventy');
  return existsSync(local) ? timedRun(local, ['--quiet'], folders.eleventy) : timedRun('npx', ['@11ty/eleventy', '--quiet'], folders.eleventy);
}
