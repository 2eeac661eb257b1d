import path from 'node:path';
import type { Root as MdastRoot } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * An old address reduced to what identifies a post on its host: path and query, without the host,
 * the fragment, a trailing `index.html` or a trailing slash. Undefined for anything not http(s).
 */
export function addressKey(href: string, base: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(href, base && /^https?:/i.test(base) ? base : 'http://old.invalid/');
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  let pathname = url.pathname.replace(/\/index\.html?$/i, '/');
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '');
  let decoded = pathname;
  try {
    decoded = decodeURI(pathname);
  } catch {
    // A malformed escape is compared as written.
  }
  let search = url.search;
  try {
    // `?a[b]=1` and `?a%5Bb%5D=1` are the same address.
    search = decodeURIComponent(search);
  } catch {
    // Compared as written.
  }
  return `${url.host}${decoded}${search}`;
}

/** Stands in for the host of a source that names none (a static-site folder). */
export const UNKNOWN_HOST = 'http://old.invalid/';

/** The absolute address of a post on the old site, for resolving its relative links. */
export function pageAddress(oldUrl: string | undefined, siteUrl: string | undefined): string {
  const site = siteUrl && /^https?:/i.test(siteUrl) ? siteUrl : UNKNOWN_HOST;
  try {
    return new URL(oldUrl ?? '', site).href;
  } catch {
    return site;
  }
}

/** Old address (by `addressKey`) → the imported file (content-relative path) and whether it is live. */
export type AddressIndex = ReadonlyMap<string, { readonly file: string; readonly unpublished: boolean }>;

/**
 * Links from one imported post to another become relative links to its new Markdown file, which the
 * build turns into the new URL. Links into the old site to anything not imported become absolute
 * links to the old host (when the source names it), so that they still lead somewhere; other links
 * stay as they are.
 */
export function rewriteLinks(tree: MdastRoot, fileRel: string, page: string, index: AddressIndex): { rewritten: number; unlinked: string[] } {
  const host = new URL(page).host;
  const known = !page.startsWith(UNKNOWN_HOST);
  let rewritten = 0;
  const unlinked: string[] = [];
  visit(tree, 'link', (node, position, parent) => {
    const href = node.url;
    if (href === '' || href.startsWith('#')) return;
    let url: URL;
    try {
      url = new URL(href, page);
    } catch {
      return;
    }
    if (url.host !== host || !/^https?:$/.test(url.protocol)) return;
    const key = addressKey(url.href, undefined);
    const target = key ? index.get(key) : undefined;
    if (target?.unpublished && parent && position !== undefined) {
      // A link to a draft or a scheduled post would break the build: its text stays, the link goes.
      parent.children.splice(position, 1, ...node.children);
      unlinked.push(href);
      return [SKIP, position];
    }
    if (target) {
      node.url = path.posix.relative(path.posix.dirname(fileRel), target.file) + url.hash;
      rewritten++;
    } else if (known) node.url = url.href;
    return undefined;
  });
  return { rewritten, unlinked };
}

/** Every imported item's old addresses (its own and the others that named it) → its file. */
export function addressIndex(items: readonly { file: string; date: { epochMs: number }; item: { draft: boolean; oldUrl?: string; otherUrls?: readonly string[] } }[], siteUrl: string | undefined, now: number): AddressIndex {
  const index = new Map<string, { file: string; unpublished: boolean }>();
  for (const p of items) {
    const unpublished = p.item.draft || p.date.epochMs > now;
    for (const url of [p.item.oldUrl, ...(p.item.otherUrls ?? [])]) {
      const key = url ? addressKey(pageAddress(url, siteUrl), undefined) : undefined;
      if (key && !index.has(key)) index.set(key, { file: p.file, unpublished });
    }
  }
  return index;
}
