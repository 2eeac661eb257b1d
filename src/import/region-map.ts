import { readFileSync } from 'node:fs';
import { parseDocument } from '../util/vendor.js';
import type { ImportMessages } from '../i18n/import.js';
import { closest, distance } from '../util/vendor.js';
import { ConfigError, ContentError } from '../model/errors.js';
import type { Problem } from '../model/problem.js';
import { failImport, importProblem } from './problems.js';

/** The configured region closest to a misspelt one, when it is close enough to be a typo. */
function nearestRegion(region: string, known: readonly string[]): string | undefined {
  const nearest = closest(region, [...known]);
  return distance(region.toLowerCase(), nearest.toLowerCase()) <= Math.max(2, Math.floor(nearest.length / 3)) ? nearest : undefined;
}

/**
 * When the configuration lists its regions, `--region` and every region of the map must be one of
 * them: checked once, before any item, so a typo is one message rather than one per item.
 */
export function checkRegions(fallback: string | undefined, map: ReadonlyMap<string, string>, mapDisplay: string, known: readonly string[], t: ImportMessages): void {
  if (known.length === 0) return;
  if (fallback !== undefined && !known.includes(fallback)) {
    throw new ConfigError([{ file: '--region', field: 'region', ruleId: 'unknown-region', reason: t.unknownDefaultRegion(fallback, nearestRegion(fallback, known), known.join(', ')), fix: t.unknownRegionFix, severity: 'error' }]);
  }
  const problems: Problem[] = [];
  for (const [category, region] of map) {
    if (!known.includes(region)) problems.push(importProblem(mapDisplay, t.unknownMappedRegion(category, region, nearestRegion(region, known)), t.unknownRegionFix, 'unknown-region'));
  }
  if (problems.length > 0) throw new ContentError(problems);
}

/**
 * `--region-map FILE`: YAML, one `Category: Region` per line (categories and tags of the old
 * archive, matched without regard to case). Several categories may name the same region.
 */
export function readRegionMap(file: string, display: string, t: ImportMessages): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return failImport(display, t.regionMapUnreadable((err as NodeJS.ErrnoException).code ?? (err as Error).message), t.regionMapFix, 'import-region-map');
  }
  const doc = parseDocument(text, { schema: 'core' });
  if (doc.errors[0]) failImport(display, t.regionMapUnreadable(doc.errors[0].message.split('\n')[0] ?? ''), t.regionMapFix, 'import-region-map');
  const data = doc.toJS({ maxAliasCount: 50 }) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return failImport(display, t.regionMapUnreadable('—'), t.regionMapFix, 'import-region-map');
  const map = new Map<string, string>();
  for (const [category, region] of Object.entries(data as Record<string, unknown>)) {
    if (typeof region !== 'string' || region.trim() === '') failImport(display, t.regionMapUnreadable(`${category}: ${String(region)}`), t.regionMapFix, 'import-region-map');
    // Keys as written, for messages; `regionFor` compares them without regard to case.
    map.set(category.trim(), region.trim());
  }
  return map;
}
