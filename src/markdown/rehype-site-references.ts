import type { Element, Root } from 'hast';
import type { RuleId } from '../model/rules.js';
import { withBasePath } from '../model/urls.js';
import { isAllowed } from '../util/hosts.js';
import { urlSchemeOf } from '../util/url-ref.js';
import { forEachElement } from './walk.js';
import { messages, rulesIn, type ProblemText } from '../model/messages.js';
import { closestFile, referenceFrom } from '../util/suggest.js';
import { fileSizeLabel, fileTypeLabel } from '../util/file-size.js';
import type { VFile } from 'vfile';
import type { AssetInfo } from '../model/types.js';
import { isLocalReference, resolveReference } from './resolve.js';

/** Per-file input of the plugin, passed through `file.data` because the processor is frozen. */
export interface ReferenceData {
  /** The source's path relative to the content folder. */
  readonly src: string;
  /** Prefix of placeholders for links to other articles, unique per source. */
  readonly tokenPrefix: string;
  readonly assets: ReadonlyMap<string, AssetInfo>;
  readonly basePath: string;
  readonly allowedHosts: readonly string[];
  /** Locale of the site's number format, for the size of linked downloads ("PDF, 245 KB"). */
  readonly locale: string;
  /** Every content file the body refers to, found or not: the rendered HTML depends on them. */
  readonly usedAssets: Set<string>;
  /** The site's language, for the "did you mean" hint of a missing file. */
  readonly language?: string;
  /** Collected links to other Markdown sources and to site paths. */
  readonly links: { token: string; target: string; sitePath?: string; fragment: string; line?: number; column?: number }[];
}

declare module 'vfile' {
  interface DataMap {
    references: ReferenceData;
  }
}

function place(node: Element): { line?: number; column?: number } {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : {};
}


/** "Did you mean …?" for a file that differs only in case or by a typo from one that exists. */
function didYouMean(refs: ReferenceData, rel: string): string | undefined {
  const close = closestFile(rel, refs.assets.keys());
  return close === undefined ? undefined : messages(refs.language).ui.report.didYouMean({ name: referenceFrom(refs.src, close) });
}

/**
 * The site path a site-absolute link means: `/presse/2025/x/` under the base path `/presse/` is
 * `/2025/x/` (never prefixed twice), `/impressum/` is itself. A query or fragment is kept apart.
 */
export function sitePathOf(href: string, basePath: string): { sitePath: string; fragment: string } {
  const cut = href.search(/[?#]/);
  const pathPart = cut === -1 ? href : href.slice(0, cut);
  const fragment = cut === -1 ? '' : href.slice(cut);
  if (basePath !== '/' && (pathPart.startsWith(basePath) || `${pathPart}/` === basePath)) return { sitePath: `/${pathPart.slice(basePath.length)}`, fragment };
  return { sitePath: pathPart, fragment };
}

/**
 * Rewrites links and images that point at files of the content folder: a link to another
 * article's `.md` becomes a placeholder resolved to its URL once all URLs are known; images and
 * other files become their copied URL, with responsive variants, size and lazy loading.
 */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

export default function rehypeSiteReferences() {
  return (tree: Root, file: VFile): void => {
    const refs = file.data.references;
    if (!refs) return;
    const t = rulesIn(refs.language);
    const fail = (node: Element, text: ProblemText, ruleId: RuleId): void => {
      const message = file.message(text.reason, { place: node.position, ruleId, source: 'stadtbote' });
      message.fatal = true;
      if (text.fix) message.note = text.fix;
    };
    forEachElement(tree, (node) => {
      if (node.tagName === 'a' && typeof node.properties.href === 'string') {
        const href = node.properties.href;
        const scheme = urlSchemeOf(href);
        // `javascript:` and `data:` links run code or smuggle documents in the reader's browser.
        if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) return fail(node, t['unsafe-link'].scheme({ href: href.slice(0, 60), scheme }), 'unsafe-link');
        if (!isLocalReference(href)) return;
        const target = resolveReference(refs.src, href);
        if (!target.ok) return fail(node, t['link-outside'].outside({ href }), 'link-outside');
        if (/\.md$/i.test(target.rel)) {
          const token = `${refs.tokenPrefix}${refs.links.length}`;
          refs.links.push({ token, target: target.rel, fragment: target.fragment, ...place(node) });
          node.properties.href = token;
          return;
        }
        // A file the page depends on, found or not (added later, the page is rendered again); `/` or `/impressum/` name folders, never a file.
        if (target.rel !== '.' && !target.rel.endsWith('/')) refs.usedAssets.add(target.rel);
        const asset = refs.assets.get(target.rel);
        // `/impressum/` is a page of the site, not a file of the content folder; so is `/presse/2025/…`
        // copied from the address bar with the base path. Checked once every output is known.
        if (!asset && href.startsWith('/')) {
          const token = `${refs.tokenPrefix}${refs.links.length}`;
          refs.links.push({ token, target: '', ...sitePathOf(href, refs.basePath), ...place(node) });
          node.properties.href = token;
          return;
        }
        if (!asset) return fail(node, t['missing-file'].link({ href, suggestion: didYouMean(refs, target.rel) ?? '' }), 'missing-file');
        node.properties.href = withBasePath(refs.basePath, asset.url) + target.fragment;
        // A download says what it is before it is opened: type and size inside the link, so screen readers read them with it.
        if (asset.bytes !== undefined && !asset.width) {
          node.children.push({ type: 'text', value: ' ' }, { type: 'element', tagName: 'span', properties: { className: ['file-info'] }, children: [{ type: 'text', value: `(${fileTypeLabel(asset.url)}, ${fileSizeLabel(asset.bytes, refs.locale)})` }] });
        }
        return;
      }
      if (node.tagName === 'img' && typeof node.properties.src === 'string') {
        const src = node.properties.src;
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
        if (alt === '') fail(node, t['missing-alt'].body({ src }), 'missing-alt');
        if (!isLocalReference(src)) {
          let host = '';
          try {
            host = new URL(src, 'https://invalid.invalid/').host;
          } catch {
            /* reported below */
          }
          if (!isAllowed(host, refs.allowedHosts)) {
            fail(node, t['external-resource'].bodyImage({ src, host: host || '?' }), 'external-resource');
          }
          return;
        }
        const target = resolveReference(refs.src, src);
        if (!target.ok) return fail(node, t['image-outside'].body({ src }), 'image-outside');
        refs.usedAssets.add(target.rel);
        const asset = refs.assets.get(target.rel);
        if (!asset) return fail(node, t['missing-image'].body({ src, looked: `content/${target.rel}`, suggestion: didYouMean(refs, target.rel) ?? '' }), 'missing-image');
        if (asset.unreadable) return;
        node.properties.src = withBasePath(refs.basePath, asset.url);
        if (asset.width && asset.height) {
          node.properties.width = asset.width;
          node.properties.height = asset.height;
        }
        if (asset.variants && asset.variants.length > 0) {
          node.properties.srcSet = [...asset.variants.map((v) => `${withBasePath(refs.basePath, v.url)} ${v.width}w`), `${withBasePath(refs.basePath, asset.url)} ${asset.width ?? ''}w`].join(', ');
          node.properties.sizes = '(max-width: 48rem) 100vw, 48rem';
        }
        node.properties.loading = 'lazy';
        node.properties.decoding = 'async';
      }
    });
  };
}
