/**
 * What kind of reference an `href`/`src` is, decided in one place: a URL with a scheme
 * (`https:`, `mailto:`, `javascript:`), a network-path reference (`//host/x`), or a path on this site.
 * The scheme syntax is RFC 3986's: a letter, then letters, digits, `+`, `-` or `.`, then a colon.
 */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The scheme in lower case (`https`, `mailto`), or undefined for a path or a network-path reference. */
export function urlSchemeOf(ref: string): string | undefined {
  return SCHEME.exec(ref)?.[1]?.toLowerCase();
}

/** Whether the reference is a URL of its own (has a scheme, or starts with `//`) rather than a path. */
export function isUrl(ref: string): boolean {
  return SCHEME.test(ref) || ref.startsWith('//');
}

/** Whether the reference names a host: `scheme://host…` or `//host…` (`mailto:` and `data:` do not). */
export function namesHost(ref: string): boolean {
  const scheme = SCHEME.exec(ref);
  return ref.startsWith('//', scheme ? scheme[0].length : 0);
}
