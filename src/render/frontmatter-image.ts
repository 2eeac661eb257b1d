import { editorMessages } from '../i18n/editor.js';
import { closestFile, referenceFrom } from '../util/suggest.js';
import { resolveReference } from '../markdown/resolve.js';
import type { Problem } from '../model/problem.js';
import type { RuleId } from '../model/rules.js';
import { isUrl } from '../util/url-ref.js';
import type { AssetInfo, ImageInfo, SourceFile } from '../model/types.js';

/**
 * The article image named in the frontmatter (`image.src`): a raster image of the content folder.
 * Marks the file as used; returns its published form, or the problem with it (at `at()`, the field's
 * position, asked for only then: a page rendered from the Markdown cache reads its frontmatter again for it).
 */
export function frontmatterImage(
  source: SourceFile,
  src: string,
  assets: ReadonlyMap<string, AssetInfo>,
  used: Set<string>,
  at: () => { line: number; column: number },
  language: string,
): { info?: ImageInfo; problem?: Problem } {
  const target = resolveReference(source.rel, src);
  if (target.ok) used.add(target.rel);
  const problem = (reason: string, ruleId: RuleId, fix: string): { problem: Problem } => ({
    problem: { file: source.display, ...at(), ruleId, field: 'image.src', reason, fix, severity: 'error' },
  });
  if (isUrl(src)) {
    return problem(`image.src "${src}" is an address, not a file: images are published from the content folder, never loaded from another host`, 'external-image', 'save the image next to the article and give its file name');
  }
  if (!target.ok) return problem(`image.src "${src}" ${target.reason}`, 'image-outside', 'put the image next to the article or in the content folder');
  const asset = assets.get(target.rel);
  if (!asset) {
    // A name that differs only in case or by a typo gets a "did you mean".
    const close = closestFile(target.rel, assets.keys());
    const fix = close === undefined ? 'check the file name and folder' : editorMessages(language).didYouMean(referenceFrom(source.rel, close));
    return problem(`image.src "${src}" does not exist (looked for ${source.display.slice(0, source.display.length - source.rel.length)}${target.rel})`, 'missing-image', fix);
  }
  if (asset.unreadable) return {};
  if (!asset.width || !asset.height) return problem(`image.src "${src}" is not a JPEG, PNG, WebP, AVIF or GIF image`, 'invalid-image', 'use a raster image');
  return { info: { url: asset.url, width: asset.width, height: asset.height, variants: asset.variants ?? [], ...(asset.social ? { social: asset.social } : {}) } };
}
