import type { Stats } from 'node:fs';

/**
 * A file's size, modification and change time and inode, as one text: equal later, the file was
 * neither written nor replaced in between (the change time cannot be set by a program). The build
 * cache's source stamps (content/file-stamp.ts) and the output manifests' check of a copy
 * (write/manifest.ts) both use it.
 */
export function fileIdentity(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}
