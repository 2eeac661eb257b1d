import path from 'node:path';
import type { ResolvedSite } from '../config/config.js';
import { resolveReference } from '../markdown/resolve.js';
import type { Problem } from '../model/problem.js';
import { rulesIn, type ProblemText } from '../model/messages.js';
import type { AssetInfo } from '../model/types.js';

/** `images.default` must name a readable raster image of the content folder. */
export function defaultImageProblems(site: ResolvedSite, assets: ReadonlyMap<string, AssetInfo>, contentPrefix: string): Problem[] {
  const wanted = site.config.images.default;
  if (wanted === undefined) return [];
  const file = site.paths.configFile ? path.relative(site.paths.root, site.paths.configFile).split(path.sep).join('/') : 'config';
  const target = resolveReference('', wanted.startsWith('/') ? wanted : `/${wanted}`);
  const asset = target.ok ? assets.get(target.rel) : undefined;
  const t = rulesIn(site.config.language)['default-image'];
  const problem = (text: ProblemText): Problem[] => [{ file, ruleId: 'default-image', field: 'images.default', ...text, severity: 'error' }];
  if (!target.ok) return problem(t.outside({ src: wanted }));
  if (!asset) return problem(t.missing({ src: wanted, looked: contentPrefix + target.rel }));
  if (asset.unreadable) return [];
  if (!asset.social) return problem(t.notRaster({ src: wanted }));
  return [];
}
