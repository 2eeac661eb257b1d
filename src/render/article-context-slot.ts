import { hashesOfSplice, hashOf } from '../util/hash.js';

/**
 * The placeholder an article page carries where its links to other articles (related, previous,
 * next) go. A page is rendered from its own source alone (cacheable, parallel); these links depend
 * on every other article, so they are put in once all are known, like links between sources.
 */
export const ARTICLE_CONTEXT_SLOT = '<!--stadtbote:article-context-->';

/** The page with its slot filled; a theme whose article template has no slot gets the page unchanged. */
export function fillArticleContext(html: string, context: string): string {
  const at = html.indexOf(ARTICLE_CONTEXT_SLOT);
  return at === -1 ? html : html.slice(0, at) + context + html.slice(at + ARTICLE_CONTEXT_SLOT.length);
}

/** The page with its slot filled, its hash as rendered (`baseHash`) and as filled (`hash`), the part before the slot hashed once. */
export function fillArticleContextHashed(html: string, context: string): { html: string; baseHash: string; hash: string } {
  const at = html.indexOf(ARTICLE_CONTEXT_SLOT);
  if (at === -1) {
    const hash = hashOf(html);
    return { html, baseHash: hash, hash };
  }
  const head = html.slice(0, at);
  const tail = html.slice(at + ARTICLE_CONTEXT_SLOT.length);
  const [baseHash, hash] = hashesOfSplice(head, [ARTICLE_CONTEXT_SLOT, context], tail);
  return { html: head + context + tail, baseHash, hash };
}
