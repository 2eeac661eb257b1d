import { messages } from '../model/messages.js';
import type { ResolvedSite } from '../config/config.js';
import { processAssets, type AssetsResult, type ProcessedAsset } from '../content/assets.js';
import path from 'node:path';
import { displayPrefixOf, listContent, readSource, stampedSource, type ContentListing } from '../content/load.js';
import type { StampOf } from '../content/source-stamps.js';
import { currentStamp } from '../content/file-stamp.js';
import type { Problem } from '../model/problem.js';
import { skippedEntryProblem } from '../model/fs-errors.js';
import { relativePath, walkFiles, type FileListing } from '../util/files.js';
import type { SourceFile } from '../model/types.js';

/** The content folder as listed: source paths (read later, one at a time) and prepared images and attachments. */
export interface LoadedContent {
  /** How content paths are shown in messages (`content/`). */
  readonly displayPrefix: string;
  /** Markdown sources relative to the content folder, in path order. */
  readonly sources: readonly string[];
  readonly assets: AssetsResult;
  /** Files of the site's `static/` folder, published as they are. */
  readonly staticFiles: readonly string[];
  /** Problems of the listing and of the images. */
  readonly problems: readonly Problem[];
  /** Reads and decodes one source: sources are read when they are rendered, so memory never holds them all. */
  read(rel: string): SourceFile;
  /** The source file's stamp now (content/file-stamp.ts), to compare with the one the cache kept. */
  stamp(rel: string): string | undefined;
  /** A source unchanged since the cache knew it by this hash and stamp: read only when its text is needed. */
  readKnown(rel: string, hash: string, stamp: string): SourceFile;
}

/**
 * The load stage: lists the content folder and prepares its images (from the cache where it can).
 * `listing` and `stamps`: the content folder listed, and its sources' stamps taken, before the build
 * cache was loaded (content/source-stamps.ts); by default here and when asked for.
 */
export async function loadContent(
  site: ResolvedSite,
  cachedAssets: ReadonlyMap<string, ProcessedAsset>,
  listing: ContentListing = listContent(site.paths.content, site.paths.root, site.config.language),
  stamps?: StampOf,
): Promise<LoadedContent> {
  const { paths } = site;
  const displayPrefix = displayPrefixOf(paths.content, paths.root);
  const language = site.config.language; // messages in the site's language
  const folders = messages(language).ui.folders;
  const assets = await processAssets(paths.content, displayPrefix, listing.assets, site.strings.url.media, cachedAssets, site.config.images, language);
  // static/ and templates/ are walked with the content: a link the walk does not follow is reported before anything is written.
  const staticListing = walkFiles(paths.static);
  const skippedIn = (dir: string, folder: FileListing, words: string): Problem[] => folder.skipped.map((e) => skippedEntryProblem(e, `${relativePath(paths.root, dir)}/`, words, language));
  return {
    displayPrefix,
    sources: listing.sources,
    assets,
    staticFiles: staticListing.files,
    problems: [...listing.problems, ...assets.problems, ...skippedIn(paths.static, staticListing, folders.static), ...skippedIn(paths.templates, walkFiles(paths.templates), folders.templates)],
    read: (rel) => readSource(paths.content, rel, displayPrefix, language),
    stamp: stamps ?? ((rel) => currentStamp(path.join(paths.content, rel))),
    readKnown: (rel, hash, stamp) => stampedSource(paths.content, rel, displayPrefix, hash, stamp, language),
  };
}
