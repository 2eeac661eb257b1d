import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import { walkFiles } from '../../src/util/files.js';
import { listContent } from '../../src/content/load.js';
import { article, buildSite, makeSite, tempDirsPerTest } from '../helpers.js';

const folder = tempDirsPerTest('stadtbote-walk-');

/** A folder `root/` with a sibling `outside/` that holds a secret. */
function tree(): { root: string; outside: string } {
  const base = folder();
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'b', 'tief'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'geheim.txt'), 'x');
  writeFileSync(path.join(root, 'a.txt'), 'a');
  writeFileSync(path.join(root, 'b', 'tief', 'c.txt'), 'c');
  writeFileSync(path.join(root, '.versteckt'), 'h');
  return { root, outside };
}

describe('walkFiles: the one folder walker', () => {
  it('lists files sorted by code point, with forward slashes, hidden files unless skipped', () => {
    const { root } = tree();
    writeFileSync(path.join(root, 'Z.txt'), 'z');
    writeFileSync(path.join(root, 'ä.txt'), 'ä');
    expect(walkFiles(root)).toEqual({ files: ['.versteckt', 'Z.txt', 'a.txt', 'b/tief/c.txt', 'ä.txt'], skipped: [] });
    expect(walkFiles(root, { skipHidden: true }).files).toEqual(['Z.txt', 'a.txt', 'b/tief/c.txt', 'ä.txt']);
  });

  it('a missing folder has no files', () => {
    expect(walkFiles(path.join(folder(), 'gibt-es-nicht'))).toEqual({ files: [], skipped: [] });
  });

  it('follows a link to a file inside the folder, under the link’s own name', () => {
    const { root } = tree();
    symlinkSync(path.join(root, 'b', 'tief', 'c.txt'), path.join(root, 'kurz.txt'));
    expect(walkFiles(root).files).toContain('kurz.txt');
  });

  it('reports, never follows, links that lead outside, to a folder, or to nothing', () => {
    const { root, outside } = tree();
    symlinkSync(path.join(outside, 'geheim.txt'), path.join(root, 'raus.txt'));
    symlinkSync(outside, path.join(root, 'b', 'raus-ordner'));
    symlinkSync(path.join(root, 'b'), path.join(root, 'schleife'));
    symlinkSync(path.join(root, 'fehlt.txt'), path.join(root, 'kaputt.txt'));
    const listing = walkFiles(root);
    expect(listing.files).toEqual(['.versteckt', 'a.txt', 'b/tief/c.txt']);
    expect(listing.skipped).toEqual([
      { rel: 'b/raus-ordner', why: 'outside' },
      { rel: 'kaputt.txt', why: 'broken' },
      { rel: 'raus.txt', why: 'outside' },
      { rel: 'schleife', why: 'folder' },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder it may not read', () => {
    const { root } = tree();
    chmodSync(path.join(root, 'b'), 0o000);
    try {
      expect(walkFiles(root)).toEqual({ files: ['.versteckt', 'a.txt'], skipped: [{ rel: 'b', why: 'unreadable' }] });
    } finally {
      chmodSync(path.join(root, 'b'), 0o755);
    }
  });
});

describe('its users report what it skipped', () => {
  it('the content folder: a link to a folder is a warning, not silence', () => {
    const { root } = tree();
    writeFileSync(path.join(root, 'b', 'x.md'), article());
    symlinkSync(path.join(root, 'b'), path.join(root, 'zweimal'));
    const listing = listContent(root, path.dirname(root));
    expect(listing.sources).toEqual(['b/x.md']);
    expect(listing.problems.map((p) => [p.file, p.ruleId, p.severity])).toEqual([['root/zweimal', 'symlink-folder', 'warning']]);
  });

  it('static/: a linked file inside is published, a link outside stops the build', async () => {
    const site = makeSite({ 'content/2025/a.md': article(), 'static/bilder/logo.ico': 'ico' }, folder());
    symlinkSync(path.join(site, 'static', 'bilder', 'logo.ico'), path.join(site, 'static', 'favicon.ico'));
    const report = await buildSite(site, { noCache: true });
    expect(readFileSync(path.join(report.outDir, 'favicon.ico'), 'utf8')).toBe('ico');
    const outside = folder();
    writeFileSync(path.join(outside, 'geheim.txt'), 'x');
    symlinkSync(path.join(outside, 'geheim.txt'), path.join(site, 'static', 'geheim.txt'));
    const failed = await buildSite(site, { noCache: true }).catch((err: unknown) => err as ContentError);
    expect(failed).toBeInstanceOf(ContentError);
    // The only error; the footer's missing legal pages are warnings beside it.
    expect((failed as ContentError).problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'static/geheim.txt', ruleId: 'symlink-outside', reason: 'die Verknüpfung (symbolischer Link) führt aus static/ hinaus' }),
    ]);
  });
});
