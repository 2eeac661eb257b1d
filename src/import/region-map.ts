import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument } from '../util/vendor.js';
import type { Position } from '../util/yaml-position.js';
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
export function checkRegions(fallback: string | undefined, map: RegionMap, mapDisplay: string, known: readonly string[], t: ImportMessages): void {
  if (known.length === 0) return;
  if (fallback !== undefined && !known.includes(fallback)) {
    throw new ConfigError([{ file: '--region', field: 'region', ruleId: 'unknown-region', reason: t.unknownDefaultRegion(fallback, nearestRegion(fallback, known), known.join(', ')), fix: t.unknownRegionFix, severity: 'error' }]);
  }
  const problems: Problem[] = [];
  for (const [category, region] of map) {
    if (!known.includes(region)) problems.push(importProblem(mapDisplay, t.unknownMappedRegion(category, region, nearestRegion(region, known)), t.unknownRegionFix, 'unknown-region', map.positions.get(category)));
  }
  if (problems.length > 0) throw new ContentError(problems);
}

/** The categories of `--region-map` and their regions, with the line and column each category stands at, for messages. */
export class RegionMap extends Map<string, string> {
  readonly positions = new Map<string, Position>();
}

/**
 * `--region-map FILE`: YAML, one `Category: Region` per line (categories and tags of the old
 * archive, matched without regard to case). Several categories may name the same region.
 */
export function readRegionMap(file: string, display: string, t: ImportMessages): RegionMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return failImport(display, t.regionMapUnreadable((err as NodeJS.ErrnoException).code ?? (err as Error).message), t.regionMapFix, 'import-region-map');
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter: counter });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    failImport(display, t.regionMapUnreadable(error.message.split('\n')[0] ?? ''), t.regionMapFix, 'import-region-map', at ? { line: at.line, column: at.col } : undefined);
  }
  const map = new RegionMap();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const at = counter.linePos(pair.key.range[0]);
      map.positions.set(String(pair.key.value).trim(), { line: at.line, column: at.col });
    }
  }
  const data = doc.toJS({ maxAliasCount: 50 }) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return failImport(display, t.regionMapUnreadable('—'), t.regionMapFix, 'import-region-map');
  for (const [category, region] of Object.entries(data as Record<string, unknown>)) {
    if (typeof region !== 'string' || region.trim() === '') failImport(display, t.regionMapUnreadable(`${category}: ${String(region)}`), t.regionMapFix, 'import-region-map', map.positions.get(category.trim()));
    // Keys as written, for messages; `regionFor` compares them without regard to case.
    map.set(category.trim(), region.trim());
  }
  return map;
}
