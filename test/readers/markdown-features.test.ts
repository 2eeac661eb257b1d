import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de.js';
import { markdownProcessor, type RawHtmlPolicy } from '../../src/markdown/processor.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const BODY = `Einleitung mit Fußnote[^1] und einem [Sprung](#öffnungszeiten).

## Inhalt

## Öffnungszeiten

- [x] Bürgeramt mit **Termin**
- [ ] Bauamt
  - Unterpunkt

## Inhalt

[^1]: Quelle: Kreistag.
`;

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, out);
  return out;
}
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');

describe.each<RawHtmlPolicy>(['none', 'sanitize'])('Markdown features for readers (raw HTML policy %s)', (policy) => {
  const html = String(markdownProcessor(policy, 'gfm', de).processSync(BODY));
  const all = elements(parseFragment(html));

  it('gives headings unique ids, never the skip link target "inhalt"', () => {
    const ids = all.map((el) => attr(el, 'id')).filter((id): id is string => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('inhalt');
    expect(all.filter((el) => /^h[1-6]$/.test(el.tagName) && text(el) === 'Öffnungszeiten').map((el) => attr(el, 'id'))).toEqual(['öffnungszeiten']);
  });

  it('points every same-page link at an element that exists', () => {
    const ids = new Set(all.map((el) => attr(el, 'id')));
    const targets = all.filter((el) => el.tagName === 'a' && attr(el, 'href')?.startsWith('#')).map((el) => decodeURIComponent(attr(el, 'href')!.slice(1)));
    expect(targets.length).toBeGreaterThanOrEqual(3);
    for (const target of targets) expect(ids.has(target), target).toBe(true);
  });

  it('writes footnotes in the site language', () => {
    const section = all.find((el) => el.tagName === 'section' && attr(el, 'class') === 'footnotes')!;
    const heading = elements(section).find((el) => /^h[1-6]$/.test(el.tagName))!;
    expect(text(heading)).toBe('Fußnoten');
    expect(attr(heading, 'class')).toBe('sr-only');
    const back = elements(section).find((el) => el.tagName === 'a' && attr(el, 'data-footnote-backref') !== undefined)!;
    expect(attr(back, 'aria-label')).toBe('Zurück zum Text der Fußnote 1');
  });

  it('names every task-list checkbox by its label', () => {
    const boxes = all.filter((el) => el.tagName === 'input' && attr(el, 'type') === 'checkbox');
    expect(boxes).toHaveLength(2);
    const labels = all.filter((el) => el.tagName === 'label');
    expect(labels.map((l) => text(l).trim())).toEqual(['Bürgeramt mit Termin', 'Bauamt']);
    for (const label of labels) expect(elements(label).filter((el) => el.tagName === 'input')).toHaveLength(1);
  });
});
