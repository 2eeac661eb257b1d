import type { Nodes, Root } from 'mdast';

/** The Markdown dialect a body needs. */
export type Syntax = 'commonmark' | 'tables' | 'gfm';

export interface GfmNeeds {
  /** What the body needs for certain: GFM for strikethrough, footnotes, task lists, e-mail addresses; tables; or neither. */
  readonly syntax: Syntax;
  /** Whether it may hold a bare URL; only the parsed text can tell (`hasUrlLiteral`). */
  readonly urlLiterals: boolean;
}

/** Sequences that only full GFM gives a meaning (the `@` of e-mail autolinks included). */
const GFM_SYNTAX = /[~@]|\[\^|\[[ xX]\]/;
/** A table needs a pipe, or a delimiter row with a colon: GFM reads "Titel\n:-" as a one-column table. */
const TABLE_HINT = /\||:-|-:/;
/** The start of a URL that GFM would turn into a link on its own (autolink literal). */
const URL_LITERAL = /https?:\/\/|www\./i;

/**
 * What a body needs of GitHub-flavoured Markdown. Conservative: a body rendered with less than
 * full GFM gives byte-identical HTML to one rendered with it. This matters for speed: full GFM
 * more than doubles parse time, mostly for autolink literals, and few news bodies use them.
 */
export function gfmNeeds(markdown: string): GfmNeeds {
  if (GFM_SYNTAX.test(markdown)) return { syntax: 'gfm', urlLiterals: false };
  return { syntax: TABLE_HINT.test(markdown) ? 'tables' : 'commonmark', urlLiterals: URL_LITERAL.test(markdown) };
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
