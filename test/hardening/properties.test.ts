import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'parse5';
import sax from 'sax';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSite } from '../../src/config/config.js';
import { Renderer } from '../../src/render/renderer.js';
import type { SourceFile } from '../../src/model/types.js';
import { DEFAULT_TEMPLATES_DIR } from '../../src/theme/engine.js';
import { invisibleCharacter } from '../../src/util/invisible.js';
import { slugify } from '../../src/util/slug.js';
import { buildSite, cleanup, makeSite, tempDir } from '../helpers.js';

/** Characters and sequences that could break out of an element, attribute, CDATA or script. */
const nasty = fc.constantFrom('<', '>', '&', '"', "'", ']]>', '</script>', '<!--', '{{', '}}', '{%', '%}', '\u2028', '\u2029', '&amp;', '</title>', '\\', '`', '${', '\u200f', '\u202e', 'ä', '😀');
const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'grapheme-ascii', maxLength: 8 }), nasty);
/** Any text that validation accepts as a field: no control characters, not blank. Validation trims. */
const fieldText = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => {
  // eslint-disable-next-line no-control-regex
  const s = parts.join('').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').trim();
  return s === '' ? 'x' : s;
});

interface Node5 {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node5[];
  content?: Node5;
  value?: string;
}

function all(node: Node5, out: Node5[] = []): Node5[] {
  out.push(node);
  for (const c of node.childNodes ?? []) all(c, out);
  if (node.content) all(node.content, out);
  return out;
}
const textOf = (node: Node5): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''));
const attr = (node: Node5, name: string): string | undefined => node.attrs?.find((a) => a.name === name)?.value;

const made: string[] = [];
afterAll(() => made.forEach(cleanup));

describe('render path: any text survives the round trip', () => {
  const root = tempDir('stadtbote-props-');
  made.push(root);
  const site = resolveSite({ root });
  const renderer = new Renderer({
    config: site.config,
    basePath: site.basePath,
    templateDirs: [DEFAULT_TEMPLATES_DIR],
    assets: [['2025/foto.jpg', { url: '/medien/foto.jpg', width: 800, height: 600 }]],
    search: false,
  });

  it('title, teaser, region and image texts parse back from HTML and JSON-LD', async () => {
    await renderer.loadMarkdown();
    fc.assert(
      fc.property(fieldText, fieldText, fieldText, fieldText, fieldText, fieldText, (title, teaser, region, alt, caption, credit) => {
        fc.pre(slugify(region) !== ''); // a region needs letters or digits for its URL
        // …and no invisible characters (a look-alike second region); it is compared in NFC.
        fc.pre(invisibleCharacter(region) === undefined && region === region.normalize('NFC'));
        const yaml = [
          `title: ${JSON.stringify(title)}`,
          'date: 2025-02-13',
          `region: ${JSON.stringify(region)}`,
          `teaser: ${JSON.stringify(teaser)}`,
          'image:',
          '  src: foto.jpg',
          `  alt: ${JSON.stringify(alt)}`,
          `  caption: ${JSON.stringify(caption)}`,
          `  credit: ${JSON.stringify(credit)}`,
        ].join('\n');
        const source: SourceFile = { rel: '2025/a.md', abs: path.join(root, 'content/2025/a.md'), display: 'content/2025/a.md', hash: 'h', text: `---\n${yaml}\n---\nText.\n` };
        const result = renderer.renderSource(source);
        if (result.kind !== 'article') throw new Error(`not rendered: ${JSON.stringify(result.kind === 'invalid' ? result.problems : result.kind)}`);
        const nodes = all(parse(result.html) as unknown as Node5);
        const h1 = nodes.filter((n) => n.tagName === 'h1');
        expect(h1).toHaveLength(1);
        expect(textOf(h1[0]!)).toBe(title);
        expect(attr(nodes.find((n) => n.tagName === 'meta' && attr(n, 'name') === 'description')!, 'content')).toBe(teaser);
        expect(attr(nodes.find((n) => n.tagName === 'meta' && attr(n, 'property') === 'og:title')!, 'content')).toBe(title);
        expect(textOf(nodes.find((n) => n.tagName === 'p' && attr(n, 'class') === 'lead')!)).toBe(teaser);
        expect(attr(nodes.find((n) => n.tagName === 'img' && attr(n, 'src') === '/medien/foto.jpg')!, 'alt')).toBe(alt);
        const figcaption = textOf(nodes.find((n) => n.tagName === 'figcaption')!);
        expect(figcaption.startsWith(caption)).toBe(true);
        expect(figcaption).toContain(`: ${credit})`);
        const scripts = nodes.filter((n) => n.tagName === 'script');
        expect(scripts.map((s) => attr(s, 'type'))).toEqual(['application/ld+json']);
        const ld = JSON.parse(textOf(scripts[0]!)) as { headline: string; description: string; contentLocation: { name: string } };
        expect(ld.headline).toBe(title);
        expect(ld.description).toBe(teaser);
        expect(ld.contentLocation.name).toBe(region);
        // Nothing broke out of the body: exactly one article, one main.
        expect(nodes.filter((n) => n.tagName === 'article')).toHaveLength(1);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

/**
 * Titles of the items (RSS `item`) or entries (Atom `entry`) read with a strict XML parser: a title
 * that broke out of its element or of a CDATA section makes the parser fail or the text differ.
 * (feedparser strips HTML-looking text from titles, so it cannot be the judge here.)
 */
function itemTitles(xml: string): string[] {
  const parser = sax.parser(true, {});
  const stack: string[] = [];
  const titles: string[] = [];
  let current: string | undefined;
  parser.onerror = (err) => {
    throw err;
  };
  parser.onopentag = (tag) => {
    stack.push(tag.name);
    if (tag.name === 'title' && (stack.includes('item') || stack.includes('entry'))) current = '';
  };
  parser.ontext = (t) => {
    if (current !== undefined) current += t;
  };
  parser.oncdata = (t) => {
    if (current !== undefined) current += t;
  };
  parser.onclosetag = () => {
    if (stack.pop() === 'title' && current !== undefined) {
      titles.push(current);
      current = undefined;
    }
  };
  parser.write(xml).close();
  return titles;
}

describe('feeds: any title survives the round trip', () => {
  it('RSS, Atom and JSON Feed give back the same title', async () => {
    await fc.assert(
      fc.asyncProperty(fieldText, fieldText, async (title, teaser) => {
        const root = makeSite({
          'stadtbote.config.yaml': 'search: false\n',
          'content/2025/a.md': `---\ntitle: ${JSON.stringify(title)}\ndate: 2025-02-13\nregion: Potsdam\nteaser: ${JSON.stringify(teaser)}\nslug: a\n---\nText.\n`,
        });
        try {
          await buildSite(root, { search: false });
          const dist = path.join(root, 'dist');
          for (const file of ['feed.xml', 'atom.xml']) {
            expect(itemTitles(readFileSync(path.join(dist, file), 'utf8')), file).toEqual([title]);
          }
          const json = JSON.parse(readFileSync(path.join(dist, 'feed.json'), 'utf8')) as { items: { title: string; summary?: string }[] };
          expect(json.items.map((i) => i.title)).toEqual([title]);
        } finally {
          cleanup(root);
        }
      }),
      { numRuns: 15, seed: 11 },
    );
  }, 120_000);
});
