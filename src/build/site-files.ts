import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AssetOutput } from '../content/assets.js';
import type { GeneratedFile } from '../model/outputs.js';
import { generators, type SiteSnapshot } from '../outputs/index.js';
import type { OutputClaims } from '../write/claims.js';
import type { SiteOutput } from '../write/site-output.js';
import { copiedImageMetadata } from '../checks/copied-image-metadata.js';
import type { Problem } from '../model/problem.js';

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
}

/**
 * The outputs stage: site-wide files (theme assets, 404, feeds, sitemap, redirects, search page),
 * static files and content images, each claimed before it is written. An image unchanged since the
 * last build is kept, not produced again.
 */
export async function writeSiteFiles(input: SiteFilesInput): Promise<void> {
  const { claims, output, staticDir } = input;
  const generated: GeneratedFile[] = [];
  for (const generate of generators) generated.push(...generate(input.snapshot));
  for (const file of input.staticFiles) {
    generated.push({ path: file, content: readFileSync(path.join(staticDir, file)), owner: `static/${file}` });
  }
  // Images copied byte for byte (static/, theme assets) that would publish EXIF/XMP/IPTC: a warning each.
  input.problems.push(...(await copiedImageMetadata(generated)));
  for (const file of generated) {
    if (!claims.claim(file.path, file.owner ?? file.path, file.source)) continue;
    output.put(file.path, file.content);
  }
  for (const out of input.assetOutputs) {
    // Owned by its content file, so a clash names it (equal files were merged in processAssets).
    if (!claims.claim(out.path, out.owner, { src: out.src })) continue;
    // Put under the hash keep() compares with (an image's recipe hash), so an unchanged image is never encoded again.
    if (!output.dryRun && !output.keep(out.path, out.hash)) output.put(out.path, await out.produce(), out.hash);
  }
}
