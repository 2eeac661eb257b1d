import { rulesIn } from '../model/messages.js';
import path from 'node:path';
import type { Problem } from '../model/problem.js';
import { RASTER_EXTENSIONS } from '../content/images.js';
import { hashOf } from '../util/hash.js';

/** A generated file; `owner` names where it comes from (`static/x.jpg`, `templates/assets/x.png`, `templates/icons/…`). */
export interface CopiedFile {
  readonly owner?: string;
  readonly content: string | Uint8Array;
}

/** Owners of files that are published as they are. */
const COPIED = ['static/', 'templates/assets/', 'templates/icons/'];

/**
 * What earlier builds found in an image, by the hash of its bytes (kept in the build cache): the
 * metadata blocks it carries, none for a clean one. A build whose copied images are the last
 * build's does not load the image library at all (sharp: some 75 ms of every build, for the
 * theme's own touch icon).
 */
export interface MetadataMemo {
  get(hash: string): readonly string[] | undefined;
  set(hash: string, blocks: readonly string[]): void;
}

/**
 * Images of `static/` and the theme are published as they are, metadata and all: a photo put there
 * would publish its camera's serial number or GPS position. Each one that carries EXIF, XMP or IPTC
 * is a warning naming it, on every build while it does (photos of the content folder are cleaned by
 * content/images.ts).
 */
export async function copiedImageMetadata(files: readonly CopiedFile[], language = 'de', memo?: MetadataMemo): Promise<Problem[]> {
  const images = files.flatMap((f) =>
    f.owner && COPIED.some((p) => f.owner!.startsWith(p)) && RASTER_EXTENSIONS.has(path.posix.extname(f.owner).toLowerCase()) && typeof f.content !== 'string' ? [{ display: f.owner, content: f.content }] : [],
  );
  if (images.length === 0) return [];
  let sharp: typeof import('sharp').default | undefined;
  const problems: Problem[] = [];
  for (const file of images) {
    const hash = memo ? hashOf(file.content) : '';
    let blocks = memo?.get(hash);
    if (!blocks) {
      sharp ??= (await import('sharp')).default;
      try {
        const meta = await sharp(file.content).metadata();
        blocks = [meta.exif ? 'EXIF' : '', meta.xmp ? 'XMP' : '', meta.iptc ? 'IPTC' : ''].filter(Boolean);
      } catch {
        blocks = []; // Not an image after all: nothing to leak through image metadata.
      }
      memo?.set(hash, blocks);
    }
    if (blocks.length === 0) continue;
    problems.push({
      file: file.display,
      ruleId: 'image-metadata',
      ...rulesIn(language)['image-metadata'].copied({ file: file.display, blocks: blocks.join(', ') }),
      severity: 'warning',
    });
  }
  return problems;
}
