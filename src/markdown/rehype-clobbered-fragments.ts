import type { Root } from 'hast';
import { forEachElement } from './walk.js';

/**
 * rehype-sanitize prefixes every id from the content (`fn-1` → `user-content-fn-1`) so that raw HTML
 * cannot clobber the page's own ids, but leaves links to them (`#fn-1`) as they are; GitHub mends
 * them with a script. Here they are mended at build time: a same-page link whose target exists only
 * under the prefixed id points at that id. Used only with the sanitize policy.
 */
export default function rehypeClobberedFragments(options: { prefix?: string } = {}) {
  const prefix = options.prefix ?? 'user-content-';
  return (tree: Root): void => {
    const ids = new Set<string>();
    forEachElement(tree, (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    forEachElement(tree, (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      let fragment: string;
      try {
        fragment = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      if (!ids.has(fragment) && ids.has(prefix + fragment)) node.properties.href = `#${prefix}${fragment}`;
    });
  };
}
