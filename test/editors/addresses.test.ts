import { cpSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build/build.js';
import { checkSite } from '../../src/commands/check.js';
import { dayFromFileName, slugFromFileName } from '../../src/content/file-name.js';
import { article, buildSite, cleanup, makeSite, runCli, tempDir } from '../helpers.js';

const sites: string[] = [];
afterAll(() => sites.forEach(cleanup));

function site(files: Record<string, string>): string {
  const root = makeSite({ 'stadtbote.config.yaml': 'title: T\nsearch: false\nbaseUrl: https://example.org/presse/\n', ...files });
  sites.push(root);
  return root;
}

const build = (root: string): Promise<BuildReport> => buildSite(root, { search: false });
const moves = (r: BuildReport): string[] => r.warnings.filter((w) => w.ruleId.startsWith('address-')).map((w) => `${w.file}:${w.line ?? '-'} ${w.ruleId}`);

describe('addresses from file names', () => {
  it.each([
    ['2025/2025-02-13-fortschreibung.md', 'fortschreibung'],
    ['2025/2025-02-13_Fortschreibung der Strategie.md', 'fortschreibung-der-strategie'],
    ['2025/Straßenausbau.md', 'strassenausbau'],
    ['2025/2025-02-13.md', 'meldung'],
    ['2025/2025-02-13-kreistag/index.md', 'kreistag'],
    // Long names keep their end (up to 150 characters, as for slug:), so that -1 and -2 stay two addresses.
    [`2025/2025-02-13-${'sehr-lange-ueberschrift-'.repeat(4)}1.md`, `${'sehr-lange-ueberschrift-'.repeat(4)}1`],
  ])('%s → %s', (rel, slug) => {
    expect(slugFromFileName(rel)).toBe(slug);
  });

  it('reads the day a file name starts with', () => {
    expect(dayFromFileName('2025/2025-02-13-x.md')).toBe('2025-02-13');
    expect(dayFromFileName('2025/x.md')).toBeUndefined();
  });

  it('keeps the address when the headline changes; slug: overrides the file name', async () => {
    const root = site({
      'content/2025/2025-02-13-fortschreibung.md': article({ title: 'Fortschreibung der Digitalisierungsstrategie' }),
      'content/2025/2025-02-14-x.md': article({ title: 'Eigene Adresse', date: '2025-02-14', slug: 'eigene-adresse' }),
    });
    await build(root);
    expect(readFileSync(path.join(root, 'dist/2025/02-13-fortschreibung/index.html'), 'utf8')).toContain('Fortschreibung der Digitalisierungsstrategie');
    expect(readFileSync(path.join(root, 'dist/2025/02-14-eigene-adresse/index.html'), 'utf8')).toContain('Eigene Adresse');
    writeFileSync(path.join(root, 'content/2025/2025-02-13-fortschreibung.md'), article({ title: 'Fortschreibung der Digitalstrategie (korrigiert)' }));
    const report = await build(root);
    expect(moves(report)).toEqual([]);
    expect(readFileSync(path.join(root, 'dist/2025/02-13-fortschreibung/index.html'), 'utf8')).toContain('Fortschreibung der Digitalstrategie (korrigiert)');
  });
});

describe('addresses that change', () => {
  it('warns with the exact aliases: line when a file is renamed, and is quiet once the alias is there', async () => {
    const root = site({ 'content/2025/2025-02-13-kreistag.md': article({ title: 'Kreistag tagt' }) });
    await build(root);
    renameSync(path.join(root, 'content/2025/2025-02-13-kreistag.md'), path.join(root, 'content/2025/2025-02-13-kreistagssitzung.md'));
    const check = await checkSite({ root });
    const warning = check.problems.find((p) => p.ruleId === 'address-changed')!;
    // Line 6 is the frontmatter's closing "---": the alias goes right above it.
    expect([warning.file, warning.line, warning.severity]).toEqual(['content/2025/2025-02-13-kreistagssitzung.md', 6, 'warning']);
    expect(warning.reason).toContain('/2025/02-13-kreistag/ → /2025/02-13-kreistagssitzung/');
    expect(warning.fix).toContain('aliases:\n  - /presse/2025/02-13-kreistag/');
    // check writes nothing, not even the ledger: it keeps warning until the alias is added.
    expect((await checkSite({ root })).problems.some((p) => p.ruleId === 'address-changed')).toBe(true);
    // With the alias the old address redirects, and nothing is left to warn about.
    const file = path.join(root, 'content/2025/2025-02-13-kreistagssitzung.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('---\n\n', '').replace(/\n---\n/, '\naliases:\n  - /presse/2025/02-13-kreistag/\n---\n'));
    const report = await build(root);
    expect(moves(report)).toEqual([]);
    expect(readFileSync(path.join(root, 'dist/2025/02-13-kreistag/index.html'), 'utf8')).toContain('/presse/2025/02-13-kreistagssitzung/');
  });

  it('leaves the record of addresses as it is when no address changed, and records a change', async () => {
    const root = site({ 'content/2025/2025-02-13-kreistag.md': article({ title: 'Kreistag tagt' }) });
    await build(root);
    const ledger = path.join(root, '.stadtbote-cache/addresses.json');
    const before = statSync(ledger);
    await build(root);
    expect([statSync(ledger).ino, statSync(ledger).mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    renameSync(path.join(root, 'content/2025/2025-02-13-kreistag.md'), path.join(root, 'content/2025/2025-02-13-kreistagssitzung.md'));
    await build(root);
    expect(readFileSync(ledger, 'utf8')).toContain('/2025/02-13-kreistagssitzung/');
  });

  it('records a body edit\'s new bytes without comparing addresses, and still knows the file by them when it is renamed next', async () => {
    const root = site({ 'content/2025/2025-02-13-kreistag.md': article({ title: 'Kreistag' }) });
    await build(root);
    const ledger = path.join(root, '.stadtbote-cache/addresses.json');
    const before = JSON.parse(readFileSync(ledger, 'utf8')) as { version: number; articles: object; hashes: Record<string, string> };
    expect(before.version).toBe(2);
    writeFileSync(path.join(root, 'content/2025/2025-02-13-kreistag.md'), article({ title: 'Kreistag' }, 'Ein neuer Absatz.'));
    expect(moves(await build(root))).toEqual([]);
    const after = JSON.parse(readFileSync(ledger, 'utf8')) as typeof before;
    expect(after.articles).toEqual(before.articles);
    expect(after.hashes['2025/2025-02-13-kreistag.md']).not.toBe(before.hashes['2025/2025-02-13-kreistag.md']);
    // Renamed, and a new article takes the old headline: the bytes recorded after the edit tell which file it was.
    renameSync(path.join(root, 'content/2025/2025-02-13-kreistag.md'), path.join(root, 'content/2025/2025-02-13-sitzung.md'));
    writeFileSync(path.join(root, 'content/2025/2025-02-20-kreistag-zwei.md'), article({ title: 'Kreistag', date: '2025-02-20' }));
    expect(moves(await build(root))).toEqual(['content/2025/2025-02-13-sitzung.md:6 address-changed']);
  });

  it('reads the record an earlier version wrote (hashes in each entry)', async () => {
    const root = site({ 'content/2025/2025-02-13-kreistag.md': article({ title: 'Kreistag' }) });
    await build(root);
    const ledger = path.join(root, '.stadtbote-cache/addresses.json');
    const now = JSON.parse(readFileSync(ledger, 'utf8')) as { articles: Record<string, { url: string; title: string }>; hashes: Record<string, string> };
    const v1 = Object.fromEntries(Object.entries(now.articles).map(([src, e]) => [src, { ...e, hash: now.hashes[src] }]));
    writeFileSync(ledger, JSON.stringify({ version: 1, articles: v1 }));
    renameSync(path.join(root, 'content/2025/2025-02-13-kreistag.md'), path.join(root, 'content/2025/2025-02-13-sitzung.md'));
    writeFileSync(path.join(root, 'content/2025/2025-02-20-kreistag-zwei.md'), article({ title: 'Kreistag', date: '2025-02-20' }));
    expect(moves(await build(root))).toEqual(['content/2025/2025-02-13-sitzung.md:6 address-changed']);
    expect((JSON.parse(readFileSync(ledger, 'utf8')) as { version: number }).version).toBe(2);
  });

  it('knows a renamed file by its bytes even when a new article shares its headline', async () => {
    const root = site({ 'content/2025/2025-02-13-kreistag.md': article({ title: 'Kreistag' }) });
    await build(root);
    renameSync(path.join(root, 'content/2025/2025-02-13-kreistag.md'), path.join(root, 'content/2025/2025-02-13-sitzung.md'));
    writeFileSync(path.join(root, 'content/2025/2025-02-20-kreistag-zwei.md'), article({ title: 'Kreistag', date: '2025-02-20' }));
    expect(moves(await build(root))).toEqual(['content/2025/2025-02-13-sitzung.md:6 address-changed']);
  });

  it('warns in the build that moves an address, for slug and date edits in place, and reports moves', async () => {
    const root = site({ 'content/2025/a.md': article({ title: 'A', slug: 'alt' }), 'content/2025/b.md': article({ title: 'B' }) });
    await build(root);
    writeFileSync(path.join(root, 'content/2025/a.md'), article({ title: 'A', slug: 'neu' }).replace('---\n', '---\naliases:\n  - /irgendwo/\n'));
    writeFileSync(path.join(root, 'content/2025/b.md'), article({ title: 'B', date: '2025-03-01' }));
    const report = await build(root);
    // a.md has aliases already: the new line goes right below "aliases:" (line 3).
    expect(moves(report)).toEqual(['content/2025/a.md:3 address-changed', 'content/2025/b.md:6 address-changed']);
    expect(report.moved).toEqual([
      { from: '/2025/02-13-alt/', to: '/2025/02-13-neu/' },
      { from: '/2025/02-13-b/', to: '/2025/03-01-b/' },
    ]);
    // The build recorded the new addresses: the next one has nothing to say.
    expect(moves(await build(root))).toEqual([]);
  });

  it('tells when an article is gone, but not when it only became a draft', async () => {
    const root = site({ 'content/2025/a.md': article({ title: 'A' }), 'content/2025/b.md': article({ title: 'B' }) });
    await build(root);
    rmSync(path.join(root, 'content/2025/a.md'));
    writeFileSync(path.join(root, 'content/2025/b.md'), article({ title: 'B' }).replace('---\n', '---\ndraft: true\n'));
    const report = await build(root);
    expect(moves(report)).toEqual(['content/2025/a.md:- address-gone']);
    expect(report.warnings.find((w) => w.ruleId === 'address-gone')!.fix).toContain('aliases:\n  - /presse/2025/02-13-a/');
  });

  it('works where CI restores only the cache folder, and check --strict fails on a moved address', async () => {
    const first = site({ 'content/2025/2025-02-13-kreistag.md': article({ title: 'Kreistag' }) });
    await build(first);
    // A fresh checkout: content from git, the cache folder from the CI cache, no dist/.
    const ci = tempDir();
    sites.push(ci);
    cpSync(path.join(first, 'stadtbote.config.yaml'), path.join(ci, 'stadtbote.config.yaml'));
    cpSync(path.join(first, 'content'), path.join(ci, 'content'), { recursive: true });
    cpSync(path.join(first, '.stadtbote-cache'), path.join(ci, '.stadtbote-cache'), { recursive: true });
    renameSync(path.join(ci, 'content/2025/2025-02-13-kreistag.md'), path.join(ci, 'content/2025/2025-02-13-sitzung.md'));
    const loose = runCli(['check', '--root', ci]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('content/2025/2025-02-13-sitzung.md:6:1: Warnung: die Adresse der Meldung hat sich geändert');
    const strict = runCli(['check', '--strict', '--root', ci]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('Fehler: die Adresse der Meldung hat sich geändert');
    expect(strict.stderr).toContain('aliases:');
    // build shows it without --verbose, since it asks for a change in a file.
    const built = runCli(['build', '--root', ci]);
    expect(built.code).toBe(0);
    expect(built.stderr).toContain('  - /presse/2025/02-13-kreistag/');
  }, 60_000);
});
