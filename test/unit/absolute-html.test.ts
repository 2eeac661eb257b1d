import { describe, expect, it } from 'vitest';
import { markdownProcessor } from '../../src/markdown/processor.js';
import { absolutizeHtml } from '../../src/outputs/absolute.js';

const ORIGIN = 'https://example.org';
const PAGE = 'https://example.org/presse/2025/02-13-titel/';
const abs = (html: string): string => absolutizeHtml(html, ORIGIN, PAGE);

/** Body HTML as the Markdown stage writes it, so the tests see real output, not hand-written markup. */
function render(markdown: string): string {
  return String(markdownProcessor('none').processSync(markdown));
}

describe('absolutizeHtml (feed bodies)', () => {
  it('makes site paths and fragments in attributes absolute', () => {
    expect(abs('<p><a href="/presse/impressum/">Impressum</a> <a href="#teil-2">Teil 2</a></p>')).toBe(
      `<p><a href="${ORIGIN}/presse/impressum/">Impressum</a> <a href="${PAGE}#teil-2">Teil 2</a></p>`,
    );
  });

  it('leaves absolute, protocol-relative, mailto and relative URLs alone', () => {
    const html = '<p><a href="https://other.example/x">a</a> <a href="//cdn.example/x">b</a> <a href="mailto:a@b.de">c</a> <a href="x.html">d</a></p>';
    expect(abs(html)).toBe(html);
  });

  it('does not touch an href written inside a code span', () => {
    const html = render('Schreiben Sie `<a href="/impressum/">Impressum</a>` in die Vorlage.');
    expect(html).toContain('href="/impressum/"');
    expect(abs(html)).toBe(html);
  });

  it('does not touch markup shown in a pre block', () => {
    const html = render('```html\n<img src="/logo.png" srcset="/logo-2x.png 2x">\n<a href=\'#oben\'>oben</a>\n```');
    expect(abs(html)).toBe(html);
  });

  it('does not touch attribute-like text in a paragraph or in an attribute value', () => {
    const text = '<p>Das Attribut src="/bild.jpg" steht im Text.</p>';
    expect(abs(text)).toBe(text);
    const title = '<p><a href="https://example.net/" title=\' href="/x"\'>extern</a></p>';
    expect(abs(title)).toContain(' href="/x"');
    expect(abs(title)).not.toContain(`${ORIGIN}/x`);
  });

  it('rewrites every candidate of a srcset and keeps its descriptors', () => {
    const html = '<p><img src="/m/a.jpg" srcset="/m/a-480.webp 480w, /m/a-960.webp 960w, https://cdn.example/a.webp 1200w" alt="A"></p>';
    expect(abs(html)).toBe(
      `<p><img src="${ORIGIN}/m/a.jpg" srcset="${ORIGIN}/m/a-480.webp 480w, ${ORIGIN}/m/a-960.webp 960w, https://cdn.example/a.webp 1200w" alt="A"></p>`,
    );
  });

  it('rewrites poster and cite', () => {
    expect(abs('<video src="/v.mp4" poster="/v.jpg"></video><blockquote cite="/quelle/"><p>x</p></blockquote>')).toBe(
      `<video src="${ORIGIN}/v.mp4" poster="${ORIGIN}/v.jpg"></video><blockquote cite="${ORIGIN}/quelle/"><p>x</p></blockquote>`,
    );
  });

  it('returns the input unchanged, byte for byte, when nothing needs rewriting', () => {
    const teaser = '<p>Kurz &#38; knapp: &#60;b&#62;</p>';
    expect(abs(teaser)).toBe(teaser);
  });

  // Re-serialised from the tree, so the one difference is that valueless attributes get `=""` (the same HTML).
  it('keeps the markup of a rendered body otherwise identical', () => {
    const html = render('# Titel\n\nText mit [Link](/impressum/) und `code & <tags>`, „Anführung“ & mehr.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nFußnote[^1].\n\n[^1]: Hinweis.');
    const out = abs(html);
    expect(out).toContain(`href="${ORIGIN}/impressum/"`);
    const valueless = html.replace('data-footnote-ref ', 'data-footnote-ref="" ').replace('data-footnotes ', 'data-footnotes="" ');
    expect(out.replaceAll(`${ORIGIN}/impressum/`, '/impressum/').replaceAll(PAGE + '#', '#')).toBe(valueless);
  });
});

describe('absolutizeHtml screen', () => {
  it('still finds a site path that is not the first candidate of a srcset', () => {
    const html = '<img srcset="https://cdn.example/a.webp 1x, /m/b.webp 2x" alt="">';
    expect(abs(html)).toBe(`<img srcset="https://cdn.example/a.webp 1x, ${ORIGIN}/m/b.webp 2x" alt="">`);
  });

  it('still finds site paths in single-quoted attributes', () => {
    expect(abs("<a href='/x/'>x</a> <a href='#y'>y</a>")).toBe(`<a href="${ORIGIN}/x/">x</a> <a href="${PAGE}#y">y</a>`);
  });
});
