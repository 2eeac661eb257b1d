import { resolveReference } from '../markdown/resolve.js';
import type { Problem } from '../model/problem.js';
import type { AssetInfo, AttachmentData, SourceFile } from '../model/types.js';
import type { DownloadView } from '../theme/views.js';
import { fileSizeLabel, fileTypeLabel } from '../util/file-size.js';

/**
 * The article's `attachments:` as its downloads block shows them: each a file of the content
 * folder (marked as used, so the page follows its bytes in the cache), with type and size.
 */
export function downloadsOf(
  source: SourceFile,
  attachments: readonly AttachmentData[],
  assets: ReadonlyMap<string, AssetInfo>,
  used: Set<string>,
  positionOf: (field: string) => { line: number; column: number } | undefined,
  locale: string,
): { downloads: DownloadView[]; problems: Problem[] } {
  const downloads: DownloadView[] = [];
  const problems: Problem[] = [];
  attachments.forEach((attachment, i) => {
    const field = `attachments.${i}.src`;
    const problem = (reason: string, fix: string): void => {
      // Positions are asked for only with a problem: from the Markdown cache they cost a parse of the frontmatter.
      const at = positionOf(field) ?? { line: 1, column: 1 };
      problems.push({ file: source.display, ...at, ruleId: 'missing-file', field, reason, fix, severity: 'error' });
    };
    const target = resolveReference(source.rel, attachment.src);
    if (!target.ok) return problem(`${field} "${attachment.src}" ${target.reason}`, 'put the file next to the article or in the content folder');
    used.add(target.rel);
    const asset = assets.get(target.rel);
    if (!asset) return problem(`${field} "${attachment.src}" does not exist`, 'check the file name and folder');
    if (asset.unreadable) return;
    // Images are encoded anew; their full-size copy is what a download of them gives.
    const type = fileTypeLabel(asset.url);
    downloads.push({ url: asset.url, title: attachment.title, type, ...(asset.bytes !== undefined ? { size: fileSizeLabel(asset.bytes, locale) } : {}) });
  });
  return { downloads, problems };
}
