import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSite } from '../../src/commands/check.js';
import { askSiteQuestions } from '../../src/commands/init-interactive.js';
import { initSite } from '../../src/commands/init.js';
import { ConfigError } from '../../src/model/errors.js';
import { buildSite, cleanup, runCli, tempDir } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const lines = (text: string): string[] => text.split('\n');
const fresh = (): string => {
  const dir = tempDir('stadtbote-init-');
  dirs.push(dir);
  return dir;
};

describe('stadtbote init', () => {
  it('writes a site that builds at once: config from the flags, example article, legal pages, CI, README', async () => {
    const root = path.join(fresh(), 'landkreis');
    const result = initSite({ dir: root, title: 'Landkreis "Musterland"', baseUrl: 'https://www.musterland.example/presse', timezone: 'Europe/Berlin', regions: ['Nord', 'Süd', 'Nord'], now: Date.UTC(2025, 1, 13, 12) });
    expect(result.files).toEqual([
      '.github/workflows/pages.yml',
      '.gitignore',
      '.gitlab-ci.yml',
      'README.md',
      'content/2025/2025-02-13-willkommen.md',
      'content/pages/barrierefreiheit.md',
      'content/pages/datenschutz.md',
      'content/pages/impressum.md',
      'content/pages/leichte-sprache.md',
      'package.json',
      'stadtbote.config.yaml',
    ]);
    const config = parse(readFileSync(path.join(root, 'stadtbote.config.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ title: 'Landkreis "Musterland"', baseUrl: 'https://www.musterland.example/presse/', timezone: 'Europe/Berlin', language: 'de', regions: ['Nord', 'Süd'] });
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.dependencies.stadtbote).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(pkg.scripts.build).toBe('stadtbote build');
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/', '.stadtbote-cache/']));
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('# Landkreis "Musterland"');

    const report = await buildSite(root, { search: false, now: Date.UTC(2025, 1, 14) });
    expect(report.articles).toBe(1);
    expect(readFileSync(path.join(root, 'dist/2025/02-13-willkommen/index.html'), 'utf8')).toContain('Ab heute finden Sie hier alle Meldungen von Landkreis &#34;Musterland&#34;');
    // The legal pages are to be filled in: every gap is named, and --strict (CI) refuses to publish them.
    const check = await checkSite({ root, now: Date.UTC(2025, 1, 14) });
    expect(check.errors).toBe(0);
    expect(new Set(check.problems.map((p) => `${p.ruleId} ${p.file}`))).toEqual(new Set(['placeholder content/pages/barrierefreiheit.md', 'placeholder content/pages/datenschutz.md', 'placeholder content/pages/impressum.md', 'placeholder content/pages/leichte-sprache.md']));
    expect((await checkSite({ root, strict: true, now: Date.UTC(2025, 1, 14) })).errors).toBeGreaterThan(10);
    // Every gap, where it begins: also one that goes on over lines (the privacy page's question about the server).
    for (const page of ['barrierefreiheit', 'datenschutz', 'impressum', 'leichte-sprache']) {
      const file = `content/pages/${page}.md`;
      const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
      const gaps = lines.flatMap((line, i) => [...line.matchAll(/\[bitte ergänzen/gi)].map((m) => `${i + 1}:${m.index + 1}`));
      expect(gaps.length).toBeGreaterThan(0);
      expect(check.problems.filter((p) => p.file === file).map((p) => `${p.line}:${p.column}`)).toEqual(gaps);
    }
    expect(lines(readFileSync(path.join(root, 'content/pages/datenschutz.md'), 'utf8')).some((line) => /\[bitte ergänzen[^\]]*$/i.test(line))).toBe(true);
  });

  it('writes CI for GitHub Pages and GitLab Pages on Node.js 24 that checks strictly, then builds', () => {
    const root = fresh();
    initSite({ dir: root });
    const gh = parse(readFileSync(path.join(root, '.github/workflows/pages.yml'), 'utf8')) as { jobs: { build: { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] } } };
    const steps = gh.jobs.build.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    const runs = steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(['npm ci', 'npx stadtbote check --strict --format github', 'npm run build -- --base-url "${{ steps.pages.outputs.base_url }}/"']);
    const gl = parse(readFileSync(path.join(root, '.gitlab-ci.yml'), 'utf8')) as { image: string; pages: { script: string[]; artifacts: { paths: string[] } } };
    expect(gl.image).toBe('node:24');
    expect(gl.pages.script).toEqual(['npm ci --cache .npm --prefer-offline', 'npx stadtbote check --strict', 'npm run build -- --base-url "$CI_PAGES_URL/" --out public']);
    expect(gl.pages.artifacts.paths).toEqual(['public']);
  });

  it('refuses a folder that is not empty and writes nothing; a fresh git repository is fine', () => {
    const taken = fresh();
    writeFileSync(path.join(taken, 'notizen.txt'), 'meins');
    expect(() => initSite({ dir: taken })).toThrow(ConfigError);
    expect(readdirSync(taken)).toEqual(['notizen.txt']);
    const repo = fresh();
    mkdirSync(path.join(repo, '.git'));
    initSite({ dir: repo });
    expect(readdirSync(repo)).toContain('stadtbote.config.yaml');
    expect(readdirSync(repo).some((n) => n.startsWith('.stadtbote-init-'))).toBe(false);
  });

  it('the CLI takes flags without a terminal, and refuses bad ones with exit 2', () => {
    const root = path.join(fresh(), 'site');
    const ok = runCli(['init', root, '--title', 'Stadt Beispiel', '--region', 'Mitte', '--timezone', 'Europe/Vienna']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('stadtbote.config.yaml');
    expect(readFileSync(path.join(root, 'stadtbote.config.yaml'), 'utf8')).toContain('timezone: Europe/Vienna');
    expect(runCli(['init', root]).code).toBe(2);
    for (const bad of [['--base-url', 'ftp://x'], ['--timezone', 'Mars/Olympus'], ['--title', ' ']]) {
      const r = runCli(['init', path.join(fresh(), 'x'), ...bad]);
      expect([bad[0], r.code]).toEqual([bad[0], 2]);
      expect(r.stderr).toContain(`--${bad[0]!.slice(2)}`);
    }
  });

  it('asks on a terminal for what the flags did not say; Enter takes the default', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let asked = '';
    output.on('data', (c: Buffer) => {
      asked += c.toString();
      // Answer each question when it appears, as a person would.
      const questions = asked.split(']: ').length - 1;
      if (questions === 1) input.write('https://www.beispiel.example/\n');
      if (questions === 2) input.write('\n');
      if (questions === 3) input.write('Nord, Süd ,\n');
    });
    const answers = await askSiteQuestions({ title: 'Gegeben' }, input, output);
    expect(answers).toEqual({ title: 'Gegeben', baseUrl: 'https://www.beispiel.example/', timezone: 'Europe/Berlin', regions: ['Nord', 'Süd'] });
    expect(asked).not.toContain('Name der Seite');
  });
});
