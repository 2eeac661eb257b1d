import path from 'node:path';
import type { OutputSource } from '../outputs/types.js';
import { fieldPosition } from '../content/load.js';
import type { Problem } from '../model/problem.js';

/**
 * Who writes which output path. Every path has one owner, and no path may be a file for one owner
 * and a folder for another (`/feed.xml/` as an alias): both become `duplicate-url` problems before
 * anything is written, naming the content file an editor can change.
 */
export class OutputClaims {
  private readonly owners = new Map<string, string>();
  private readonly sources = new Map<string, OutputSource>();
  /** Folder of claimed paths → one path inside it. */
  private readonly dirs = new Map<string, string>();
  /** Folders held for an owner whose files come later, and who may write inside them. */
  private readonly reserved = new Map<string, string>();

  constructor(
    private readonly content: { readonly dir: string; readonly displayPrefix: string },
    private readonly problems: Problem[],
  ) {}

  /** Keeps a folder for `owner`, whose files are claimed only after the duplicate check (the search bundle). */
  reserveFolder(dir: string, owner: string): void {
    this.reserved.set(dir, owner);
  }

  ownerOf(outPath: string): string | undefined {
    return this.owners.get(outPath);
  }

  has(outPath: string): boolean {
    return this.owners.has(outPath);
  }

  get size(): number {
    return this.owners.size;
  }

  /** Takes `outPath` for `owner`; on a clash records the problem and returns false. */
  claim(outPath: string, owner: string, source?: OutputSource): boolean {
    const clash = this.clashWith(outPath, owner);
    if (clash === undefined) {
      this.owners.set(outPath, owner);
      if (source) this.sources.set(outPath, source);
      for (const d of parentsOf(outPath)) {
        if (this.dirs.has(d)) break;
        this.dirs.set(d, outPath);
      }
      return true;
    }
    const existing = this.owners.get(clash) ?? this.reserved.get(clash)!;
    // Name the content file an editor can change: this one's, else the other's.
    const blame = source ?? this.sources.get(clash);
    const { dir, displayPrefix } = this.content;
    const file = blame ? displayPrefix + blame.src : [owner, existing].find((o) => o.startsWith('static/')) ?? displayPrefix;
    this.problems.push({
      file,
      ...(blame?.field ? { ...fieldPosition(path.join(dir, blame.src), blame.field), field: blame.field } : {}),
      ruleId: 'duplicate-url',
      reason: clash === outPath ? `${owner} writes /${outPath}, which ${existing} writes too` : `${owner} writes /${outPath}, but /${clash} of ${existing} cannot be a file and a folder at once`,
      fix: blame?.field?.startsWith('aliases.') ? 'remove the alias or change it' : 'give one of them another slug, title or date, or another file name',
      severity: 'error',
    });
    return false;
  }

  /** The claimed path or folder `outPath` collides with, if any. */
  private clashWith(outPath: string, owner: string): string | undefined {
    if (this.owners.has(outPath) || this.reserved.has(outPath)) return outPath;
    if (this.dirs.has(outPath)) return this.dirs.get(outPath);
    for (const d of parentsOf(outPath)) {
      const holder = this.reserved.get(d);
      if (this.owners.has(d) || (holder !== undefined && holder !== owner)) return d;
    }
    return undefined;
  }
}

/**
 * The folders above an output path, innermost first. Ends at the top however the path is spelled:
 * `dirname('/')` is `'/'`, so a loop that waited for `'.'` never ended on an absolute path.
 */
function* parentsOf(outPath: string): Generator<string> {
  for (let d = path.posix.dirname(outPath); d !== '.' && d !== '/' && d !== ''; ) {
    yield d;
    const up = path.posix.dirname(d);
    if (up === d) return;
    d = up;
  }
}
