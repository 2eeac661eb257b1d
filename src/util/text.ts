/**
 * Text as Stadtbote reads it: one kind of line break, no byte-order mark, and named sets of the
 * characters that never belong in a field, a path or an XML document. The sets are written with
 * Unicode properties (`\p{Cc}`: C0 and C1 control characters) rather than code-point ranges.
 */

/**
 * Drops a leading byte-order mark and turns CRLF (Windows editors) and a lone CR (old Mac files)
 * into LF, so that line and column numbers mean the same for every file.
 */
export function normalizeNewlines(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/** Any control character, C0 (U+0000–U+001F), DEL or C1 (U+007F–U+009F). */
export const CONTROL_CHARACTER = /\p{Cc}/u;

/** A control character other than tab and line feed: what never belongs in an editor's text. */
export const CONTROL_CHARACTER_IN_TEXT = /(?![\t\n])\p{Cc}/u;

/**
 * Characters XML 1.0 does not allow: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF, and
 * lone surrogates (with the `u` flag a surrogate range matches only unpaired halves).
 */
export const NOT_XML_CHARACTER = /(?![\t\n\r\u007f-\u009f])\p{Cc}|[\ufffe\uffff\ud800-\udfff]/gu;

/** Lone surrogates: UTF-8 cannot encode them. */
export const LONE_SURROGATE = /[\ud800-\udfff]/gu;
