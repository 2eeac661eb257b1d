import type { ResolvedSite } from '../config/config.js';
import { parseSiteDate } from '../util/dates.js';
import { hashOf } from '../util/hash.js';
import { VERSION } from '../version.js';
import type { ImportedItem, ImportOptions, ImportReport } from './run-types.js';
import type { Manifest } from './manifest.js';
import type { RegionRules } from './mapping.js';
import type { SourceArchive } from './types.js';

/*
 * A re-run of the same source with the same options, with every file as the last run wrote it, has
 * nothing to do: recognised by a fingerprint recorded in the manifest, before any body is converted.
 */

/** Bumped when the importer's output for the same source changes, so that a re-run converts again. */
const IMPORTER_OUTPUT_VERSION = 1;

/**
 * Everything the written files depend on: the items as read, the mapping options, the site's zone,
 * language and base path, and which items are unpublished today (a scheduled post that goes live
 * turns links to it back on).
 */
export function runFingerprint(archive: SourceArchive, rules: RegionRules, site: ResolvedSite, now: number): string {
  const unpublished = archive.items.map((i) => {
    const date = i.date === undefined ? undefined : parseSiteDate(i.date, site.config.timezone);
    return i.draft || (date?.ok === true && date.date.epochMs > now);
  });
  return hashOf(
    JSON.stringify({
      version: IMPORTER_OUTPUT_VERSION,
      stadtbote: VERSION,
      archive,
      rules: { ...rules, map: [...rules.map] },
      zone: site.config.timezone,
      language: site.config.language,
      basePath: site.basePath,
      unpublished,
    }),
  );
}

export function unchangedReport(archive: SourceArchive, manifest: Manifest, options: ImportOptions, language: string, started: number): ImportReport {
  const seen = new Set<string>();
  const items: ImportedItem[] = archive.items.filter((i) => !seen.has(i.key) && seen.add(i.key)).map((i) => ({ kind: i.kind, title: i.title, ...(i.oldUrl ? { oldUrl: i.oldUrl } : {}), file: manifest.items[i.key]!.file, status: 'unchanged', aliases: [], dropped: [], notes: [] }));
  return { kind: archive.kind, items, articles: 0, pages: 0, media: 0, aliases: 0, unchanged: items.length, skipped: 0, dryRun: options.dryRun === true, converted: 0, durationMs: performance.now() - started, language };
}
