/**
 * The start tags of an HTML text, as the external-resource check reads them (checks/external-resources.ts).
 *
 * Hand-written rather than a parser from npm because it runs over every page a build writes and
 * needs nothing but start tags: parse5 (what rehype uses) builds a tree at a fraction of the speed,
 * and the regular expression this replaces allocated a match for each of a page's ~100 tags —
 * 0.9 s of the main thread in a 10,000-article template edit. This scanner allocates nothing for a
 * tag that fetches nothing.
 *
 * The grammar (the one of the former expression, kept so that no page is read differently):
 *
 *     tag       = "<" name *( 1*ws attribute ) *ws [ "/" ] ">"
 *     name      = ALPHA *( ALPHA / DIGIT / ":" / "-" )
 *     attribute = attr-name [ *ws "=" *ws value ]
 *     attr-name = 1*( any character but ws, '"', "'", ">", "/", "=" )
 *     value     = DQUOTE *( not DQUOTE ) DQUOTE / "'" *( not "'" ) "'" / 1*( not ws, '"', "'", "=", "<", ">", "`" )
 *
 * `ws` is what JavaScript's `\s` matches. A `<` that does not start such a tag is text; the scan goes
 * on after it. Every choice in this grammar is decided by the next character that is not white space
 * (after an attribute's name: an `=` makes a value, anything else another attribute or the end), so
 * reading it greedily gives the one way a text can match it.
 */

/** Called with a start tag the caller wants: its name and its attributes (names in lower case, the last of a name counts, values as written). */
export type StartTagVisitor = (name: string, attributes: ReadonlyMap<string, string>) => void;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKTICK = 0x60;

/** JavaScript's `\s`: ASCII and Unicode white space, line terminators and the byte-order mark. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isNameChar(c: number): boolean {
  return isAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2d;
}

function isAttrNameChar(c: number): boolean {
  return c !== DQUOTE && c !== SQUOTE && c !== GT && c !== SLASH && c !== EQUALS && !isSpace(c);
}

function isUnquotedChar(c: number): boolean {
  return c !== DQUOTE && c !== SQUOTE && c !== EQUALS && c !== LT && c !== GT && c !== BACKTICK && !isSpace(c);
}

/** Whether `text` has `style` (any case) from `at` to `end`: an attribute's name. */
function isStyleName(text: string, at: number, end: number): boolean {
  // `| 0x20` makes an ASCII letter lower case; only `S`/`s` give `s`, and so on.
  return end - at === 5 && (text.charCodeAt(at) | 0x20) === 0x73 && (text.charCodeAt(at + 1) | 0x20) === 0x74 && (text.charCodeAt(at + 2) | 0x20) === 0x79 && (text.charCodeAt(at + 3) | 0x20) === 0x6c && (text.charCodeAt(at + 4) | 0x20) === 0x65;
}

/**
 * The start tags of a text a caller wants, by name. Most tags of a page are not wanted: their name
 * is compared by first letter and length before any string is made of it.
 */
export class StartTagScanner {
  /** Wanted names by lower-case first letter and length. */
  private readonly candidates = new Set<number>();
  /** Where the current tag's attributes are: name start, name end, value start, value end (-1: no value); `spanCount` numbers of it are the current tag's. */
  private readonly spans: number[] = [];
  private spanCount = 0;

  constructor(private readonly wanted: ReadonlySet<string>) {
    for (const name of wanted) this.candidates.add(((name.charCodeAt(0) | 0x20) << 8) | Math.min(name.length, 255));
  }

  /**
   * Calls `visit` for every start tag of `text` whose lower-case name is wanted, and for every other
   * one that has a `style` attribute.
   */
  scan(text: string, visit: StartTagVisitor): void {
    const length = text.length;
    let lt = text.indexOf('<');
    while (lt !== -1) {
      const end = this.tagAt(text, lt, length, visit);
      lt = text.indexOf('<', end === undefined ? lt + 1 : end);
    }
  }

  /** Reads the start tag at `lt`, hands it to `visit` when wanted; the index after its `>`, or undefined when no tag starts there. */
  private tagAt(text: string, lt: number, length: number, visit: StartTagVisitor): number | undefined {
    let i = lt + 1;
    if (i >= length || !isAlpha(text.charCodeAt(i))) return undefined;
    while (i < length && isNameChar(text.charCodeAt(i))) i++;
    const nameEnd = i;
    this.spanCount = 0;
    let styled = false;
    for (;;) {
      const spaceStart = i;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (i >= length) return undefined;
      const c = text.charCodeAt(i);
      if (c === GT || (c === SLASH && text.charCodeAt(i + 1) === GT)) {
        const candidate = this.candidates.has(((text.charCodeAt(lt + 1) | 0x20) << 8) | Math.min(nameEnd - lt - 1, 255));
        if (candidate || styled) {
          const name = text.slice(lt + 1, nameEnd).toLowerCase();
          if (styled || this.wanted.has(name)) visit(name, this.attributes(text));
        }
        return c === GT ? i + 1 : i + 2;
      }
      // An attribute needs white space before it; anything else here means this `<` starts no tag.
      if (i === spaceStart || !isAttrNameChar(c)) return undefined;
      const nameAt = i;
      while (i < length && isAttrNameChar(text.charCodeAt(i))) i++;
      styled ||= isStyleName(text, nameAt, i);
      const afterName = i;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== EQUALS) {
        this.span(nameAt, afterName, -1, -1);
        i = afterName;
        continue;
      }
      i++;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      const q = text.charCodeAt(i);
      if (q === DQUOTE || q === SQUOTE) {
        const close = text.indexOf(q === DQUOTE ? '"' : "'", i + 1);
        // No closing quote: the attribute has no value, and the `=` after it ends the tag's chances.
        if (close === -1) return undefined;
        this.span(nameAt, afterName, i + 1, close);
        i = close + 1;
      } else {
        const valueAt = i;
        while (i < length && isUnquotedChar(text.charCodeAt(i))) i++;
        if (i === valueAt) return undefined;
        this.span(nameAt, afterName, valueAt, i);
      }
    }
  }

  private span(nameAt: number, nameEnd: number, valueAt: number, valueEnd: number): void {
    const k = this.spanCount;
    this.spans[k] = nameAt;
    this.spans[k + 1] = nameEnd;
    this.spans[k + 2] = valueAt;
    this.spans[k + 3] = valueEnd;
    this.spanCount = k + 4;
  }

  private attributes(text: string): Map<string, string> {
    const attrs = new Map<string, string>();
    const spans = this.spans;
    for (let k = 0; k < this.spanCount; k += 4) attrs.set(text.slice(spans[k], spans[k + 1]).toLowerCase(), spans[k + 2]! < 0 ? '' : text.slice(spans[k + 2], spans[k + 3]));
    return attrs;
  }
}
