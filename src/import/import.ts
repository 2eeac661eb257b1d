import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Image, Link, Parents } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import { resolveSite, type SiteOptions } from '../config/config.js';
import { articleFileText, pageFileText, type ArticleFields } from '../content/source-text.js';
import { importMessages, type ImportMessages } from '../i18n/import.js';
import { ContentError, ConfigError } from '../model/errors.js';
import { UrlScheme, withBasePath } from '../model/urls.js';
import type { SiteDate } from '../util/dates.js';
import { slugify } from '../util/slug.js';
import { toMarkdown } from './convert.js';
import { mapItems } from './items.js';
import { addressKey, pageAddress, rewriteLinks } from './links.js';
import { contentHash, readManifest, writeManifest, type Manifest } from './manifest.js';
import { locate, MediaStager, type MediaContext } from './media.js';
import { placeItems, type PlacedItem } from './place.js';
import { readRegionMap } from './region-map.js';
import { openSource } from './source.js';
import { Staging } from './stage.js';
import type { SourceArchive } from './types.js';

export interface ImportOptions extends SiteOptions {
  /** Feed or export file, static-site folder, or http(s) URL. */
  readonly source: string;
  /** Region for items whose categories and tags name none. */
  readonly region?: string;
  /** YAML file: category or tag → region. */
  readonly regionMap?: string;
  /** Overwrite files edited since the last import. */
  readonly force?: boolean;
  /** Plan and report, write nothing. */
  readonly dryRun?: boolean;
  /** "Now" for deciding which imported posts are scheduled (tests); default the clock. */
  readonly now?: number;
  /** Working folder for relative paths (default: the process's). */
  readonly cwd?: string;
}

export type ItemStatus = 'new' | 'updated' | 'unchanged' | 'edited' | 'deleted';

export interface ImportedItem {
  readonly kind: 'article' | 'page';
  readonly title: string;
  readonly oldUrl?: string;
  /** Content-relative file. */
  readonly file: string;
  readonly status: ItemStatus;
  readonly aliases: readonly string[];
  readonly dropped: readonly string[];
  readonly notes: readonly string[];
}

export interface ImportReport {
  readonly kind: SourceArchive['kind'];
  readonly items: readonly ImportedItem[];
  readonly articles: number;
  readonly pages: number;
  readonly media: number;
  readonly aliases: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly dryRun: boolean;
  readonly durationMs: number;
  readonly language: string;
}

function usage(flag: string, reason: string): ConfigError {
  return new ConfigError([{ file: flag, ruleId: 'invalid-option', field: flag.replace(/^--/, ''), reason, severity: 'error' }]);
}

