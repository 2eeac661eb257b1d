import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AssetOutput } from '../content/assets.js';
import { KEYED_FILE_PREFIX, type GeneratedFile, type KeyedFile } from '../model/outputs.js';
import { hashOf } from '../util/hash.js';
import { generators, type SiteSnapshot } from '../outputs/index.js';
import type { OutputClaims } from '../write/claims.js';
import type { SiteOutput } from '../write/site-output.js';
import { copiedImageMetadata, type MetadataMemo } from '../checks/copied-image-metadata.js';
import type { CacheData, CachedOutput } from '../cache/cache.js';
import type { Problem } from '../model/problem.js';
import { appendAll } from '../util/append.js';

export interface SiteFilesInput {
  readonly snapshot: SiteSnapshot;
  /** The site's `static/` folder and its files, copied as they are. */
  readonly staticDir: string;
  readonly staticFiles: readonly string[];
  /** Copies and variants of the content folder's images and attachments. */
  readonly assetOutputs: readonly AssetOutput[];
  readonly claims: OutputClaims;
  readonly output: SiteOutput;
  /** Where warnings about images copied with their metadata go. */
  readonly problems: Problem[];
  /** The build cache's last and next data: what copied images were found to carry, by their bytes' hash. */
  readonly previous: CacheData;
  readonly next: CacheData;
  /** The last build's keyed files, also when its cache is stale (build/cache-stage.ts). */
  readonly lastKeyed: ReadonlyMap<string, CachedOutput>;
}

/** Cache entries of the copied-image check: `image-metadata:<hash>`, the blocks found as the key ('' for none). */
export const IMAGE_METADATA_PREFIX = 'image-metadata:';

function metadataMemo(previous: CacheData, next: CacheData): MetadataMemo {
  return {
    get: (hash) => {
      const entry = previous.outputs.get(IMAGE_METADATA_PREFIX + hash);
      if (!entry) return undefined;
      next.outputs.set(IMAGE_METADATA_PREFIX + hash, entry);
      return entry.key === '' ? [] : entry.key.split(',');
    },
    set: (hash, blocks) => next.outputs.set(IMAGE_METADATA_PREFIX + hash, { key: blocks.join(','), files: [] }),
  };
}

/**
 * A keyed file is kept from the last build when its key is the same and its bytes are there; else
 * made and put. Its key covers all its inputs, so the last build's entry holds also after a template
 * or config edit (`lastKeyed`, from a cache whose fingerprint no longer matches).
 */
function putKeyed(file: KeyedFile, output: SiteOutput, previous: CacheData, next: CacheData, lastKeyed: ReadonlyMap<string, CachedOutput>): void {
  const name = KEYED_FILE_PREFIX + file.path;
  const last = previous.outputs.get(name) ?? lastKeyed.get(name);
  const lastHash = last?.key === file.key && last.files.length === 1 && last.files[0]![0] === file.path ? last.files[0]![1] : undefined;
  if (lastHash !== undefined && output.keep(file.path, lastHash)) {
    next.outputs.set(name, last!);
    return;
  }
  const content = file.make();
  const hash = hashOf(content);
  output.put(file.path, content, hash);
  // The last build's entry when it is the same: a build that changed nothing leaves the cache as it was (build/cache-stage.ts).
  next.outputs.set(name, lastHash === hash ? last! : { key: file.key, files: [[file.path, hash]] });
}

/**
 * The outputs stage: site-wide files (theme assets, 404, feeds, sitemap, redirects, search page),
 * static files and content images, each claimed before it is written. An image unchanged since the
 * last build is kept, not produced again.
 */
export async function writeSiteFiles(input: SiteFilesInput): Promise<void> {
  const { claims, output, staticDir } = input;
  const generated: (GeneratedFile | KeyedFile)[] = [];
  for (const generate of generators) appendAll(generated, generate(input.snapshot));
  for (const file of input.staticFiles) {
    generated.push({ path: file, content: readFileSync(path.join(staticDir, file)), owner: `static/${file}` });
  }
  // Images copied byte for byte (static/, theme assets) that would publish EXIF/XMP/IPTC: a warning each.
  const copied = generated.filter((file): file is GeneratedFile => !('key' in file));
  input.problems.push(...(await copiedImageMetadata(copied, input.snapshot.site.config.language, metadataMemo(input.previous, input.next))));
  // Claimed in the order made: of two files at one path, the first is the one kept and the other named in the message.
  for (const file of generated) {
    if (!claims.claim(file.path, file.owner ?? file.path, 'key' in file ? undefined : file.source)) continue;
    if ('key' in file) putKeyed(file, output, input.previous, input.next, input.lastKeyed);
    else output.put(file.path, file.content);
  }
  for (const out of input.assetOutputs) {
    // Owned by its content file, so a clash names it (equal files were merged in processAssets).
    if (!claims.claim(out.path, out.owner, { src: out.src })) continue;
    // Put under the hash keep() compares with (an image's recipe hash), so an unchanged image is never encoded again.
    if (!output.dryRun && !output.keep(out.path, out.hash)) output.put(out.path, await out.produce(), out.hash);
  }
}
