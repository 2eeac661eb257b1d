import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ARTICLE_CONTEXT_SLOT, fillArticleContext, fillArticleContextHashed } from '../../src/render/article-context-slot.js';
import { relativePath } from '../../src/util/files.js';
import { hashesOfSplice, hashOf } from '../../src/util/hash.js';
import { isUrl, namesHost, urlSchemeOf } from '../../src/util/url-ref.js';
import { keyPosition } from '../../src/util/yaml-position.js';
import { parseFrontmatter } from '../../src/content/frontmatter.js';

describe('url-ref: one idea of what a URL is', () => {
  it.each([
    // ref, scheme, isUrl, namesHost
    ['https://example.org/x', 'https', true, true],
    ['HTTP://EXAMPLE.ORG', 'http', true, true],
    ['//cdn.example/x.js', undefined, true, true],
    ['mailto:presse@example.org', 'mailto', true, false],
    ['javascript:alert(1)', 'javascript', true, false],
    ['data:image/png;base64,AAAA', 'data', true, false],
    ['web+app://x', 'web+app', true, true],
    ['/impressum/', undefined, false, false],
    ['../2024/x.md', undefined, false, false],
    ['#teil-2', undefined, false, false],
    ['bild.jpg', undefined, false, false],
    ['1http://x', undefined, false, false],
    ['c:/x', 'c', true, false],
  ])('%s', (ref, scheme, url, host) => {
    expect([urlSchemeOf(ref), isUrl(ref), namesHost(ref)]).toEqual([scheme, url, host]);
  });
});

describe('relativePath', () => {
  it('uses forward slashes whatever the system separator', () => {
    const root = path.resolve('/site');
    expect(relativePath(root, path.join(root, 'content', '2025', 'a.md'))).toBe('content/2025/a.md');
    expect(relativePath(root, root)).toBe('');
    expect(relativePath(path.join(root, 'a'), path.join(root, 'b', 'c'))).toBe('../b/c');
  });
});

describe('keyPosition: where a YAML key starts', () => {
  const text = 'title: T\nimage:\n  src: a.jpg\n  alt: ""\naliases:\n  - /a\n  - /b\n';
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });

  it.each([
    ['title', { line: 1, column: 1 }],
    ['image.alt', { line: 4, column: 3 }],
    ['aliases.1', { line: 7, column: 5 }],
    // Deeper than the document: the deepest key that is there.
    ['image.caption', { line: 2, column: 1 }],
    ['aliases.9', { line: 5, column: 1 }],
    ['missing', undefined],
  ])('%s', (field, pos) => {
    expect(keyPosition(doc, counter, field)).toEqual(pos);
  });

  it('frontmatter positions are the file’s lines (the fence is line 1)', () => {
    const fm = parseFrontmatter(`---\n${text}---\nText\n`);
    expect(fm.positionOf('image.alt')).toEqual({ line: 5, column: 3 });
  });
});

describe('hashes of a page before and after its context slot is filled', () => {
  const head = '<!doctype html><main><h1>Straßenbau in Köln – Übersicht</h1>';
  const tail = '</main><footer>© Stadt Potsdam</footer>';

  it('hashesOfSplice gives hashOf of each whole text', () => {
    expect(hashesOfSplice(head, ['<a>', 'Grüße'], tail)).toEqual([hashOf(`${head}<a>${tail}`), hashOf(`${head}Grüße${tail}`)]);
    expect(hashesOfSplice('', ['', 'x'], '')).toEqual([hashOf(''), hashOf('x')]);
  });

  it('fillArticleContextHashed fills like fillArticleContext and hashes both pages', () => {
    const page = `${head}${ARTICLE_CONTEXT_SLOT}${tail}`;
    const context = '<nav>Ähnliche Meldungen</nav>';
    const filled = fillArticleContextHashed(page, context);
    expect(filled.html).toBe(fillArticleContext(page, context));
    expect([filled.baseHash, filled.hash]).toEqual([hashOf(page), hashOf(filled.html)]);
    // A theme without the slot: the page as it is, one hash for both.
    expect(fillArticleContextHashed(head, context)).toEqual({ html: head, baseHash: hashOf(head), hash: hashOf(head) });
  });
});
