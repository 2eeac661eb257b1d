import type { Element, ElementContent, Root } from 'hast';
import { phrasing } from './vendor.js';
import { forEachElement } from './walk.js';

// Controls that must not share a <label> with the checkbox; everything else of phrasing content may.
const LABELABLE = new Set(['button', 'input', 'label', 'meter', 'output', 'progress', 'select', 'textarea']);

function fitsInLabel(node: ElementContent): boolean {
  return node.type === 'comment' || (phrasing(node) && !(node.type === 'element' && LABELABLE.has(node.tagName)));
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
        while (end < children.length && fitsInLabel(children[end]!)) end++;
        const label: Element = { type: 'element', tagName: 'label', properties: {}, children: children.slice(i, end) };
        children.splice(i, end - i, label);
      }
    });
  };
}
