import type { Root as MdastRoot } from 'mdast';
import type { ImportMessages } from '../i18n/import.js';
import type { Problem } from '../model/problem.js';
import type { Converted } from './convert.js';
import type { CleanLog } from './html-clean.js';
import { aliasFor, bodyText, excerptText, dateFor, regionFor, slugFor, teaserFor, titleFromText, type MappedDate, type RegionRules } from './mapping.js';
import { importProblem } from './problems.js';
import type { SourceArchive, SourceItem } from './types.js';

/** One source item mapped to Stadtbote's fields, its body as mdast, not yet placed in a file. */
export interface MappedItem {
  readonly item: SourceItem;
  readonly title: string;
  readonly date: MappedDate;
  /** Articles only. */
  readonly region: string;
  readonly teaser: string;
  readonly slug: string;
  /** Old addresses: the item's own, then any older ones it redirected from. */
  readonly aliases: readonly string[];
  readonly tree: MdastRoot;
  readonly log: CleanLog;
}

/** How an item is named in messages: its title (or origin) and its old address. */
export function itemLabel(item: SourceItem, t: ImportMessages): string {
  const name = item.title ? t.quote(excerptText(item.title)) : item.origin;
  return item.oldUrl ? `${name} (${item.oldUrl})` : name;
}

/**
 * Maps every item (with its body converted, `converted[i]` for `archive.items[i]`): title, date in
 * the site's time zone, region, teaser, slug and old address. All
 * problems (no region, no date) are collected, so that one run names every item to fix.
 */
export function mapItems(archive: SourceArchive, converted: readonly Converted[], rules: RegionRules, timeZone: string, t: ImportMessages): { items: MappedItem[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const items: MappedItem[] = [];
  const seen = new Set<string>();
  for (const [i, source] of archive.items.entries()) {
    let item = source;
    // A feed that lists a post twice (same guid) means one post.
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    const { tree, log, figure } = converted[i]!;
    // A Stadtbote feed's lead figure is the article photo (with alt text, caption and credit), not
    // body text; it wins over the enclosure of the same photo, which carries none of these.
    if (figure) item = { ...item, image: { ...item.image, ...figure } };
    const text = bodyText(tree);
    const date = dateFor(item, timeZone);
    const where = item.origin;
    if (!date) {
      problems.push(importProblem(where, t.noDate(itemLabel(item, t)), t.noDateFix, 'import-no-date'));
      continue;
    }
    // Titles in feeds and exports are HTML text (`Kreishaus &amp; Außenstellen`).
    let title = excerptText(item.title);
    const untitled = title === '';
    if (untitled) {
      title = titleFromText(text) ?? t.untitledFallback(date.day);
      log.notes.push(t.untitled(title));
    }
    const region = item.kind === 'article' ? regionFor(item, rules) : '';
    if (region === undefined) {
      problems.push(importProblem(where, t.noRegion(itemLabel(item, t)), t.noRegionFix, 'import-no-region'));
      continue;
    }
    if (item.kind === 'article' && rules.known.length > 0 && !rules.known.includes(region)) {
      problems.push(importProblem(where, t.unknownRegion(region, itemLabel(item, t), rules.known.join(', ')), t.unknownRegionFix, 'import-unknown-region'));
      continue;
    }
    const teaser = teaserFor(item, text) ?? title;
    const aliases = [item.oldUrl, ...(item.extraAliases ?? [])].map((url) => aliasFor(url, archive.siteUrl)).filter((a): a is string => a !== undefined);
    items.push({ item, title, date, region, teaser, slug: slugFor(untitled ? { ...item, slug: undefined } : item, title), aliases: [...new Set(aliases)], tree, log });
  }
  return { items, problems };
}
