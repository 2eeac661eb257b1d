import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A staging folder beside the content folder: everything an import writes goes there first and is
 * moved in only when the whole import has worked, so a failed import leaves the content untouched.
 */
export class Staging {
  readonly dir: string;

  constructor(contentDir: string) {
    const parent = path.dirname(path.resolve(contentDir));
    mkdirSync(parent, { recursive: true });
    this.dir = mkdtempSync(path.join(parent, '.stadtbote-import-'));
  }

  write(rel: string, text: string): void {
    const target = path.join(this.dir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }

  /** Content-relative paths of every staged file, sorted. */
  files(): string[] {
    const out: string[] = [];
    const walk = (rel: string): void => {
      for (const entry of readdirSync(path.join(this.dir, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(child);
        else out.push(child);
      }
    };
    walk('');
    return out.sort();
  }

  /** Moves the staged files into the content folder (renames; a copy across file systems); only `wanted` ones when given. */
  commit(contentDir: string, wanted?: ReadonlySet<string>): void {
    for (const rel of this.files()) {
      if (wanted && !wanted.has(rel)) continue;
      const from = path.join(this.dir, rel);
      const to = path.join(contentDir, rel);
      mkdirSync(path.dirname(to), { recursive: true });
      try {
        renameSync(from, to);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        copyFileSync(from, to);
        unlinkSync(from);
      }
    }
  }

  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
