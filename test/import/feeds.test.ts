import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/commands/check.js';
import { runImport } from '../../src/commands/import.js';
import { ContentError } from '../../src/model/errors.js';
import { CLI, makeSite, readTree } from '../helpers.js';
import { content, emptySite, FEEDS, serveFolder, type FixtureServer } from './import-helpers.js';

const NOW = Date.UTC(2026, 0, 1);
const HOSTS = ['https://www.stadt-beispiel.de', 'https://www.kreis-beispiel.de', 'https://www.land-beispiel.de', 'https://www.amt-beispiel.de'];
const CONFIG = 'title: Import\ntimezone: Europe/Berlin\nregions: [Wolfsburg, Kreis Recklinghausen, Sachsen, Brandenburg, Mecklenburg-Vorpommern]\n';
let server: FixtureServer;
const sites: string[] = [];

function site(config = CONFIG): string {
  const root = emptySite(config);
  sites.push(root);
  return root;
}

async function importFeed(name: string, extra: { region?: string } = {}): Promise<{ root: string; lines: string[] }> {
  const root = site();
  const { lines } = await runImport({ root, source: `${server.url}/${name}`, now: NOW, ...extra });
  return { root, lines };
}

beforeAll(async () => {
  server = await serveFolder(FEEDS, '', HOSTS);
});
afterAll(async () => {
  await server.close();
  for (const root of sites) rmSync(root, { recursive: true, force: true });
});

describe('feeds', () => {
  it('WordPress RSS 2.0: content:encoded, categories as regions, images downloaded, links rewritten, embeds dropped', async () => {
    const { root, lines } = await importFeed('wordpress-rss.xml');
    const first = content(root, '2025/2025-01-20-neuer-smarter-geschaeftsbereich.md');
    expect(first).toContain('date: 2025-01-20T10:15:00+01:00');
    expect(first).toContain('region: "Wolfsburg"');
    expect(first).toContain('aliases:\n  - "/2025/01/20/neuer-smarter-geschaeftsbereich/"');
    expect(first).toContain('[neuen Digitalstrategie](2025-01-22-neue-digitalstrategie-vorgestellt.md)');
    expect(first).toContain('![Organigramm des neuen Geschäftsbereichs](organigramm.png)');
    expect(existsSync(path.join(root, 'content/2025/organigramm.png'))).toBe(true);
    expect(lines.join('\n')).toContain(`eingebetteter Rahmen (iframe): https://www.youtube.com/embed/xyz987?feature=oembed`);
    expect((await checkSite({ root, now: NOW })).errors).toBe(0);
  });

  it('TYPO3 news: the old address keeps its query string, the enclosure becomes the article image', async () => {
    const { root, lines } = await importFeed('typo3-news.xml', { region: 'Kreis Recklinghausen' });
    const news = content(root, '2025/2025-02-03-info-plattform-zum-smart-city-ansatz.md');
    expect(news).toContain('aliases:\n  - "/aktuelles/detail/?tx_news_pi1%5Baction%5D=detail&tx_news_pi1%5Bcontroller%5D=News&tx_news_pi1%5Bnews%5D=412&cHash=8f3a1c"');
    expect(news).toContain('image:\n  src: "csm-plattform-2c1d.jpg"\n  alt: "Bild zur Meldung „Info-Plattform zum Smart-City-Ansatz“"');
    expect(news).toContain('teaser: "Der Kreis und die zehn kreisangehörigen Städte haben eine Plattform zur regionalen Digitalisierungsstrategie online geschaltet."');
    expect(news).not.toContain('_paq');
    const other = content(root, '2025/2025-01-28-kreistag-tagt-oeffentlich.md');
    expect(other).toContain('aliases:\n  - "/aktuelles/meldung.php?id=405"');
    // A site-absolute link with a query string to another imported item.
    expect(other).toContain('[Ratsinformationssystem](2025-02-03-info-plattform-zum-smart-city-ansatz.md)');
    expect(lines.join('\n')).toContain('ein Text aus dem Titel der Meldung wurde eingesetzt – bitte das Bild beschreiben');
  });

  it('Atom: xhtml and escaped html content, titles with entities, categories by label, dates in the site zone', async () => {
    const { root } = await importFeed('atom.xml');
    const cio = content(root, '2025/2025-02-07-neue-cio-fuer-den-freistaat.md');
    expect(cio).toContain('title: "Neue CIO für den Freistaat"');
    expect(cio).toContain('region: "Sachsen"');
    expect(cio).toContain('teaser: "Daniela Dylakiewicz ist neue CIO des Freistaats Sachsen."');
    expect(cio).toContain('Sie strebt eine _enge_ Zusammenarbeit mit den Kommunen an & stellt sich im März vor.\n\n- Verwaltungstransformation\n- Kommunen');
    const ozg = content(root, '2025/2025-02-07-ozg-aufenthalt-erreicht-alle-milestones.md');
    // 2025-02-06T23:30:00Z is 00:30 on the 7th in Berlin.
    expect(ozg).toContain('date: 2025-02-07T00:30:00+01:00');
    expect(ozg).toContain('region: "Brandenburg"');
    expect(ozg).toContain('[Zur neuen CIO](2025-02-07-neue-cio-fuer-den-freistaat.md)');
    expect((await checkSite({ root, now: NOW })).errors).toBe(0);
  });

  it('RSS 1.0 (RDF) in ISO-8859-1 with Dublin Core dates and subjects', async () => {
    const { root } = await importFeed('rdf.xml');
    const item = content(root, '2024/2024-11-04-buergerbuero-geschlossen.md');
    expect(item).toContain('title: "Bürgerbüro geschlossen"');
    expect(item).toContain('date: 2024-11-04T08:00:00+01:00');
    expect(item).toContain('region: "Mecklenburg-Vorpommern"');
    expect(item).toContain('aliases:\n  - "/bekanntmachungen/2024-11-04.html"');
  });
});

