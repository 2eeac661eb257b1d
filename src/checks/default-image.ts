import path from 'node:path';
import type { ResolvedSite } from '../config/config.js';
import { resolveReference } from '../markdown/resolve.js';
import type { Problem } from '../model/problem.js';
import type { AssetInfo } from '../model/types.js';

/** `images.default` must name a readable raster image of the content folder. */
export function defaultImageProblems(site: ResolvedSite, assets: ReadonlyMap<string, AssetInfo>, contentPrefix: string): Problem[] {
  const wanted = site.config.images.default;
  if (wanted === undefined) return [];
  const file = site.paths.configFile ? path.relative(site.paths.root, site.paths.configFile).split(path.sep).join('/') : 'config';
  const target = resolveReference('', wanted.startsWith('/') ? wanted : `/${wanted}`);
  const asset = target.ok ? assets.get(target.rel) : undefined;
  const problem = (reason: string, fix: string): Problem[] => [{ file, ruleId: 'default-image', field: 'images.default', reason, fix, severity: 'error' }];
  if (!target.ok) return problem(`images.default "${wanted}" ${target.reason}`, 'give the path of an image in the content folder, e.g. /bilder/wappen.png');
  if (!asset) return problem(`images.default "${wanted}" does not exist (looked for ${contentPrefix}${target.rel})`, 'check the file name and folder, from the content folder\'s root');
  if (asset.unreadable) return [];
  if (!asset.social) return problem(`images.default "${wanted}" is not a JPEG, PNG, WebP, AVIF or GIF image`, 'use a raster image, e.g. a PNG of the coat of arms');
  return [];
}
