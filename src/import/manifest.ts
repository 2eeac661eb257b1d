import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashOf } from '../util/hash.js';

/**
 * What earlier imports wrote: per source item and per media file, the file and the hash of the bytes
 * written. A hidden file in the content folder (the build skips dotfiles), so that it travels with
 * the content in version control and a re-import on another machine knows it too.
 */
export const MANIFEST_NAME = '.stadtbote-import.json';

export interface ManifestEntry {
  /** Content-relative path with forward slashes. */
  readonly file: string;
  readonly hash: string;
}

export interface Manifest {
  /** Source item key (guid, old URL, file path) → the article or page written for it. */
  readonly items: Record<string, ManifestEntry>;
  /** Content-relative media file → where it came from and what was written. */
  readonly media: Record<string, { readonly source: string; readonly hash: string }>;
  /** Fingerprint of the source and options of the last import that ran in full. */
  readonly run?: string;
}

export function readManifest(contentDir: string): Manifest {
  try {
    const data = JSON.parse(readFileSync(path.join(contentDir, MANIFEST_NAME), 'utf8')) as Partial<Manifest>;
    return { items: { ...(data.items ?? {}) }, media: { ...(data.media ?? {}) }, ...(typeof data.run === 'string' ? { run: data.run } : {}) };
  } catch {
    return { items: {}, media: {} };
  }
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k] as T]));
}

/** Same entries → same bytes (sorted keys), written with a rename so a crash never leaves half a file. */
export function writeManifest(contentDir: string, manifest: Manifest): void {
  const file = path.join(contentDir, MANIFEST_NAME);
  const text = JSON.stringify({ version: 1, ...(manifest.run ? { run: manifest.run } : {}), items: sorted(manifest.items), media: sorted(manifest.media) }, null, 2) + '\n';
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** The hash recorded for a file: the same as the build cache uses. */
export function contentHash(bytes: Buffer | string): string {
  return hashOf(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
}

/**
 * Whether every file the manifest records is still there with the bytes written: then an import
 * of the same source with the same options (same `run` fingerprint) has nothing to do.
 */
export function manifestIntact(contentDir: string, manifest: Manifest): boolean {
  const entries = [...Object.values(manifest.items), ...Object.entries(manifest.media).map(([file, m]) => ({ file, hash: m.hash }))];
  return entries.every((e) => {
    const abs = path.join(contentDir, e.file);
    return existsSync(abs) && contentHash(readFileSync(abs)) === e.hash;
  });
}
