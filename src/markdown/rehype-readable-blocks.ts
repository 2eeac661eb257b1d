import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

function alignToClass(cell: Element): void {
  const align = cell.properties.align;
  if (typeof align !== 'string') return;
  delete cell.properties.align;
  if (align === 'left' || align === 'right' || align === 'center') cell.properties.className = [`align-${align}`];
}

/**
 * Makes wide Markdown blocks valid and usable on small screens: GFM column alignment becomes a
 * class (the `align` attribute is obsolete in HTML), tables scroll inside a wrapper and code blocks
 * scroll in place, both focusable so that keyboard users can scroll them (WCAG 2.1.1, axe
 * `scrollable-region-focusable`) while the page itself never scrolls sideways (WCAG 1.4.10).
 */
export default function rehypeReadableBlocks() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'pre') {
        node.properties.tabIndex = 0;
        return SKIP;
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      visit(node, 'element', (cell: Element) => {
        if (cell.tagName === 'td' || cell.tagName === 'th') alignToClass(cell);
      });
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0 }, children: [node] };
      return [SKIP, index + 1];
    });
  };
}
