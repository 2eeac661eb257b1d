import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { ImportMessages } from '../i18n/import.js';
import { failImport } from './problems.js';

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
    map.set(category.trim().toLowerCase(), region.trim());
  }
  return map;
}
