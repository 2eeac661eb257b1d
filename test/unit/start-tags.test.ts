import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExternalResources } from '../../src/checks/external-resources.js';
import { StartTagScanner } from '../../src/checks/start-tags.js';
import { oracleExternalResources } from './external-resources-oracle.js';
import { prng } from '../helpers.js';

const HOST = 'www.example.org';

// Pieces of pages, well-formed and not: tags the scan wants and others, every kind of white space
// (and two characters that are not `\s`: NEL and the Mongolian vowel separator), quotes that never
// close, `<` inside values, entities that hide slashes, comments, style blocks in any case.
const PIECES = [
  '<', '</', '>', '/>', ' />', '/', '=', ' = ', '"', "'", '`', '<!--', '-->', '<!doctype html>', 'text ', '&amp;', 'a<b',
  '<a', '<A', '<img', '<IMG', '<Img', '<link', '<LiNk', '<script', '<source', '<iframe', '<frame', '<embed', '<object', '<video',
  '<audio', '<track', '<input', '<image', '<use', '<style', '<STYLE', '<Style ', '</style>', '</STYLE >', '<div', '<span', '<time',
  '<title', '<meta', '<constructor', '<x:y', '<a-b', '<1', '<s', '<st',
  ' ', '  ', '\t', '\n', '\r\n', '\f', '\v', '\u00a0', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff', '\u0085', '\u180e',
  ' src', ' SRC', ' srcset', ' href', ' rel', ' as', ' style', ' STYLE', ' Style', ' styles', 'style', ' data', ' poster', ' xlink:href', ' title', ' x', ' \u017ftyle',
  '=', '="', "='", '"https://cdn.example.com/x.js"', "'//evil.example.net/a.png'", 'https://img.example.com/u.jpg', '//bare.example.com/b.gif',
  '"/local.css"', '"stylesheet"', 'stylesheet', '"preload"', "'icon'", '"font"', 'font', '"https:&#47;&#47;ent.example.com/x"', '"https:&#X2F;&#x2f;hex.example.com/y"',
  '"a<b>c"', '"unterminated', "'half", '"x.woff2 1x, https://srcset.example.com/z.jpg 2x"', '"https://www.example.org/self.png"', 'https://www.example.org/own.css',
  '"background:url(//bg.example.com/y.png)"', "'font: url(https://font.example.com/f.woff2)'", 'url(https://bg2.example.com/x.png)', '@import "https://imp.example.com/a.css";',
  '"data:image/png;base64,AAAA"', '"mailto:a@example.com"', '"javascript:void(0)"', '"HTTPS://UPPER.EXAMPLE.COM/"', '"https://www.example.org:8080/p.png"',
];

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const OPENERS = PIECES.filter((p) => /^<[a-zA-Z]/.test(p));
const SPACES = PIECES.filter((p) => /^\s+$/u.test(p) || p === '\u0085' || p === '\u180e');
const NAMES = PIECES.filter((p) => /^ \S+$/u.test(p)).map((p) => p.trim());
const VALUES = PIECES.filter((p) => /^["'hu/@d]/.test(p) && p.length > 2);

/** Mostly tags shaped as the grammar wants them (so that many texts find something), with random pieces between. */
function randomText(next: () => number): string {
  const count = 1 + Math.floor(next() * 12);
  let text = '';
  for (let i = 0; i < count; i++) {
    if (next() < 0.3) {
      text += pick(next, PIECES);
      continue;
    }
    text += pick(next, OPENERS);
    const attributes = Math.floor(next() * 4);
    for (let a = 0; a < attributes; a++) {
      text += pick(next, SPACES) + pick(next, NAMES);
      if (next() < 0.8) text += (next() < 0.7 ? '=' : pick(next, SPACES) + '=' + pick(next, SPACES)) + pick(next, VALUES);
    }
    text += next() < 0.2 ? pick(next, SPACES) : '';
    text += pick(next, ['>', '/>', '>', '>', ' >', '', '"', pick(next, PIECES)]);
    if (next() < 0.5) text += pick(next, PIECES);
  }
  return text;
}

const plain = (found: readonly { kind: string; url: string; host: string }[]): string[] => found.map((r) => `${r.kind} ${r.host} ${r.url}`);

describe('start-tag scanner of the external-resource check', () => {
  it('finds exactly what the regular expressions found, in 20,000 random texts', () => {
    const next = prng(20261130);
    let withFindings = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = randomText(next);
      const expected = plain(oracleExternalResources(text, HOST));
      if (expected.length > 0) withFindings++;
      expect(plain(findExternalResources(text, HOST)), text).toEqual(expected);
    }
    // The texts must reach the interesting cases, not only nothing.
    expect(withFindings).toBeGreaterThan(1_000);
  });

  it('finds exactly what the regular expressions found in the golden pages of the default theme', () => {
    const dir = path.join(import.meta.dirname, '..', 'fixtures', 'core-basic', 'expected');
    const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      // The theme's pages load nothing from elsewhere; with the site host another, their own absolute URLs count too.
      const html = readFileSync(path.join(dir, page), 'utf8');
      for (const host of [HOST, 'elsewhere.example']) expect(plain(findExternalResources(html, host)), page).toEqual(plain(oracleExternalResources(html, host)));
    }
  });

  it('hands on wanted tags and styled ones with their attributes, and nothing else', () => {
    const seen: string[] = [];
    new StartTagScanner(new Set(['img', 'link'])).scan(
      `<p class="a"><IMG SRC='/x.png' alt=x ALT="y"><a title="<img src=/no>" style=color:red><link rel=icon href=/i.png/><span data-x="1"><img src="/unclosed></p>`,
      (name, attrs) => seen.push(`${name} ${JSON.stringify([...attrs])}`),
    );
    expect(seen).toEqual([
      'img [["src","/x.png"],["alt","y"]]',
      'a [["title","<img src=/no>"],["style","color:red"]]',
      'link [["rel","icon"],["href","/i.png/"]]',
    ]);
  });

  it('reads a tag named like an object property as any other tag', () => {
    expect(findExternalResources('<constructor style="background: url(https://bg.example.com/a.png)">', HOST).map((r) => r.host)).toEqual(['bg.example.com']);
    expect(findExternalResources('<constructor src="https://x.example.com/a.png">', HOST)).toEqual([]);
  });
});