/** Images and attachments of one item are copied next to it; references are rewritten to the copies. */
async function stageMedia(placed: PlacedItem, ctx: MediaContext, stager: MediaStager, manifest: Manifest, notes: string[], t: ImportMessages): Promise<ArticleFields['image']> {
  const folder = path.posix.dirname(placed.file);
  const local = (file: string): string => path.posix.relative(folder, file);
  const jobs: Promise<void>[] = [];
  const removals: Array<{ node: Image; parent: Parents }> = [];
  visit(placed.tree, (node, _i, parent) => {
    if (node.type !== 'image' && node.type !== 'link') return undefined;
    const ref = node as Image | Link;
    // Links are media only when they name a file (a PDF, an office document): pages stay links.
    if (ref.type === 'link' && !/\.[a-z0-9]{2,5}(?:[?#].*)?$/i.test(ref.url)) return undefined;
    const origin = locate(ref.url, ctx);
    if (!origin) {
      if (ref.type === 'image' && parent) removals.push({ node: ref, parent });
      return SKIP;
    }
    if (ref.type === 'link' && 'url' in origin && ctx.siteUrl && new URL(origin.url).host !== new URL(ctx.siteUrl).host) return SKIP;
    jobs.push(
      stager.stage(origin, folder, manifest.media).then((result) => {
        if (result.ok) ref.url = local(result.file);
        else if (ref.type === 'image') {
          notes.push(result.reason);
          if (parent) removals.push({ node: ref, parent });
        }
      }),
    );
    return SKIP;
  });
  let image: ArticleFields['image'];
  const source = placed.item.image;
  if (source) {
    const origin = locate(source.url, ctx);
    const result = origin ? await stager.stage(origin, folder, manifest.media) : undefined;
    if (result?.ok) image = { src: local(result.file), alt: featuredAlt(source, placed.title, notes, t), ...(source.caption ? { caption: source.caption } : {}) };
    else if (result) notes.push(result.reason);
  }
  await Promise.all(jobs);
  for (const { node, parent } of removals) {
    const at = parent.children.indexOf(node as never);
    if (at >= 0) parent.children.splice(at, 1);
  }
  return image;
}

function featuredAlt(source: NonNullable<PlacedItem['item']['image']>, title: string, notes: string[], messages: ImportMessages): string {
  if (source.alt?.trim()) return source.alt.trim();
  if (source.caption?.trim()) {
    notes.push(messages.altFromCaption);
    return source.caption.trim();
  }
  if (source.title?.trim() && !/\.(jpe?g|png|gif|webp)$/i.test(source.title)) {
    notes.push(messages.altFromTitle);
    return source.title.trim();
  }
  notes.push(messages.altFromArticle);
  return messages.altFallback(title);
}

/** Body images that still have no alt text get one from the article's title, reported for review. */
function fillMissingAlt(placed: PlacedItem, notes: string[], messages: ImportMessages): void {
  visit(placed.tree, 'image', (node) => {
    if ((node.alt ?? '').trim() !== '') return;
    node.alt = messages.altFallback(placed.title);
    notes.push(messages.altFromArticle);
  });
}

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
  if (options.region !== undefined && options.region.trim() === '') throw usage('--region', '--region must not be empty');
  const map = options.regionMap ? readRegionMap(path.resolve(cwd, options.regionMap), options.regionMap, t) : new Map<string, string>();
  const archive = await openSource(options.source, cwd, t);
  const fallback = options.region?.trim();
  const rules = { map, known: site.config.regions, categoriesAreRegions: archive.categoriesAreRegions ?? false, ...(fallback ? { fallback } : {}) };
  const { items: mapped, problems } = mapItems(archive, rules, site.config.timezone, t);
  if (problems.length > 0) throw new ContentError(problems);
  const contentDir = site.paths.content;
  const manifest = readManifest(contentDir);
  const ordered = [...mapped].sort((a, b) => (a.item.kind !== b.item.kind ? (a.item.kind < b.item.kind ? -1 : 1) : a.date.day !== b.date.day ? (a.date.day < b.date.day ? -1 : 1) : a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0));
  const placed = placeItems(ordered, manifest, contentDir);

  const now = options.now ?? Date.now();
  const index = new Map<string, { file: string; unpublished: boolean }>();
  for (const p of placed) {
    const unpublished = p.item.draft || p.date.epochMs > now;
    for (const url of [p.item.oldUrl, ...(p.item.otherUrls ?? [])]) {
      const key = url ? addressKey(pageAddress(url, archive.siteUrl), undefined) : undefined;
      if (key && !index.has(key)) index.set(key, { file: p.file, unpublished });
    }
  }
  const urls = new UrlScheme(site.strings);
  const staging = new Staging(contentDir);
  try {
    const sourceRoot = archive.siteFolder ? path.resolve(cwd, options.source) : undefined;
    const stager = new MediaStager(contentDir, staging.dir, manifest, t, sourceRoot);
    const results: ImportedItem[] = [];
    const nextManifest: Manifest = { items: { ...manifest.items }, media: { ...manifest.media } };
    const seenAliases = new Set<string>();
    for (const p of placed) {
      const notes = [...p.log.notes];
      const links = rewriteLinks(p.tree, p.file, pageAddress(p.item.oldUrl, archive.siteUrl), index);
      for (const href of links.unlinked) notes.push(t.linkToUnpublished(href));
      const ctx: MediaContext = { ...(p.item.mediaBase ? { base: p.item.mediaBase } : {}), ...(archive.siteUrl ? { siteUrl: archive.siteUrl } : {}), ...(archive.siteFolder ? { siteFolder: archive.siteFolder } : {}) };
      const image = await stageMedia(p, ctx, stager, manifest, notes, t);
      fillMissingAlt(p, notes, t);
      const body = toMarkdown(p.tree);
      let aliases: string[] = [];
      let text: string;
      if (p.item.kind === 'page') {
        for (const alias of p.aliases) notes.push(t.pageAliasDropped(alias));
        text = pageFileText({ title: p.title, ...(p.teaser !== p.title ? { description: p.teaser } : {}) }, body);
      } else {
        const ownUrl = withBasePath(site.basePath, urls.article({ date: { day: p.date.day } as SiteDate, slug: p.slug }));
        // The old address of a Stadtbote site's own article is its new address: nothing to redirect.
        aliases = p.aliases.filter((a) => a !== ownUrl && !seenAliases.has(a));
        for (const a of aliases) seenAliases.add(a);
        const fields: ArticleFields = {
          title: p.title,
          date: p.date.frontmatter,
          region: p.region,
          teaser: p.teaser,
          ...(p.slug !== (slugify(p.title) || 'meldung') ? { slug: p.slug } : {}),
          ...(image ? { image } : {}),
          ...(p.item.draft ? { draft: true } : {}),
          ...(aliases.length > 0 ? { aliases } : {}),
        };
        text = articleFileText(fields, body);
      }
      const status = statusOf(p.file, text, p.item.key, manifest, contentDir);
      const write = status === 'new' || status === 'updated' || (options.force === true && (status === 'edited' || status === 'deleted'));
      if (write) {
        staging.write(p.file, text);
        nextManifest.items[p.item.key] = { file: p.file, hash: contentHash(text) };
      }
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
      nextManifest.media[file] = { source: entry.source, hash: entry.hash };
      if (entry.fresh) media++;
    }
    const written = results.filter((r) => r.status === 'new' || r.status === 'updated');
    if (!options.dryRun) {
      staging.commit(contentDir);
      if (written.length > 0 || media > 0 || !existsSync(path.join(contentDir, '.stadtbote-import.json'))) writeManifest(contentDir, nextManifest);
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
      durationMs: performance.now() - started,
      language: site.config.language,
    };
  } finally {
    staging.discard();
  }
}
