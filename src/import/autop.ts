import type { ElementContent, Root, RootContent } from 'hast';
import { phrasing } from 'hast-util-phrasing';

/**
 * WordPress's classic editor stores paragraphs as blank lines and line breaks as single newlines
 * (its `wpautop` adds `<p>` and `<br>` only when a page is shown). The same on the tree: runs of
 * inline content at the top level become paragraphs, split at blank lines.
 */
export function autoParagraphs(tree: Root): void {
  const out: RootContent[] = [];
  let run: ElementContent[] = [];
  const flush = (): void => {
    const paragraphs: ElementContent[][] = [[]];
    for (const node of run) {
      if (node.type !== 'text') {
        paragraphs[paragraphs.length - 1]!.push(node);
        continue;
      }
      node.value.split(/\n[ \t]*\n\s*/).forEach((part, i) => {
        if (i > 0) paragraphs.push([]);
        const lines = part.split('\n');
        lines.forEach((line, j) => {
          if (j > 0) paragraphs[paragraphs.length - 1]!.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
          if (line !== '') paragraphs[paragraphs.length - 1]!.push({ type: 'text', value: line });
        });
      });
    }
    for (const children of paragraphs) {
      const trimmed = trimBreaks(children);
      if (trimmed.some((c) => c.type !== 'text' || c.value.trim() !== '')) out.push({ type: 'element', tagName: 'p', properties: {}, children: trimmed });
    }
    run = [];
  };
  for (const node of tree.children) {
    if (node.type === 'text' || (node.type === 'element' && phrasing(node))) run.push(node);
    else if (node.type === 'comment' || node.type === 'doctype') out.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  tree.children = out;
}

/** Line breaks at the start or end of a paragraph are the newlines around block elements. */
function trimBreaks(children: ElementContent[]): ElementContent[] {
  let start = 0;
  let end = children.length;
  const blank = (c: ElementContent | undefined): boolean => (c?.type === 'element' && c.tagName === 'br') || (c?.type === 'text' && c.value.trim() === '');
  while (start < end && blank(children[start])) start++;
  while (end > start && blank(children[end - 1])) end--;
  return children.slice(start, end);
}
