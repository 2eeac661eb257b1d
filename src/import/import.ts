import { rulesIn, type ProblemText } from '../model/messages.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveSite } from '../config/config.js';
import { importMessages } from '../i18n/import.js';
import { ContentError, ConfigError } from '../model/errors.js';
import { composeItem } from './compose.js';
import { convertBodies } from './convert-pool.js';
import { mapItems } from './items.js';
import { addressIndex } from './links.js';
import { contentHash, MANIFEST_NAME, manifestIntact, readManifest, writeManifest, type Manifest } from './manifest.js';
import { MediaStager } from './media.js';
import { placeItems } from './place.js';
import { runFingerprint, unchangedReport } from './rerun.js';
import { checkRegions, readRegionMap, RegionMap } from './region-map.js';
import { openSource } from './source.js';
import { Staging } from './stage.js';
import type { ImportedItem, ImportOptions, ImportReport, ItemStatus } from './run-types.js';

export type { ImportedItem, ImportOptions, ImportReport, ItemStatus } from './run-types.js';

function usage(flag: string, text: ProblemText): ConfigError {
  return new ConfigError([{ file: flag, ruleId: 'invalid-option', field: flag.replace(/^--/, ''), ...text, severity: 'error' }]);
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? '') < (b[i] ?? '') ? -1 : 1;
  return 0;
}

/** Whether this run writes the item's file, from what the manifest and the disk say. */
function statusOf(file: string, text: string, key: string, manifest: Manifest, contentDir: string): ItemStatus {
  const entry = manifest.items[key];
  const abs = path.join(contentDir, file);
  if (!entry) return 'new';
  if (!existsSync(abs)) return 'deleted';
  const current = contentHash(readFileSync(abs));
  if (current !== entry.hash) return current === contentHash(text) ? 'unchanged' : 'edited';
  return current === contentHash(text) ? 'unchanged' : 'updated';
}

/**
 * `stadtbote import`: reads the source, maps every item, places it, rewrites links between the
 * imported posts, copies or downloads media, and moves everything into the content folder in one
 * step at the end. Any problem with the source or the mapping stops it before anything is written.
 */
export async function importArchive(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const site = resolveSite(options);
  const t = importMessages(site.config.language);
  const cwd = options.cwd ?? process.cwd();
  if (options.region !== undefined && options.region.trim() === '') throw usage('--region', rulesIn(site.config.language)['invalid-option'].empty({ flag: '--region' }));
  const map = options.regionMap ? readRegionMap(path.resolve(cwd, options.regionMap), options.regionMap, t) : new RegionMap();
  const fallback = options.region?.trim();
  checkRegions(fallback, map, options.regionMap ?? '', site.config.regions, t);
  const archive = await openSource(options.source, cwd, t);
  const rules = { map, known: site.config.regions, categoriesAreRegions: archive.categoriesAreRegions ?? false, ...(fallback ? { fallback } : {}) };
  const contentDir = site.paths.content;
  const manifest = readManifest(contentDir);
  const now = options.now ?? Date.now();
  const run = runFingerprint(archive, rules, site, now);
  // The same source with the same options, and every file as written: nothing to convert or compare.
  if (manifest.run === run && manifestIntact(contentDir, manifest) && archive.items.every((i) => manifest.items[i.key])) {
    return unchangedReport(archive, manifest, options, site.config.language, started);
  }
  const converted = await convertBodies(archive.items, site.config.language);
  const { items: mapped, problems } = mapItems(archive, converted, rules, site.config.timezone, t);
  if (problems.length > 0) throw new ContentError(problems);
  // A fixed order (articles before pages, by day, then by key) so that names and `-2` suffixes are stable.
  const ordered = [...mapped].sort((a, b) => compareKeys([a.item.kind, a.date.day, a.item.key], [b.item.kind, b.date.day, b.item.key]));
  const placed = placeItems(ordered, manifest, contentDir);

  const index = addressIndex(placed, archive.siteUrl, now);
  const staging = new Staging(contentDir);
  try {
    const sourceRoot = archive.siteFolder ? path.resolve(cwd, options.source) : undefined;
    const stager = new MediaStager(contentDir, staging.dir, manifest, t, sourceRoot);
    const results: ImportedItem[] = [];
    const nextManifest: Manifest = { items: { ...manifest.items }, media: { ...manifest.media }, run };
    const seenAliases = new Set<string>();
    // Media is moved in only for items written now: a kept (edited) article gets no stray copies.
    const wanted = new Set<string>();
    for (const p of placed) {
      const { text, aliases, notes, media } = await composeItem(p, { archive, index, stager, manifest, site, seenAliases, t });
      const status = statusOf(p.file, text, p.item.key, manifest, contentDir);
      const write = status === 'new' || status === 'updated' || (options.force === true && (status === 'edited' || status === 'deleted'));
      if (write) {
        staging.write(p.file, text);
        wanted.add(p.file);
        for (const file of media) wanted.add(file);
      }
      if (write || status === 'unchanged') nextManifest.items[p.item.key] = { file: p.file, hash: contentHash(text) };
      results.push({
        kind: p.item.kind,
        title: p.title,
        ...(p.item.oldUrl ? { oldUrl: p.item.oldUrl } : {}),
        file: p.file,
        status: write && (status === 'edited' || status === 'deleted') ? 'updated' : status,
        aliases,
        dropped: p.log.dropped,
        notes,
      });
    }
    let media = 0;
    for (const [file, entry] of stager.written) {
      if (entry.fresh && !wanted.has(file)) continue;
      nextManifest.media[file] = { source: entry.source, hash: entry.hash };
      if (entry.fresh) media++;
    }
    const written = results.filter((r) => r.status === 'new' || r.status === 'updated');
    if (!options.dryRun) {
      staging.commit(contentDir, wanted);
      if (JSON.stringify(nextManifest) !== JSON.stringify(manifest) || !existsSync(path.join(contentDir, MANIFEST_NAME))) writeManifest(contentDir, nextManifest);
    }
    return {
      kind: archive.kind,
      items: results,
      articles: written.filter((r) => r.kind === 'article').length,
      pages: written.filter((r) => r.kind === 'page').length,
      media,
      aliases: written.reduce((n, r) => n + r.aliases.length, 0),
      unchanged: results.filter((r) => r.status === 'unchanged').length,
      skipped: results.filter((r) => r.status === 'edited' || r.status === 'deleted').length,
      dryRun: options.dryRun === true,
      converted: converted.length,
      durationMs: performance.now() - started,
      language: site.config.language,
    };
  } finally {
    staging.discard();
  }
}