describe('feed quirks', () => {
  it('an item listed twice (same guid) is one article; an item without date is named', async () => {
    const root = site();
    const item = '<item><title>Doppelt</title><link>https://www.stadt-beispiel.de/doppelt/</link><guid>x-1</guid><pubDate>Mon, 06 Jan 2025 09:00:00 +0100</pubDate><description>Einmal.</description></item>';
    const feed = makeSite({ 'feed.xml': `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://www.stadt-beispiel.de/</link>${item}${item}</channel></rss>` });
    sites.push(feed);
    const { report } = await runImport({ root, source: path.join(feed, 'feed.xml'), region: 'Sachsen', now: NOW });
    expect(report.articles).toBe(1);
    const undated = makeSite({ 'feed.xml': '<rss version="2.0"><channel><item><title>Ohne Datum</title><link>https://x.example/a</link></item></channel></rss>' });
    sites.push(undated);
    const error = (await runImport({ root, source: path.join(undated, 'feed.xml'), region: 'Sachsen', now: NOW }).catch((e: unknown) => e)) as ContentError;
    expect(error.problems.map((p) => p.reason)).toEqual(['„Ohne Datum“ (https://x.example/a) hat kein Datum']);
  });

  it('does not expand entity bombs (billion laughs)', async () => {
    const root = site();
    const levels = ['<!ENTITY a "aaaaaaaaaa">', ...'bcdefg'.split('').map((n, i) => `<!ENTITY ${n} "${`&${'abcdef'[i]};`.repeat(10)}">`)].join('');
    const feed = makeSite({ 'feed.xml': `<?xml version="1.0"?><!DOCTYPE rss [${levels}]><rss version="2.0"><channel><item><title>&g;</title><pubDate>Mon, 06 Jan 2025 09:00:00 +0100</pubDate></item></channel></rss>` });
    sites.push(feed);
    await runImport({ root, source: path.join(feed, 'feed.xml'), region: 'Sachsen', now: NOW }).catch(() => undefined);
    const written = readTree(root);
    // Either refused or written unexpanded: never ten million characters.
    for (const bytes of written.values()) expect(bytes.length).toBeLessThan(10_000);
  });

  it('survives a channel link without scheme, broken image addresses and a [caption] at the top level', async () => {
    const root = site();
    const body = '[caption id="x"]<img src="http://bad host/x.jpg"> Unterschrift[/caption]<p>Text mit <img src="data:image/png;base64,AAAA" alt="Pixel">.</p>';
    const feed = makeSite({
      'feed.xml': `<rss version="2.0"><channel><title>T</title><link>www.stadt-beispiel.de</link><item><title>Kaputt</title><link>/kaputt.html</link><pubDate>Mon, 06 Jan 2025 09:00:00 +0100</pubDate><description><![CDATA[${body}]]></description></item></channel></rss>`,
    });
    sites.push(feed);
    const { lines } = await runImport({ root, source: path.join(feed, 'feed.xml'), region: 'Sachsen', now: NOW });
    const text = content(root, '2025/2025-01-06-kaputt.md');
    expect(text).toContain('aliases:\n  - "/kaputt.html"');
    expect(text.split('---\n')[2]).toBe('\nUnterschrift\n\nText mit .\n');
    expect(lines.join('\n')).toContain('Bild „data:image/png;base64,AAAA“ ist in den Text eingebettet oder hat keine Adresse');
    expect((await checkSite({ root, now: NOW })).errors).toBe(0);
  });
});

