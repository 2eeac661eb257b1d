import type { Element, Root } from 'hast';
import { forEachElement } from './walk.js';

function alignToClass(cell: Element): void {
  const align = cell.properties.align;
  if (typeof align !== 'string') return;
  delete cell.properties.align;
  if (align === 'left' || align === 'right' || align === 'center') cell.properties.className = [`align-${align}`];
}

export interface ReadableBlocksOptions {
  /** Name of a table's scroll region, `{n}` its number in the text: "Tabelle {n}". */
  readonly tableRegion?: string;
}

/**
 * Makes wide Markdown blocks valid and usable on small screens: GFM column alignment becomes a
 * class (the `align` attribute is obsolete in HTML), tables scroll inside a wrapper and code blocks
 * scroll in place, both focusable so that keyboard users can scroll them (WCAG 2.1.1, axe
 * `scrollable-region-focusable`) while the page itself never scrolls sideways (WCAG 1.4.10).
 * A focusable wrapper is announced by screen readers, so it is a named region ("Tabelle 2", a
 * `<section>` with `aria-label`): focus lands on something with a role and a name.
 */
export default function rehypeReadableBlocks(options: ReadableBlocksOptions = {}) {
  const label = options.tableRegion ?? 'Table {n}';
  let tables = 0;
  const wrap = (parent: Root | Element): void => {
    const children = parent.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type !== 'element') continue;
      if (node.tagName === 'pre') {
        node.properties.tabIndex = 0;
      } else if (node.tagName === 'table') {
        forEachElement(node, (cell) => {
          if (cell.tagName === 'td' || cell.tagName === 'th') alignToClass(cell);
        });
        const name = label.replace('{n}', String(++tables));
        // A named <section> is a region landmark: the native element, rather than a div with role="region".
        children[i] = { type: 'element', tagName: 'section', properties: { className: ['table-scroll'], ariaLabel: name, tabIndex: 0 }, children: [node] };
      } else wrap(node);
    }
  };
  return (tree: Root): void => {
    tables = 0;
    wrap(tree);
  };
}
