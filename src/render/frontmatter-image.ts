import { messages, rulesIn, type ProblemText } from '../model/messages.js';
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
  const t = rulesIn(language);
  const problem = (text: ProblemText, ruleId: RuleId): { problem: Problem } => ({
    problem: { file: source.display, ...at(), ruleId, field: 'image.src', ...text, severity: 'error' },
  });
  if (isUrl(src)) {
    return problem(t['external-image'].url({ src }), 'external-image');
  }
  if (!target.ok) return problem(t['image-outside'].frontmatter({ src }), 'image-outside');
  const asset = assets.get(target.rel);
  if (!asset) {
    // A name that differs only in case or by a typo gets a "did you mean".
    const close = closestFile(target.rel, assets.keys());
    const suggestion = close === undefined ? '' : messages(language).ui.report.didYouMean({ name: referenceFrom(source.rel, close) });
    const looked = `${source.display.slice(0, source.display.length - source.rel.length)}${target.rel}`;
    return problem(t['missing-image'].frontmatter({ src, looked, suggestion }), 'missing-image');
  }
  if (asset.unreadable) return {};
  if (!asset.width || !asset.height) return problem(t['invalid-image'].notRaster({ src }), 'invalid-image');
  return { info: { url: asset.url, width: asset.width, height: asset.height, variants: asset.variants ?? [], ...(asset.social ? { social: asset.social } : {}) } };
}
