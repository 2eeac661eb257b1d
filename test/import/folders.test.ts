import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/commands/check.js';
import { runImport } from '../../src/commands/import.js';
import { expandPermalink } from '../../src/import/permalinks.js';
import { ContentError } from '../../src/model/errors.js';
import { CLI, FIXTURES, makeSite, readTree } from '../helpers.js';
import { content, emptySite } from './import-helpers.js';

const NOW = Date.UTC(2026, 0, 1);
const CONFIG = 'title: Import\nregions: [Bremen, Hamburg, Potsdam]\n';
const sites: string[] = [];

async function importFolder(name: string): Promise<{ root: string; lines: string[] }> {
  const root = emptySite(CONFIG);
  sites.push(root);
  const { lines } = await runImport({ root, source: path.join(FIXTURES, name), region: 'Potsdam', now: NOW });
  return { root, lines };
}

afterAll(() => {
  for (const root of sites) rmSync(root, { recursive: true, force: true });
});

describe('static-site folders', () => {
  it('Jekyll: _posts with YAML frontmatter, dates from the file name, categories, _drafts, the default permalink as alias', async () => {
    const { root, lines } = await importFolder('import-jekyll');
    expect([...readTree(path.join(root, 'content')).keys()]).toEqual([
      '.stadtbote-import.json',
      '2024/2024-05-14-glasfaser-fuer-alle-ortsteile.md',
      '2024/2024-06-02-buergerportal-startet.md',
      '2024/2024-09-01-haushalt-2025-im-entwurf.md',
      '2024/glasfaser.jpg',
    ]);
    const glasfaser = content(root, '2024/2024-05-14-glasfaser-fuer-alle-ortsteile.md');
    expect(glasfaser).toContain('date: 2024-05-14T10:30:00+02:00\nregion: "Bremen"\nteaser: "Bis Ende 2025 sollen alle Ortsteile einen Glasfaseranschluss erhalten."');
    expect(glasfaser).toContain('image:\n  src: "glasfaser.jpg"\n  alt: "Bauarbeiter verlegen ein orangefarbenes Leerrohr im Gehweg"');
    expect(glasfaser).toContain('aliases:\n  - "/bremen/2024/05/14/glasfaser-fuer-alle-ortsteile.html"');
    expect(glasfaser).toContain('[Bürgerportal-Artikel](2024-06-02-buergerportal-startet.md)');
    expect(glasfaser).toContain('Anmeldung im Rathaus.');
    expect(glasfaser).not.toMatch(/include|widget|padding/);
    expect(lines.join('\n')).toContain('Shortcode {% include %}; Skript: https://example.com/widget.js; style-Attribute (1)');
    const portal = content(root, '2024/2024-06-02-buergerportal-startet.md');
    expect(portal).toContain('date: 2024-06-02\nregion: "Potsdam"');
    expect(portal).toContain('| Wohngeld    | online |');
    expect(content(root, '2024/2024-09-01-haushalt-2025-im-entwurf.md')).toContain('draft: true');
    expect(readFileSync(path.join(root, 'content/2024/glasfaser.jpg'))).toEqual(readFileSync(path.join(FIXTURES, 'import-jekyll/assets/img/glasfaser.jpg')));
    expect((await checkSite({ root, now: NOW })).errors).toBe(0);
  });

  it('Hugo: TOML and YAML frontmatter, page bundles, static/ images, permalinks and aliases, shortcodes dropped', async () => {
    const { root, lines } = await importFolder('import-hugo');
    const bundle = content(root, '2025/2025-01-15-breitbandausbau-karte-der-ausbaugebiete.md');
    expect(bundle).toContain('date: 2025-01-15T08:00:00+01:00\nregion: "Hamburg"\nteaser: "Eine neue Karte zeigt, wo im Frühjahr gebaut wird."');
    // hugo.toml: [permalinks] posts = "/:year/:month/:slug/"
    expect(bundle).toContain('aliases:\n  - "/2025/01/breitband-ausbau/"\n  - "/aktuelles/breitband.html"');
    expect(bundle).toContain('![Karte der Ausbaugebiete im Stadtgebiet](karte.png)');
    expect(bundle).toContain('[Bürgerportal](2025-01-20-buergerportal-online.md)');
    expect(bundle).not.toContain('youtube');
    const portal = content(root, '2025/2025-01-20-buergerportal-online.md');
    // A TOML local date is that day, not midnight UTC.
    expect(portal).toContain('date: 2025-01-20\n');
    expect(portal).toContain('image:\n  src: "buergerportal.jpg"\n  alt: "Bild zur Meldung „Bürgerportal online“"');
    expect(portal).toContain('Wartungsfenster am Sonntag.');
    expect(content(root, '2025/2025-02-01-noch-nicht-fertig.md')).toContain('region: "Hamburg"');
    expect(lines.join('\n')).toContain('Shortcode {{< youtube >}}');
    expect((await checkSite({ root, now: NOW })).errors).toBe(0);
  });

  it('Eleventy: a folder of Markdown posts; a broken frontmatter is named', async () => {
    const source = makeSite({
      'eleventy.config.js': 'export default function () {}\n',
      'package.json': '{}\n',
      'posts/ratsinfo.md': '---\ntitle: Ratsinformationssystem erneuert\ndate: 2023-10-02\ntags: [post, Potsdam]\n---\nDas Ratsinformationssystem ist neu.\n',
      'README.md': '# Meine Website\n',
    });
    sites.push(source);
    const root = emptySite(CONFIG);
    sites.push(root);
    await runImport({ root, source, now: NOW });
    expect(content(root, '2023/2023-10-02-ratsinformationssystem-erneuert.md')).toContain('region: "Potsdam"\nteaser: "Das Ratsinformationssystem ist neu."\naliases:\n  - "/posts/ratsinfo/"');
    const broken = makeSite({ 'posts/kaputt.md': '---\ntitle: [nicht geschlossen\n---\nText\n' });
    sites.push(broken);
    const error = (await runImport({ root, source: broken, region: 'Potsdam', now: NOW }).catch((e: unknown) => e)) as ContentError;
    expect(error).toBeInstanceOf(ContentError);
    expect(error.problems[0]).toMatchObject({ file: `${broken}/posts/kaputt.md`, ruleId: 'import-frontmatter' });
  });

  it('copies only files inside the source folder', async () => {
    const outer = makeSite({ 'geheim.jpg': readFileSync(path.join(FIXTURES, 'import-jekyll/assets/img/glasfaser.jpg')) });
    sites.push(outer);
    const source = makeSite({ '_posts/2024-01-02-neujahr.md': '---\ntitle: Neujahrsempfang\n---\nText.\n\n![Geheim](../../geheim.jpg)\n' }, path.join(outer, 'website'));
    const root = emptySite(CONFIG);
    sites.push(root);
    const { lines } = await runImport({ root, source, region: 'Potsdam', now: NOW });
    expect(content(root, '2024/2024-01-02-neujahrsempfang.md')).not.toContain('geheim');
    expect(existsSync(path.join(root, 'content/2024/geheim.jpg'))).toBe(false);
    expect(lines.join('\n')).toContain(`Bild oder Anhang weggelassen: „${path.join(outer, 'geheim.jpg')}“ liegt außerhalb des Quellordners`);
  });

  it('the command line writes into --content', () => {
    const root = emptySite(CONFIG);
    sites.push(root);
    const run = spawnSync(process.execPath, [CLI, 'import', path.join(FIXTURES, 'import-hugo'), '--root', root, '--content', path.join(root, 'inhalt'), '--region', 'Potsdam'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Importiert: 3 Meldungen, 0 Seiten, 2 Bilder und Anhänge, 3 alte Adressen (aliases).');
    expect(existsSync(path.join(root, 'inhalt/2025/karte.png'))).toBe(true);
    expect(existsSync(path.join(root, 'content'))).toBe(false);
  });

  it('a folder without posts is refused', async () => {
    const source = makeSite({ 'README.md': '# Nur eine Datei\n', 'bild.jpg': 'x' });
    sites.push(source);
    const root = emptySite(CONFIG);
    sites.push(root);
    const error = (await runImport({ root, source, region: 'Potsdam', now: NOW }).catch((e: unknown) => e)) as ContentError;
    expect(error.problems[0]!.reason).toBe(`im Ordner „${source}“ gibt es keine Beiträge (Markdown- oder HTML-Dateien mit Frontmatter)`);
    expect(readTree(root).size).toBe(1);
  });
});

describe('permalink patterns', () => {
  it('fills Jekyll and Hugo placeholders', () => {
    const parts = { day: '2024-03-05', slug: 'glasfaser', categories: ['Bau Amt', 'news'], filename: '2024-03-05-glasfaser' };
    expect(expandPermalink('/:categories/:year/:month/:day/:title:output_ext', parts)).toBe('/bau-amt/news/2024/03/05/glasfaser.html');
    expect(expandPermalink('/:categories/:year/:month/:day/:title/', { ...parts, categories: [] })).toBe('/2024/03/05/glasfaser/');
    expect(expandPermalink('/blog/:i_month/:i_day/:short_year/:slug', parts)).toBe('/blog/3/5/24/glasfaser');
    expect(expandPermalink('/:section/:year/:slug/', { ...parts, section: 'posts' })).toBe('/posts/2024/glasfaser/');
  });
});
