/**
 * Whether a Markdown body may use any GitHub-flavoured syntax: tables, strikethrough, footnotes,
 * task lists or bare URLs and e-mail addresses (autolink literals). Conservative: `false` only when
 * the plain CommonMark parse gives the same result, so most news bodies skip GFM's cost (it more
 * than doubles parse time, mostly for autolink literals) without changing a byte of output.
 */
export function needsGfm(markdown: string): boolean {
  if (/[|~@]|\[\^|\[[ xX]\]/.test(markdown)) return true;
  const literal = /https?:\/\/|www\./gi;
  for (let m = literal.exec(markdown); m; m = literal.exec(markdown)) {
    // Walk back to the start of the URL-like token; a link destination `](…)` or `<…>` is not a literal.
    let start = m.index;
    while (start > 0 && !/[\s(<[\]]/.test(markdown[start - 1]!)) start--;
    const before = markdown[start - 1];
    if (before === '<') continue;
    if (before === '(' && markdown[start - 2] === ']') continue;
    return true;
  }
  return false;
}
