import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ArticleExistsError, newArticle, TEASER_PLACEHOLDER } from '../../src/commands/new.js';
import { ConfigError } from '../../src/model/errors.js';
import { article, buildSite, cleanup, makeSite, runCli } from '../helpers.js';

const sites: string[] = [];
function site(files: Record<string, string> = {}): string {
  const dir = makeSite({ 'stadtbote.config.yaml': 'search: false\n', ...files });
  sites.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of sites.splice(0)) cleanup(dir);
});

function frontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(match).not.toBeNull();
  return parse(match![1]!, { schema: 'core' }) as Record<string, unknown>;
}

describe('stadtbote new (library)', () => {
  it('writes content/<year>/<date>-<slug>.md with a slug made from the German title', () => {
    const root = site();
    const created = newArticle({ root, title: 'Größere Änderung für Bürger: „Ölpreis“ steigt', region: 'Potsdam', date: '2025-02-13' });
    expect(created.display).toBe('content/2025/2025-02-13-groessere-aenderung-fuer-buerger-oelpreis-steigt.md');
    expect(created.file).toBe(path.join(root, created.display));
    const data = frontmatter(created.file);
    expect(data).toEqual({ title: 'Größere Änderung für Bürger: „Ölpreis“ steigt', date: '2025-02-13', region: 'Potsdam', teaser: TEASER_PLACEHOLDER });
  });

  it('quotes hostile values so that the frontmatter stays valid YAML and builds', async () => {
    const root = site();
    const title = 'Titel: mit "Anführungszeichen", #Raute & {Klammern} --- und \\Backslash';
    const created = newArticle({ root, title, region: 'Frankfurt (Oder)', teaser: "- kein: Listenpunkt 'x'", date: '2025-02-13' });
    const data = frontmatter(created.file);
    expect(data.title).toBe(title);
    expect(data.region).toBe('Frankfurt (Oder)');
    expect(data.teaser).toBe("- kein: Listenpunkt 'x'");
    const report = await buildSite(root, { out: path.join(root, 'out') });
    expect(report.articles).toBe(1);
  });

  it('refuses to overwrite an existing file and leaves it unchanged', () => {
    const root = site();
    const first = newArticle({ root, title: 'Neue Meldung', region: 'Potsdam', date: '2025-02-13' });
    writeFileSync(first.file, article({ title: 'Von Hand bearbeitet' }));
    expect(() => newArticle({ root, title: 'Neue Meldung', region: 'Cottbus', date: '2025-02-13' })).toThrow(ArticleExistsError);
    expect(readFileSync(first.file, 'utf8')).toContain('Von Hand bearbeitet');
  });

  it('uses an explicit --slug for the file name and the frontmatter', () => {
    const root = site();
    const created = newArticle({ root, title: 'Irgendein Titel', region: 'Potsdam', date: '2024-12-31', slug: 'kurz' });
    expect(created.display).toBe('content/2024/2024-12-31-kurz.md');
    expect(frontmatter(created.file).slug).toBe('kurz');
  });

  it('defaults the date to today in the site time zone, not the machine’s', () => {
    // 2025-02-12 23:30 UTC is already 2025-02-13 in Berlin, and still 2025-02-12 in New York.
    const now = Date.UTC(2025, 1, 12, 23, 30);
    const berlin = site();
    expect(newArticle({ root: berlin, title: 'A', region: 'Potsdam', now }).display).toBe('content/2025/2025-02-13-a.md');
    const ny = site({ 'stadtbote.config.yaml': 'search: false\ntimezone: America/New_York\n' });
    expect(newArticle({ root: ny, title: 'A', region: 'Potsdam', now }).display).toBe('content/2025/2025-02-12-a.md');
  });

  it('rejects impossible or malformed dates and unsafe slugs with a usage error', () => {
    const root = site();
    for (const date of ['2025-02-30', '13.02.2025', '2025-2-3', '2025-02-13T10:00']) {
      expect(() => newArticle({ root, title: 'A', region: 'Potsdam', date })).toThrow(ConfigError);
    }
    expect(() => newArticle({ root, title: 'A', region: 'Potsdam', slug: '../../etc' })).toThrow(ConfigError);
    expect(() => newArticle({ root, title: '   ', region: 'Potsdam' })).toThrow(ConfigError);
    expect(existsSync(path.join(root, 'content'))).toBe(false);
  });
});

describe('stadtbote new (CLI)', () => {
  it('prints the path, exits 1 on an existing file and 2 on a bad date', () => {
    const root = site();
    const ok = runCli(['new', 'Neue Digitalstrategie vorgestellt', '--region', 'Potsdam', '--date', '2025-02-13', '--root', root]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe('content/2025/2025-02-13-neue-digitalstrategie-vorgestellt.md');
    expect(existsSync(path.join(root, ok.stdout.trim()))).toBe(true);

    const again = runCli(['new', 'Neue Digitalstrategie vorgestellt', '--region', 'Potsdam', '--date', '2025-02-13', '--root', root]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('gibt es schon; nichts wurde geschrieben');

    const bad = runCli(['new', 'Anderer Titel', '--region', 'Potsdam', '--date', '2025-02-30', '--root', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2025-02-30');
    expect(existsSync(path.join(root, 'content/2025/2025-02-30-anderer-titel.md'))).toBe(false);

    const noRegion = runCli(['new', 'Ohne Region', '--root', root]);
    expect(noRegion.code).toBe(2);
  });
});

describe('stadtbote new with known regions', () => {
  it('refuses a region the config does not list and suggests the close one, writing nothing', () => {
    const root = makeSite({ 'stadtbote.config.yaml': 'search: false\nregions: [Potsdam, Cottbus]\n' });
    try {
      const typo = runCli(['new', 'Tippfehler', '--region', 'Postdam', '--date', '2025-02-13', '--root', root]);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('Meinten Sie „Potsdam“?');
      expect(existsSync(path.join(root, 'content/2025/2025-02-13-tippfehler.md'))).toBe(false);
      expect(runCli(['new', 'Richtig', '--region', 'Potsdam', '--date', '2025-02-13', '--root', root]).code).toBe(0);
    } finally {
      cleanup(root);
    }
  });
});
