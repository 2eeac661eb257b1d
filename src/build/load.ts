import type { ResolvedSite } from '../config/config.js';
import { processAssets, type AssetsResult, type ProcessedAsset } from '../content/assets.js';
import { displayPrefixOf, listContent, readSource } from '../content/load.js';
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
}

/** The load stage: lists the content folder and prepares its images (from the cache where it can). */
export async function loadContent(site: ResolvedSite, cachedAssets: ReadonlyMap<string, ProcessedAsset>): Promise<LoadedContent> {
  const { paths } = site;
  const displayPrefix = displayPrefixOf(paths.content, paths.root);
  const listing = listContent(paths.content, paths.root);
  const assets = await processAssets(paths.content, displayPrefix, listing.assets, site.strings.url.media, cachedAssets, site.config.images);
  // static/ and templates/ are walked with the content: a link the walk does not follow is reported before anything is written.
  const staticListing = walkFiles(paths.static);
  const skippedIn = (dir: string, folder: FileListing, words: string): Problem[] => folder.skipped.map((e) => skippedEntryProblem(e, `${relativePath(paths.root, dir)}/`, words));
  return {
    displayPrefix,
    sources: listing.sources,
    assets,
    staticFiles: staticListing.files,
    problems: [...listing.problems, ...assets.problems, ...skippedIn(paths.static, staticListing, 'static/'), ...skippedIn(paths.templates, walkFiles(paths.templates), 'the templates folder')],
    read: (rel) => readSource(paths.content, rel, displayPrefix),
  };
}
