import type { Root } from 'hast';
import { GithubSlugger, hastToString as toString } from './vendor.js';
import { forEachElement } from './walk.js';

const HEADING = /^h[1-6]$/;

/** Ids the default theme gives the page around a body: the skip link's target. */
export const THEME_IDS: readonly string[] = ['inhalt'];

/**
 * Ids on body headings as GitHub makes them (`## Öffnungszeiten` → `öffnungszeiten`), so that
 * `[siehe unten](#öffnungszeiten)` works. rehype-slug does the same but cannot be told which ids the
 * page around the body already uses; here those are taken first, so a heading "Inhalt" becomes
 * `inhalt-1` instead of a second `inhalt` that would break the skip link.
 */
export default function rehypeHeadingIds(options: { reserved?: readonly string[] } = {}) {
  const reserved = options.reserved ?? THEME_IDS;
  return (tree: Root): void => {
    const slugger = new GithubSlugger();
    for (const id of reserved) slugger.slug(id);
    forEachElement(tree, (node) => {
      if (!HEADING.test(node.tagName) || node.properties.id !== undefined) return;
      const id = slugger.slug(toString(node));
      if (id !== '') node.properties.id = id;
    });
  };
}
