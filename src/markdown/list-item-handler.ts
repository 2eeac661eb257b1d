import type { List, ListItem, Parents } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { defaultHandlers } from './vendor.js';

/**
 * mdast-util-to-hast decides for every list item whether its list is loose by walking all of the
 * list's items (`listLoose(parent)`): quadratic, 40,000 items took 45 s. The answer is the same for
 * every item of a list, so it is computed once per list here and handed to the library's own
 * handler through a stand-in parent with no items to walk. Same HTML, linear time.
 */
const looseness = new WeakMap<List, List>();

function standIn(list: List): List {
  let stub = looseness.get(list);
  if (!stub) {
    const loose = Boolean(list.spread) || list.children.some((item) => (item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread));
    stub = { type: 'list', spread: loose, children: [] };
    looseness.set(list, stub);
  }
  return stub;
}

export function listItemHandler(state: State, node: ListItem, parent: Parents | undefined): ReturnType<typeof defaultHandlers.listItem> {
  return defaultHandlers.listItem(state, node, parent?.type === 'list' ? standIn(parent) : parent);
}
