import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/commands/import.js';
import { tempDir } from '../helpers.js';
import { emptySite } from './import-helpers.js';

const ITEMS = 10_000;
const REGIONS = ['Potsdam', 'München', 'Kreis Recklinghausen', 'Sachsen', 'Bund'];
const cleanup: string[] = [];

afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

/** An RSS 2.0 feed of `n` press releases, as a CMS writes it: HTML bodies, categories, links between items. */
function generateFeed(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2010, 0, 1) + i * 36 * 3600 * 1000);
    const link = `https://www.landkreis-beispiel.de/presse/meldung-${i}.html`;
    const body =
      `<p>Der Kreistag hat in seiner Sitzung Nummer ${i} über die Digitalisierung der Verwaltung beraten. ` +
      `Bürgerinnen und Bürger können weitere Leistungen online beantragen.</p>` +
      `<ul><li>Wohngeld</li><li>Parkausweis</li></ul>` +
      `<p>Siehe auch <a href="https://www.landkreis-beispiel.de/presse/meldung-${Math.max(0, i - 1)}.html">die vorige Meldung</a> &amp; das <strong>Archiv</strong>.</p>`;
    items.push(
      `<item><title>Meldung ${i}: Digitale Verwaltung im Kreis</title><link>${link}</link><guid isPermaLink="true">${link}</guid>` +
        `<pubDate>${day.toUTCString()}</pubDate><category>${REGIONS[i % REGIONS.length]}</category>` +
        `<description>Der Kreistag berät über die Digitalisierung.</description><content:encoded><![CDATA[${body}]]></content:encoded></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Presse</title><link>https://www.landkreis-beispiel.de/presse/</link>\n${items.join('\n')}\n</channel></rss>\n`;
}

describe('scale', () => {
  it(`imports a feed of ${ITEMS} items`, async () => {
    const dir = tempDir('stadtbote-import-scale-');
    cleanup.push(dir);
    const feed = path.join(dir, 'feed.xml');
    writeFileSync(feed, generateFeed(ITEMS));
    const root = emptySite(`title: Skala\nregions: [${REGIONS.join(', ')}]\n`);
    cleanup.push(root);
    const started = performance.now();
    const { report } = await runImport({ root, source: feed, now: Date.UTC(2026, 0, 1) });
    const first = performance.now() - started;
    expect(report.articles).toBe(ITEMS);
    expect(report.aliases).toBe(ITEMS);
    const files = readdirSync(path.join(root, 'content'), { recursive: true }).filter((f) => String(f).endsWith('.md'));
    expect(files).toHaveLength(ITEMS);
    const again = performance.now();
    const second = await runImport({ root, source: feed, now: Date.UTC(2026, 0, 1) });
    const rerun = performance.now() - again;
    expect(second.report).toMatchObject({ articles: 0, unchanged: ITEMS, converted: 0 });
    // Reported, not asserted tightly: a shared CI machine varies. The bound catches a quadratic slip.
    console.log(`import of ${ITEMS} feed items: ${(first / 1000).toFixed(1)} s; unchanged re-run: ${(rerun / 1000).toFixed(1)} s`);
    expect(first).toBeLessThan(180_000);
  }, 400_000);
});
