import { hashOf } from '../util/hash.js';

/**
 * What of an article page the search index is made from: the page's `<html>` tag, its `<title>` and
 * the one element marked `data-pagefind-body`, where every `data-pagefind-*` attribute of the page
 * is. Pagefind reads nothing else of such a page, so the index is made from this view
 * (search/pagefind.ts) and keyed by it: a template edit outside the indexed element (a footer line,
 * the header, the styles) leaves every part of the index as it was instead of indexing the archive
 * again. Where a page does not have that shape — no marked element or more than one, a
 * `data-pagefind-*` attribute outside it, an element whose end cannot be told from its tags — the
 * view is the whole page, which is always right, only slower to keep.
 *
 * Hand-written on strings, not a parsed tree: it runs on every article page of every build with
 * search, where a parse would cost more than the indexing it saves. It only cuts out a balanced
 * element from markup the theme made; anything it cannot be sure of falls back to the whole page.
 */
export function searchView(html: string): string {
  const marker = html.indexOf('data-pagefind-body');
  if (marker === -1 || html.indexOf('data-pagefind-body', marker + 1) !== -1) return html;
  const start = html.lastIndexOf('<', marker);
  const name = /^<([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/.exec(html.slice(start, html.indexOf('>', marker) + 1))?.[1]?.toLowerCase();
  if (start === -1 || !name) return html;
  const end = elementEnd(html, start, name);
  if (end === -1) return html;
  // Inside comments and raw-text elements a tag is text: the count above could be wrong there.
  if (RAW_TEXT.test(html.slice(start, end))) return html;
  // Every instruction to Pagefind must be inside the element: anything outside would be left out of the view.
  const before = html.slice(0, start);
  const after = html.slice(end);
  if (before.includes('data-pagefind-') || after.includes('data-pagefind-')) return html;
  const htmlTag = /<html\b[^<>]*>/i.exec(before)?.[0] ?? '<html>';
  const title = /<title>[^<]*<\/title>/i.exec(before)?.[0] ?? '';
  return `<!DOCTYPE html>\n${htmlTag}\n<head>${title}</head>\n<body>\n${html.slice(start, end)}\n</body>\n</html>\n`;
}

const RAW_TEXT = /<!--|<(?:script|style|textarea|template|title|xmp|iframe|noembed|noframes|noscript|plaintext)\b/i;

/** Where the element opened at `start` ends (after its closing tag), counting nested elements of its name; -1 when the tags do not balance. */
function elementEnd(html: string, start: number, name: string): number {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^<>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    // The element's own opening tag comes first; then each nested one opens and closes.
    if (depth === 0 && (m.index !== start || m[1])) return -1;
    if (m[0].endsWith('/>') && !m[1]) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** The hash a search part's key is made of for a page (search/pagefind.ts `searchKey`): the same wherever a page is finished. */
export function searchViewHash(html: string): string {
  return hashOf(searchView(html));
}
