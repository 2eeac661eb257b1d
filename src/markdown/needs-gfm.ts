import type { Nodes, Root } from 'mdast';

/** Characters and sequences that only GitHub-flavoured syntax gives a meaning. */
const GFM_SYNTAX = /[|~@]|\[\^|\[[ xX]\]/;
/** The start of a URL that GFM would turn into a link on its own (autolink literal). */
const URL_LITERAL = /https?:\/\/|www\./i;

/**
 * Whether a Markdown body may use GitHub-flavoured syntax: tables, strikethrough, footnotes, task
 * lists, e-mail addresses (`yes`), possibly bare URLs (`maybe`: only the parsed text can tell, since
 * a URL inside `[text](…)` or `<…>` is no literal), or none (`no`). Conservative: a body that is
 * rendered without GFM gives byte-identical HTML to one rendered with it. Skipping GFM matters:
 * it more than doubles parse time, mostly for autolink literals.
 */
export function needsGfm(markdown: string): 'yes' | 'maybe' | 'no' {
  if (GFM_SYNTAX.test(markdown)) return 'yes';
  return URL_LITERAL.test(markdown) ? 'maybe' : 'no';
}

/**
 * Whether text parsed without GFM holds something GFM would turn into a link. Text inside a link
 * (`[www.x.org](…)`, `<https://…>`) is already a link: GFM does not nest another one in it.
 */
export function hasUrlLiteral(tree: Root): boolean {
  const walk = (node: Nodes): boolean => {
    if (node.type === 'text') return URL_LITERAL.test(node.value);
    if (node.type === 'link') return false;
    return 'children' in node && node.children.some(walk);
  };
  return walk(tree);
}
