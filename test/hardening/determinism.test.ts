import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article, CLI, cleanup, readTree, tempDir } from '../helpers.js';

const made: string[] = [];
afterAll(() => made.forEach(cleanup));

/** Titles and regions whose order differs between locales, dates and times near midnight in some zone. */
function siteFiles(): [string, string][] {
  const titles = ['Ärztehaus eröffnet', 'Zürich hilft', 'apfel-Ernte', 'Äpfel und Birnen', 'Öffnungszeiten', 'Ökologie', 'über uns', 'Uhrzeit', 'ß-Regel', 'Straße frei', 'éclair', 'Eins', 'zehn', 'Zwei', '10 Jahre', '9 Monate', 'İstanbul-Partnerschaft', 'Łódź grüßt', 'Ångström', 'Ende'];
  const regions = ['Ärzteviertel', 'Zürich', 'apfelstadt', 'Öhringen', 'Ulm', 'Überlingen'];
  const files: [string, string][] = [['stadtbote.config.yaml', 'title: Determinismus\ntimezone: Europe/Berlin\nbaseUrl: https://example.org/presse/\n']];
  titles.forEach((title, i) => {
    // Times around midnight in Berlin, UTC, Kiritimati (UTC+14) and Los Angeles (UTC-8).
    const date = i % 3 === 0 ? `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T23:30:00+01:00` : i % 3 === 1 ? `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T00:15:00Z` : `2024-12-31`;
    files.push([`content/${date.slice(0, 4)}/m${i}.md`, article({ title, date, region: regions[i % regions.length]!, teaser: `Anriss ${title}` }, `Text zu ${title}.\n\n[Nächste](m${(i + 1) % titles.length}.md)`.replace(/m(\d+)\.md/, (_m, n: string) => `../${titles[Number(n)] && Number(n) % 3 === 2 ? '2024' : '2025'}/m${n}.md`))]);
  });
  files.push(['content/pages/impressum.md', '---\ntitle: Impressum\n---\nAngaben.\n']);
  return files;
}

function writeSite(order: 'forward' | 'reverse'): string {
  const root = tempDir('stadtbote-determinism-');
  made.push(root);
  const files = siteFiles();
  if (order === 'reverse') files.reverse();
  for (const [rel, content] of files) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

function build(root: string, env: Record<string, string>): Map<string, Buffer> {
  const r = spawnSync(process.execPath, [CLI, 'build', '--root', root, '--no-cache', '-q'], {
    env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1767225600', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return readTree(path.join(root, 'dist'));
}

function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) if (!a.get(k)?.equals(b.get(k) ?? Buffer.alloc(0)) || !b.has(k)) out.push(k);
  return out.sort();
}

describe('determinism', () => {
  // TZ and LANG are pinned here on purpose: this test is about their influence.
  const variants: [string, 'forward' | 'reverse', Record<string, string>][] = [
    ['TZ=UTC', 'forward', { TZ: 'UTC', LANG: 'C', LC_ALL: '' }],
    ['same input again', 'forward', { TZ: 'UTC', LANG: 'C', LC_ALL: '' }],
    ['TZ=Pacific/Kiritimati', 'forward', { TZ: 'Pacific/Kiritimati', LANG: 'C', LC_ALL: '' }],
    ['TZ=America/Los_Angeles', 'forward', { TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: '' }],
    ['LANG=de_DE.UTF-8', 'forward', { TZ: 'UTC', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }],
    ['files created in reverse order', 'reverse', { TZ: 'UTC', LANG: 'C', LC_ALL: '' }],
  ];

  it('gives byte-identical output across runs, time zones, locales and file creation order', () => {
    let reference: Map<string, Buffer> | undefined;
    for (const [name, order, env] of variants) {
      const tree = build(writeSite(order), env);
      if (!reference) {
        reference = tree;
        expect(tree.size).toBeGreaterThan(20);
        continue;
      }
      expect(differences(reference, tree), name).toEqual([]);
    }
  }, 300_000);
});
