import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/commands/check.js';
import { article, cleanup, makeSite, runCli } from '../helpers.js';

const PAGES = {
  'content/pages/impressum.md': '---\ntitle: Impressum\n---\nText.\n',
  'content/pages/datenschutz.md': '---\ntitle: Datenschutz\n---\nText.\n',
  'content/pages/barrierefreiheit.md': '---\ntitle: Barrierefreiheit\n---\nText.\n',
  'content/pages/leichte-sprache.md': '---\ntitle: Leichte Sprache\n---\nText.\n',
};

const sites: string[] = [];
function site(files: Record<string, string>, config = 'search: false\nregions: [Potsdam, Cottbus, Brandenburg an der Havel]\n'): string {
  const dir = makeSite({ 'stadtbote.config.yaml': config, ...PAGES, ...files });
  sites.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of sites.splice(0)) cleanup(dir);
});

describe('checkSite', () => {
  it('finds nothing on a clean site and writes no output', async () => {
    const root = site({ 'content/2025/a.md': article({ title: 'Erste' }), 'content/2025/b.md': article({ title: 'Zweite', region: 'Cottbus' }) });
    const result = await checkSite({ root });
    expect(result.problems).toEqual([]);
    expect(result.errors).toBe(0);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('reports an unknown region on its line with the nearest known name', async () => {
    const root = site({ 'content/2025/a.md': article({ region: 'Postdam' }) });
    const result = await checkSite({ root });
    expect(result.errors).toBe(1);
    expect(result.problems[0]).toMatchObject({
      file: 'content/2025/a.md',
      line: 4,
      field: 'region',
      ruleId: 'unknown-region',
      reason: 'Region "Postdam" is not known. Did you mean "Potsdam"?',
      severity: 'error',
    });
  });

  it('lists the known regions instead of a far-fetched suggestion', async () => {
    const root = site({ 'content/2025/a.md': article({ region: 'Hamburg' }) });
    const [problem] = (await checkSite({ root })).problems;
    expect(problem?.reason).toBe('Region "Hamburg" is not known.');
    expect(problem?.fix).toContain('Potsdam, Cottbus, Brandenburg an der Havel');
  });

  it('accepts any region when the config lists none', async () => {
    const root = site({ 'content/2025/a.md': article({ region: 'Postdam' }) }, 'search: false\n');
    expect((await checkSite({ root })).errors).toBe(0);
  });

  it('reports build problems and its own together: frontmatter, duplicates, links, alt text', async () => {
    const root = site({
      'content/2025/bad-date.md': article({ date: '2025-02-30' }),
      // Addresses come from file names; two articles that give the same slug still clash.
      'content/2025/dupe-1.md': article({ title: 'Gleich', slug: 'gleich' }),
      'content/2025/dupe-2.md': article({ title: 'Gleich', slug: 'gleich' }),
      'content/2025/link.md': article({ title: 'Verweis' }, 'Siehe [hier](./gibt-es-nicht.md).'),
      'content/2025/region.md': article({ title: 'Region', region: 'Cotbus' }),
    });
    const result = await checkSite({ root });
    const rules = result.problems.map((p) => `${p.file}:${p.ruleId}`);
    expect(rules).toContain('content/2025/bad-date.md:invalid-date');
    expect(rules.some((r) => r.endsWith(':duplicate-url'))).toBe(true);
    expect(rules).toContain('content/2025/link.md:broken-link');
    expect(rules).toContain('content/2025/region.md:unknown-region');
    // bad date, the duplicate URL, the broken link, the unknown region: five files, four kinds.
    expect(result.errors).toBe(4);
    expect(result.warnings).toBe(result.problems.length - 4);
  });

  it('warns about footer links to pages no source produces', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': 'search: false\n', 'content/2025/a.md': article(), 'content/pages/impressum.md': PAGES['content/pages/impressum.md'] });
    sites.push(root);
    const result = await checkSite({ root });
    expect(result.errors).toBe(0);
    const footer = result.problems.filter((p) => p.ruleId === 'missing-footer-page');
    expect(footer.map((p) => p.reason)).toEqual([
      'footer link "Datenschutz" points to /datenschutz/, which no source produces',
      'footer link "Barrierefreiheit" points to /barrierefreiheit/, which no source produces',
      'footer link "Leichte Sprache" points to /leichte-sprache/, which no source produces',
    ]);
    expect(footer.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('counts a static file and external URLs as produced footer targets', async () => {
    const config = 'search: false\nfooterLinks:\n  - { label: Impressum, href: /impressum/ }\n  - { label: Extern, href: "https://example.org/x" }\n  - { label: Archiv, href: /archiv/ }\n';
    const root = makeSite({ 'stadtbote.config.yaml': config, 'content/2025/a.md': article(), 'static/impressum/index.html': '<p>x</p>' });
    sites.push(root);
    expect((await checkSite({ root })).problems).toEqual([]);
  });
});

describe('stadtbote check (CLI)', () => {
  it('exits 0 on a clean site (warnings allowed) and 1 on errors', () => {
    const clean = site({ 'content/2025/a.md': article() });
    expect(runCli(['check', '--root', clean]).code).toBe(0);
    const warned = makeSite({ 'stadtbote.config.yaml': 'search: false\n', 'content/2025/a.md': article() });
    sites.push(warned);
    const w = runCli(['check', '--root', warned]);
    expect(w.code).toBe(0);
    expect(w.stderr).toContain('missing-footer-page');
    const broken = site({ 'content/2025/a.md': article({ region: 'Postdam' }) });
    const b = runCli(['check', '--root', broken]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('content/2025/a.md:4:1: error: Region "Postdam" is not known. Did you mean "Potsdam"? (region) [unknown-region]');
    expect(existsSync(path.join(broken, 'dist'))).toBe(false);
  });

  it('prints the same problem text as build', () => {
    const root = site({ 'content/2025/a.md': article({ date: '2025-13-01' }) });
    const checked = runCli(['check', '--root', root]);
    const built = runCli(['build', '--root', root]);
    expect(checked.code).toBe(1);
    expect(built.code).toBe(1);
    const line = checked.stderr.split('\n').find((l) => l.includes('invalid-date'));
    expect(line).toMatch(/^content\/2025\/a\.md:3:1: error: date "2025-13-01"/);
    expect(built.stderr).toContain(line!);
  });

  it('--format json gives machine-readable problems', () => {
    const root = site({ 'content/2025/a.md': article({ region: 'Postdam' }) });
    const r = runCli(['check', '--root', root, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { errors: number; warnings: number; problems: { file: string; line: number; ruleId: string }[] };
    expect(json.errors).toBe(1);
    expect(json.problems[0]).toMatchObject({ file: 'content/2025/a.md', line: 4, ruleId: 'unknown-region' });
  });

  it('--format github prints annotations on the right line', () => {
    const root = site({ 'content/2025/a.md': article({ region: 'Postdam' }) });
    const r = runCli(['check', '--root', root, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=content\/2025\/a\.md,line=4,col=1,title=unknown-region::Region "Postdam" is not known\. Did you mean "Potsdam"\?/);
  });

  it('--quiet hides warnings; an unknown --format is a usage error', () => {
    const root = makeSite({ 'stadtbote.config.yaml': 'search: false\n', 'content/2025/a.md': article() });
    sites.push(root);
    const q = runCli(['check', '--root', root, '--quiet']);
    expect(q.code).toBe(0);
    expect(q.stderr).toBe('');
    expect(runCli(['check', '--root', root, '--format', 'xml']).code).toBe(2);
  });
});

describe('paths in messages', () => {
  it('are relative to the working folder when the site lies inside it (a site in a monorepo)', () => {
    const root = site({ 'content/2025/a.md': article({ date: '2025-02-30' }) });
    try {
      const parent = path.dirname(root);
      const sub = path.basename(root);
      const github = runCli(['check', '--root', sub, '--format', 'github'], { cwd: parent });
      expect(github.stdout).toContain(`::error file=${sub}/content/2025/a.md,line=`);
      const text = runCli(['build', '--root', sub], { cwd: parent });
      expect(text.stderr).toMatch(new RegExp(`^${sub}/content/2025/a\\.md:\\d+:\\d+: error: `, 'm'));
      // From the site folder itself they stay as they were.
      expect(runCli(['check', '--format', 'github'], { cwd: root }).stdout).toContain('::error file=content/2025/a.md,line=');
    } finally {
      cleanup(root);
    }
  });
});
