/**
 * What nearly every path a build handles is: parts of ASCII letters, digits and `._~-`, none `.`
 * or `..`, none empty. Such a path is a safe relative path as it is written, decodes to itself, and
 * holds nothing a URL, a file system or a reader could take for something else. Checks that must
 * take any string (cache/well-formed.ts, write/output-names.ts) answer for it at once and look
 * closer only at other paths: they are asked for every path of a build (10,000 articles: some
 * 50,000 times), where the general checks took some 90 ms of every build from the cache.
 */
const PLAIN_PART = String.raw`(?!\.\.?(?:/|$))[A-Za-z0-9._~-]+`;

/** `2025/03-05-kreistag/index.html`: a plain path relative to a folder. */
export const PLAIN_RELATIVE_PATH = new RegExp(`^(?:${PLAIN_PART}/)*${PLAIN_PART}$`);

/** `/2025/03-05-kreistag/`, `/`: a plain site path, with or without its closing slash. */
export const PLAIN_SITE_PATH = new RegExp(`^/(?:${PLAIN_PART}/)*(?:${PLAIN_PART})?$`);
