import path from 'node:path';
import type { Problem } from '../model/problem.js';
import { RASTER_EXTENSIONS } from '../content/images.js';

/** A generated file; `owner` names where it comes from (`static/x.jpg`, `templates/assets/x.png`, `templates/icons/…`). */
export interface CopiedFile {
  readonly owner?: string;
  readonly content: string | Uint8Array;
}

/** Owners of files that are published as they are. */
const COPIED = ['static/', 'templates/assets/', 'templates/icons/'];

/**
 * Images of `static/` and the theme are published as they are, metadata and all: a photo put there
 * would publish its camera's serial number or GPS position. Each one that carries EXIF, XMP or IPTC
 * is a warning naming it (photos of the content folder are cleaned by content/images.ts).
 */
export async function copiedImageMetadata(files: readonly CopiedFile[]): Promise<Problem[]> {
  const images = files.flatMap((f) =>
    f.owner && COPIED.some((p) => f.owner!.startsWith(p)) && RASTER_EXTENSIONS.has(path.posix.extname(f.owner).toLowerCase()) && typeof f.content !== 'string' ? [{ display: f.owner, content: f.content }] : [],
  );
  if (images.length === 0) return [];
  const sharp = (await import('sharp')).default;
  const problems: Problem[] = [];
  for (const file of images) {
    let blocks: string[];
    try {
      const meta = await sharp(file.content).metadata();
      blocks = [meta.exif ? 'EXIF' : '', meta.xmp ? 'XMP' : '', meta.iptc ? 'IPTC' : ''].filter(Boolean);
    } catch {
      continue; // Not an image after all: nothing to leak through image metadata.
    }
    if (blocks.length === 0) continue;
    problems.push({
      file: file.display,
      ruleId: 'image-metadata',
      reason: `${file.display} is published byte for byte with its ${blocks.join(', ')} metadata, which can hold the camera's serial number, the author and the GPS position`,
      fix: 'put photos into the content folder, where they are published without metadata, or remove it first (exiftool -all= FILE)',
      severity: 'warning',
    });
  }
  return problems;
}
