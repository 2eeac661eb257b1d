/** Invisible characters (zero-width space, soft hyphen, direction marks, BOM…): text with one looks exactly like text without it. */
export const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** The first invisible character of `text` as `U+200B`, or undefined. */
export function invisibleCharacter(text: string): string | undefined {
  const m = INVISIBLE.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
