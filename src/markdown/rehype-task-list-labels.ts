import type { Element, ElementContent, Root } from 'hast';
import { forEachElement } from './walk.js';

// Elements that may sit inside a <label> next to its checkbox.
const PHRASING = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

function isPhrasing(node: ElementContent): boolean {
  return node.type === 'text' || node.type === 'comment' || (node.type === 'element' && PHRASING.has(node.tagName));
}

function isCheckbox(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'input' && node.properties.type === 'checkbox';
}

/**
 * GFM task lists (`- [x] erledigt`) become a checkbox followed by text; a checkbox without a label
 * has no accessible name (WCAG 4.1.2, axe rule `label`). The checkbox and the text of its item are
 * wrapped in one <label>, so a screen reader says "erledigt, Kontrollkästchen, aktiviert".
 */
export default function rehypeTaskListLabels() {
  return (tree: Root): void => {
    forEachElement(tree, (node) => {
      if (node.tagName === 'label') return;
      const children = node.children;
      for (let i = 0; i < children.length; i++) {
        if (!isCheckbox(children[i]!)) continue;
        let end = i + 1;
        while (end < children.length && isPhrasing(children[end]!)) end++;
        const label: Element = { type: 'element', tagName: 'label', properties: {}, children: children.slice(i, end) };
        children.splice(i, end - i, label);
      }
    });
  };
}
