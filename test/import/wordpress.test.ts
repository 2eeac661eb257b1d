import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/commands/check.js';
import { runImport } from '../../src/commands/import.js';
import { ConfigError, ContentError } from '../../src/model/errors.js';
import { readTree, tempDir } from '../helpers.js';
import { content, emptySite, OLD_HOST, serveFolder, WORDPRESS, type FixtureServer } from './import-helpers.js';

const NOW = Date.UTC(2026, 0, 1);
let server: FixtureServer;
let source: string;
const regionMap = path.join(WORDPRESS, 'regionen.yaml');
const sites: string[] = [];

function site(config = path.join(WORDPRESS, 'stadtbote.config.yaml')): string {
  const root = emptySite(config);
  sites.push(root);
  return root;
}

beforeAll(async () => {
  // The export as the old WordPress serves it: its host replaced by this loopback server.
  server = await serveFolder(WORDPRESS, '/presse');
  source = `${server.url}/presse/export.xml`;
});
afterAll(async () => {
  await server.close();
  for (const root of sites) rmSync(root, { recursive: true, force: true });
});

describe('WordPress export (WXR) from an http URL', () => {
  let root: string;
  let lines: string[];
  beforeAll(async () => {
    root = site();
    ({ lines } = await runImport({ root, source, regionMap, region: 'Brandenburg', now: NOW }));
  });

  it('writes posts as articles where `new` would, pages under pages/, and leaves trash behind', () => {
    const files = [...readTree(path.join(root, 'content')).keys()];
    expect(files).toEqual([
      '.stadtbote-import.json',
      '2024/2024-03-12-buergerbuero-digital.md',
      '2024/2024-03-21-terminbuchung-im-kreishaus.md',
      '2024/2024-03-25-die-kfz-zulassungsstelle-bleibt-am-freitag-wegen-einer-betriebsversammlung.md',
      '2024/2024-03-28-entwurf-smart-city-strategie.md',
      '2024/buergerbuero.png',
      '2024/haushaltsplan-2024.pdf',
      '2024/rathaus-potsdam.jpg',
      '2031/2031-05-06-breitbandausbau.md',
      '2031/sitzung-kreistag.jpg',
      'pages/ueber-uns.md',
    ]);
    expect(lines.join('\n')).toContain('Importiert: 5 Meldungen, 1 Seite, 4 Bilder und Anhänge, 5 alte Adressen (aliases).');
  });

  it('maps title, date in the site zone, region, teaser, featured image and the old address', () => {
    expect(content(root, '2024/2024-03-12-buergerbuero-digital.md').split('---\n')[1]).toBe(
      [
        'title: "Bürgerbüro im Stadthaus arbeitet jetzt digital"',
        'date: 2024-03-12T09:30:00+01:00',
        'region: "Potsdam"',
        'teaser: "Im Potsdamer Stadthaus erledigen Bürgerinnen und Bürger ihre Anliegen jetzt am Terminal."',
        'slug: buergerbuero-digital',
        'image:',
        '  src: "rathaus-potsdam.jpg"',
        '  alt: "Das Potsdamer Stadthaus mit dem neuen Bürgerbüro im Erdgeschoss"',
        '  caption: "Das Stadthaus am Friedrich-Ebert-Platz"',
        'aliases:',
        '  - "/presse/2024/03/12/buergerbuero-digital/"',
        '',
      ].join('\n'),
    );
    // 23:30 UTC is the next day in Berlin; the category comes through the region map; the
    // featured image has no alt text, so its caption is used (and reported).
    const second = content(root, '2024/2024-03-21-terminbuchung-im-kreishaus.md');
    expect(second).toContain('title: "Terminbuchung im Kreishaus & in den Außenstellen"');
    expect(second).toContain('date: 2024-03-21T00:30:00+01:00');
    expect(second).toContain('region: "Kreis Recklinghausen"');
    // The slug it had before a rename (`_wp_old_slug`) is an old address too.
    expect(second).toContain('aliases:\n  - "/presse/2024/03/20/terminbuchung-im-kreishaus/"\n  - "/presse/2024/03/20/terminvergabe-kreishaus/"');
    expect(second).toContain('  alt: "Terminbuchung am Selbstbedienungsterminal im Kreishaus"');
    expect(readFileSync(path.join(root, 'content/2024/rathaus-potsdam.jpg'))).toEqual(readFileSync(path.join(WORDPRESS, 'wp-content/uploads/2024/03/rathaus-potsdam.jpg')));
  });

  it('keeps drafts as drafts, scheduled posts at their future date, and titles untitled posts from their text', () => {
    const draft = content(root, '2024/2024-03-28-entwurf-smart-city-strategie.md');
    expect(draft).toContain('draft: true');
    expect(draft).toContain('region: "Brandenburg"');
    // A draft's only address is its short link `?p=13`: nothing anyone saw, so no alias.
    expect(draft).not.toContain('aliases');
    const scheduled = content(root, '2031/2031-05-06-breitbandausbau.md');
    expect(scheduled).toContain('date: 2031-05-06T09:00:00+02:00');
    expect(scheduled).not.toContain('draft');
    const untitled = content(root, '2024/2024-03-25-die-kfz-zulassungsstelle-bleibt-am-freitag-wegen-einer-betriebsversammlung.md');
    expect(untitled).toContain('title: "Die Kfz-Zulassungsstelle bleibt am Freitag wegen einer Betriebsversammlung…"');
    expect(lines.join('\n')).toContain('ohne Titel; Titel aus dem Text gebildet');
  });

  it('converts the HTML to Markdown and rewrites links between imported posts to their files', () => {
    const body = content(root, '2024/2024-03-12-buergerbuero-digital.md').split('---\n')[2]!;
    expect(body).toContain('– so die Bilanz der Verwaltung.');
    expect(body).toContain('![Das Stadthaus am Friedrich-Ebert-Platz](rathaus-potsdam.jpg)');
    expect(body).toContain('- Termine online buchen\n\n  - über das Serviceportal\n  - am Telefon unter 0331\u00a0289-0');
    expect(body).toContain('| Meldebescheinigung  | 3 Tage   | sofort |');
    expect(body).toContain('[Haushaltsplan 2024 (PDF)](haushaltsplan-2024.pdf)');
    expect(body).toContain('[Terminbuchung im Kreishaus](2024-03-21-terminbuchung-im-kreishaus.md)');
    // The draft cannot be linked from a published article: the text stays, the link goes.
    expect(body).toContain('und im Entwurf.');
    for (const gone of ['iframe', 'script', 'dataLayer', '[gallery', '[embed', 'youtube', 'form', 'style=', 'caption']) expect(body).not.toContain(gone);
    expect(content(root, '2024/2024-03-21-terminbuchung-im-kreishaus.md')).toContain('[Bürgerbüro](2024-03-12-buergerbuero-digital.md#was-sich-aendert)');
    expect(content(root, 'pages/ueber-uns.md')).toContain('[Bürgerbüro digital](../2024/2024-03-12-buergerbuero-digital.md)');
  });

  it('lists what was dropped per item with its old address', () => {
    const report = lines.join('\n');
    const line = lines.find((l) => l.includes('2024-03-12-buergerbuero-digital.md') && l.includes('iframe'))!;
    expect(line).toContain(`(${server.url}/presse/2024/03/12/buergerbuero-digital/)`);
    for (const what of ['eingebetteter Rahmen (iframe): https://www.youtube-nocookie.com/embed/abc123', 'Skript', 'Shortcode [gallery]', 'Shortcode [embed]', 'Formular', 'style-Attribute (2)']) expect(line).toContain(what);
    expect(report).toMatch(/terminbuchung-im-kreishaus\.md.*Galerie/);
    expect(report).toContain('Bild ohne Alternativtext; der Bildtitel wurde übernommen – bitte prüfen');
  });

  it('passes `stadtbote check` with no error', async () => {
    const result = await checkSite({ root, now: NOW });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('changes nothing and downloads nothing when run again', async () => {
    const before = readTree(path.join(root, 'content'));
    const requests = server.requests.length;
    const again = await runImport({ root, source, regionMap, region: 'Brandenburg', now: NOW });
    expect(server.requests.length - requests).toBe(1); // the export itself
    expect(readTree(path.join(root, 'content'))).toEqual(before);
    expect(again.report).toMatchObject({ articles: 0, pages: 0, media: 0, unchanged: 6, skipped: 0, converted: 0 });
    expect(again.lines).toEqual(['Importiert: 0 Meldungen, 0 Seiten, 0 Bilder und Anhänge, 0 alte Adressen (aliases).', 'Unverändert: 6; nicht überschrieben: 0.']);
  });

  it('never overwrites a file an editor changed, unless --force', async () => {
    const file = path.join(root, 'content/2024/2024-03-12-buergerbuero-digital.md');
    appendFileSync(file, '\nErgänzt von der Redaktion.\n');
    const kept = await runImport({ root, source, regionMap, region: 'Brandenburg', now: NOW });
    expect(readFileSync(file, 'utf8')).toContain('Ergänzt von der Redaktion.');
    expect(kept.report.skipped).toBe(1);
    expect(kept.lines.join('\n')).toContain('2024/2024-03-12-buergerbuero-digital.md: seit dem letzten Import bearbeitet; nicht überschrieben (--force überschreibt)');
    const forced = await runImport({ root, source, regionMap, region: 'Brandenburg', now: NOW, force: true });
    expect(readFileSync(file, 'utf8')).not.toContain('Ergänzt von der Redaktion.');
    expect(forced.report.articles).toBe(1);
    // Another day, another answer: once the scheduled post is live, links to it may come back, so
    // a later "now" converts again; here nothing links to it and nothing changes.
    const later = await runImport({ root, source, regionMap, region: 'Brandenburg', now: Date.UTC(2032, 0, 1) });
    expect(later.report).toMatchObject({ articles: 0, unchanged: 6, converted: 6 });
  });
});

describe('WordPress export (WXR) from a file', () => {
  it('--dry-run reports the same and writes nothing', async () => {
    const root = site();
    const dir = tempDir('stadtbote-wxr-');
    sites.push(dir);
    const file = path.join(dir, 'export.xml');
    writeFileSync(file, readFileSync(path.join(WORDPRESS, 'export.xml'), 'utf8').replaceAll(OLD_HOST, `${server.url}`));
    const { report, lines } = await runImport({ root, source: file, regionMap, region: 'Brandenburg', now: NOW, dryRun: true });
    expect(report).toMatchObject({ articles: 5, pages: 1, media: 4, dryRun: true });
    expect(lines.at(-1)).toBe('Probelauf (--dry-run): nichts wurde geschrieben.');
    expect(existsSync(path.join(root, 'content'))).toBe(false);
    expect(readTree(root).size).toBe(1);
  });

  it('names every item without a region, and writes nothing', async () => {
    const root = site();
    const error = await runImport({ root, source, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    // Potsdam is a configured region; Kreisverwaltung and Allgemein are not, and there is no map.
    expect(problems.map((p) => p.ruleId)).toEqual(['import-no-region', 'import-no-region', 'import-no-region', 'import-no-region']);
    expect(problems.map((p) => p.reason).join('\n')).toContain('für „Entwurf: Smart-City-Strategie“ ist keine Region bekannt');
    expect(problems[0]!.fix).toContain('--region');
    expect(existsSync(path.join(root, 'content'))).toBe(false);
    expect(readTree(root).size).toBe(1);
  });

  it('refuses a region the configuration does not list, once, before reading the source', async () => {
    const root = site();
    const requests = server.requests.length;
    const error = (await runImport({ root, source, regionMap, region: 'Postdam', now: NOW }).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems.map((p) => p.reason)).toEqual(['--region „Postdam“ steht nicht in der Liste regions der Konfiguration; meinten Sie „Potsdam“?']);
    const map = path.join(root, 'regionen.yaml');
    writeFileSync(map, 'Kreisverwaltung: Kreis Recklinghausn\nAllgemein: Brandenburg\n');
    const mapped = (await runImport({ root, source, regionMap: map, now: NOW }).catch((e: unknown) => e)) as ContentError;
    expect(mapped.problems.map((p) => p.reason)).toEqual(['„Kreisverwaltung: Kreis Recklinghausn“: die Region steht nicht in der Liste regions der Konfiguration; meinten Sie „Kreis Recklinghausen“?']);
    // Where the category stands in the map, as every other problem names its place.
    expect(mapped.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['1:1']);
    writeFileSync(map, '# Regionen\nAllgemein: Brandenburg\n  Kreisverwaltung: Kreis Recklinghausen\n');
    const broken = (await runImport({ root, source, regionMap: map, now: NOW }).catch((e: unknown) => e)) as ContentError;
    expect(broken.problems.map((p) => `${p.ruleId} ${p.line}:${p.column}`)).toEqual([expect.stringMatching(/^import-region-map [23]:\d+$/)]); // where YAML notices it
    writeFileSync(map, '# Regionen\nAllgemein: Brandenburg\nKreisverwaltung:\n');
    const empty = (await runImport({ root, source, regionMap: map, now: NOW }).catch((e: unknown) => e)) as ContentError;
    expect(empty.problems.map((p) => `${p.ruleId} ${p.line}:${p.column}`)).toEqual(['import-region-map 3:1']);
    expect(server.requests.length).toBe(requests);
    expect(existsSync(path.join(root, 'content'))).toBe(false);
  });

  it('speaks English on an English site', async () => {
    const root = site('language: en\n');
    const error = (await runImport({ root, source, now: NOW }).catch((e: unknown) => e)) as ContentError;
    expect(error.problems[0]!.reason).toMatch(/^no region is known for "Bürgerbüro im Stadthaus arbeitet jetzt digital" \(http:/);
    const { lines } = await runImport({ root, source, region: 'Potsdam', now: NOW });
    expect(lines.at(-3)).toBe('Imported: 5 articles, 1 page, 4 images and attachments, 5 old addresses (aliases).');
  });
});
