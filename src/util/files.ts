import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file below a folder as a path relative to it with forward slashes, sorted so that the file
 * system's listing order never matters. A missing folder has no files.
 */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether `child` is `parent` or lies below it (both absolute, resolved paths). */
export function isInside(parent: string, child: string): boolean {
  // A root (`/`, `C:\`) already ends with the separator.
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/** `to` relative to `from` with forward slashes on every system: how paths appear in messages and manifests. */
export function relativePath(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}
