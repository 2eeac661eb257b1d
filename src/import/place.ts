import { existsSync } from 'node:fs';
import path from 'node:path';
import { articleFileRel } from '../content/source-text.js';
import { PAGES_DIR } from '../content/validate.js';
import type { MappedItem } from './items.js';
import type { Manifest } from './manifest.js';

export interface PlacedItem extends MappedItem {
  /** Content-relative path of the article or page file. */
  readonly file: string;
  /** The slug, with a suffix when another article has the same day and slug. */
  readonly slug: string;
}

/**
 * Gives every item its file: the one an earlier import wrote for it, or the name `new` would choose
 * (`<year>/<date>-<slug>.md`, `pages/<slug>.md`), with `-2`, `-3` … when that is taken by another
 * item or by a file the editors wrote themselves (which is never overwritten).
 */
export function placeItems(items: readonly MappedItem[], manifest: Manifest, contentDir: string): PlacedItem[] {
  const recorded = new Set(Object.values(manifest.items).map((e) => e.file));
  const taken = new Set<string>();
  const placed: PlacedItem[] = [];
  const known = (item: MappedItem): string | undefined => manifest.items[item.item.key]?.file;
  for (const item of items) {
    const file = known(item);
    if (file) taken.add(file);
  }
  for (const item of items) {
    const previous = known(item);
    if (previous) {
      placed.push({ ...item, file: previous, slug: slugOfFile(previous, item) });
      continue;
    }
    for (let n = 1; ; n++) {
      const slug = n === 1 ? item.slug : `${item.slug}-${n}`;
      const file = item.item.kind === 'page' ? `${PAGES_DIR}${slug}.md` : articleFileRel(item.date.day, slug);
      if (taken.has(file) || recorded.has(file) || existsSync(path.join(contentDir, file))) continue;
      taken.add(file);
      placed.push({ ...item, file, slug });
      break;
    }
  }
  return placed;
}

/** The slug a recorded file was written with (its name after the date), so that its URL stays. */
function slugOfFile(file: string, item: MappedItem): string {
  const name = path.posix.basename(file, '.md');
  if (item.item.kind === 'page') return name;
  return name.startsWith(`${item.date.day}-`) ? name.slice(item.date.day.length + 1) : item.slug;
}