describe('bad input: a clear message, exit 1, nothing written', () => {
  async function refused(source: string, options: { cwd?: string } = {}): Promise<ContentError> {
    const root = site();
    const error = await runImport({ root, source, region: 'Sachsen', now: NOW, ...options }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect(readTree(root).size).toBe(1);
    return error as ContentError;
  }

  it('broken XML names the line', async () => {
    const [problem] = (await refused(path.join(FEEDS, 'broken.xml'))).problems;
    expect(problem).toMatchObject({ ruleId: 'import-broken-xml', line: 8 });
    expect(problem!.reason).toBe('die Datei ist kein gültiges XML: nicht geschlossene Elemente <rss>, <channel>, <item>, <description>; die Datei endet vorzeitig');
  });

  it('an HTML page or a sitemap is not a feed', async () => {
    expect((await refused(path.join(FEEDS, 'not-a-feed.html'))).problems[0]!.reason).toContain('weder ein RSS- oder Atom-Feed noch ein WordPress-Export (Wurzelelement <html>)');
    expect((await refused(path.join(FEEDS, 'sitemap.xml'))).problems[0]!.reason).toContain('(Wurzelelement <urlset>)');
  });

  it('a missing file, an empty folder, a URL that answers 404 or nothing at all', async () => {
    expect((await refused('gibt-es-nicht.xml', { cwd: FEEDS })).problems[0]!.reason).toBe('die Quelle „gibt-es-nicht.xml“ gibt es nicht (weder Datei noch Ordner noch http(s)-Adresse)');
    const empty = path.join(site(), 'leer');
    mkdirSync(empty);
    expect((await refused(empty)).problems[0]!.ruleId).toBe('import-empty');
    expect((await refused(`${server.url}/fehlt.xml`)).problems[0]!.reason).toBe(`„${server.url}/fehlt.xml“ antwortet mit HTTP-Status 404`);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await refused(`http://127.0.0.1:${port}/feed.xml`)).problems[0]!.reason).toBe(`„http://127.0.0.1:${port}/feed.xml“ ist nicht erreichbar (ECONNREFUSED)`);
  });

  it('the command line prints the message and exits 1', () => {
    const root = site();
    const run = spawnSync(process.execPath, [CLI, 'import', path.join(FEEDS, 'broken.xml'), '--root', root, '--region', 'Sachsen'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.xml:8:1: error: die Datei ist kein gültiges XML');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readTree(root).size).toBe(1);
  });

  it('the command line imports and prints the summary', () => {
    const root = site();
    const run = spawnSync(process.execPath, [CLI, 'import', path.join(FEEDS, 'rdf.xml'), '--root', root], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Importiert: 1 Meldung, 0 Seiten, 0 Bilder und Anhänge, 1 alte Adresse (aliases).\n');
    expect(readFileSync(path.join(root, 'content/2024/2024-11-04-buergerbuero-geschlossen.md'), 'utf8')).toContain('Mecklenburg-Vorpommern');
  });
});
