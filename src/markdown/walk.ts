import type { Element, Root, RootContent } from 'hast';

/**
 * Calls `fn` for every element, depth first. A plain recursive loop: on the render hot path it is
 * several times cheaper than unist-util-visit, which builds ancestor lists we do not need.
 */
export function forEachElement(tree: Root | Element, fn: (node: Element) => void): void {
  const children: RootContent[] = tree.children;
  for (const child of children) {
    if (child.type === 'element') {
      fn(child);
      forEachElement(child, fn);
    }
  }
}
