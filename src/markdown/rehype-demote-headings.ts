import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const HEADING = /^h([1-6])$/;

/** The page's title is its only h1, so a body that uses `#` headings is shifted down one level. */
export default function rehypeDemoteHeadings() {
  return (tree: Root): void => {
    let hasH1 = false;
    visit(tree, 'element', (node) => {
      if (node.tagName === 'h1') hasH1 = true;
    });
    if (!hasH1) return;
    visit(tree, 'element', (node) => {
      const m = HEADING.exec(node.tagName);
      if (m) node.tagName = `h${Math.min(6, Number(m[1]) + 1)}`;
    });
  };
}
