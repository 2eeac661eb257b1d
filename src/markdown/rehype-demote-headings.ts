import type { Element, Root } from 'hast';
import { forEachElement } from './walk.js';

const HEADING = /^h([1-6])$/;

/** The page's title is its only h1, so a body that uses `#` headings is shifted down one level. */
export default function rehypeDemoteHeadings() {
  return (tree: Root): void => {
    const headings: Element[] = [];
    forEachElement(tree, (node) => {
      if (HEADING.test(node.tagName)) headings.push(node);
    });
    if (!headings.some((h) => h.tagName === 'h1')) return;
    for (const node of headings) node.tagName = `h${Math.min(6, Number(node.tagName[1]) + 1)}`;
  };
}
