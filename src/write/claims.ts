import { rulesIn, type ProblemText } from '../model/messages.js';
import { ownerWords } from '../i18n/owners.js';
import path from 'node:path';
import type { OutputSource } from '../model/outputs.js';
import { fieldPosition } from '../content/load.js';
import type { Problem } from '../model/problem.js';
import type { RuleId } from '../model/rules.js';
import { outputPathProblem, sameFileKey } from './output-names.js';

/**
 * Who writes which output path. Every path has one owner, and no path may be a file for one owner
 * and a folder for another (`/feed.xml/` as an alias): both become `duplicate-url` problems before
 * anything is written, naming the content file an editor can change. Paths that differ only in
 * case or Unicode normalisation are the same file here, as they are on many hosts; a path a URL
 * cannot hold (`#`, `?`, `%`, `//`, invisible characters) is an `invalid-url` problem.
 */
export class OutputClaims {
  private readonly owners = new Map<string, string>();
  private readonly sources = new Map<string, OutputSource>();
  /** Folder of claimed paths → one path inside it. */
  private readonly dirs = new Map<string, string>();
  /** Folders (and files) held for an owner whose files come later, and who may write inside them. */
  private readonly reserved = new Map<string, string>();
  /** Same-file key → the path as first spelled, for messages. */
  private readonly spelled = new Map<string, string>();

  constructor(
    private readonly content: { readonly dir: string; readonly displayPrefix: string },
    private readonly problems: Problem[],
    /** The site's language, for the problems' words. */
    private readonly language = 'de',
  ) {}

  /** Keeps a folder for `owner`, whose files are claimed only after the duplicate check (the search bundle). */
  reserveFolder(dir: string, owner: string): void {
    this.reserved.set(sameFileKey(dir), owner);
  }

  /**
   * Keeps a file for a generator that runs after the duplicate check (search page, feeds, sitemap),
   * so that a source clashing with it is reported in the same run as every other clash.
   */
  reserveFile(outPath: string, owner: string): void {
    this.reserved.set(sameFileKey(outPath), owner);
    this.spelled.set(sameFileKey(outPath), outPath);
  }

  ownerOf(outPath: string): string | undefined {
    return this.owners.get(sameFileKey(outPath));
  }

  has(outPath: string): boolean {
    return this.owners.has(sameFileKey(outPath));
  }

  get size(): number {
    return this.owners.size;
  }

  /** Claims refused, by owner and path: an alias page is claimed with its article and again when written, and its clash is said once. */
  private readonly refused = new Set<string>();

  /** Takes `outPath` for `owner`; on a clash records the problem and returns false. */
  claim(outPath: string, owner: string, source?: OutputSource): boolean {
    const attempt = `${owner}\u0000${outPath}`;
    if (this.refused.has(attempt)) return false;
    if (!this.take(outPath, owner, source)) {
      this.refused.add(attempt);
      return false;
    }
    return true;
  }

  private take(outPath: string, owner: string, source?: OutputSource): boolean {
    const invalid = outputPathProblem(outPath);
    if (invalid !== undefined) {
      const alias = source?.field?.startsWith('aliases.') ? 'yes' : 'no';
      this.report(owner, source, 'invalid-url', rulesIn(this.language)['invalid-url'].characters({ owner: this.say(owner), path: outPath, detail: invalid, alias }));
      return false;
    }
    const key = sameFileKey(outPath);
    const clash = this.clashWith(key, owner);
    if (clash === undefined) {
      this.owners.set(key, owner);
      this.spelled.set(key, outPath);
      if (source) this.sources.set(key, source);
      for (const d of parentsOf(key)) {
        if (this.dirs.has(d)) break;
        this.dirs.set(d, key);
      }
      return true;
    }
    const existing = this.owners.get(clash) ?? this.reserved.get(clash)!;
    const other = this.spelled.get(clash) ?? clash;
    // An old address (alias) gives way to a page: blame the alias, whichever was claimed first.
    const theirs = this.sources.get(clash);
    const blame = theirs?.field?.startsWith('aliases.') && !source?.field?.startsWith('aliases.') ? theirs : source ?? theirs;
    const t = rulesIn(this.language)['duplicate-url'];
    const said = { owner: this.say(owner), path: outPath, existing: this.say(existing), other, alias: blame?.field?.startsWith('aliases.') ? 'yes' : 'no' };
    const text = clash === key ? (other === outPath ? t.samePath(said) : t.spelling(said)) : t.fileAndFolder(said);
    this.report(owner, blame, 'duplicate-url', text, existing);
    return false;
  }

  /** A generator's name in the site's language (content files are named by their path). */
  private say(owner: string): string {
    return ownerWords(owner, this.language);
  }

  /** Names the content file an editor can change: the claiming one's, else the other's. */
  private report(owner: string, blame: OutputSource | undefined, ruleId: RuleId, text: ProblemText, existing?: string): void {
    const { dir, displayPrefix } = this.content;
    const file = blame ? displayPrefix + blame.src : [owner, existing].find((o) => o?.startsWith('static/')) ?? displayPrefix;
    this.problems.push({
      file,
      ...(blame?.field ? { ...fieldPosition(path.join(dir, blame.src), blame.field), field: blame.field } : {}),
      ruleId,
      ...text,
      severity: 'error',
    });
  }

  /** The claimed path or folder `outPath` collides with, if any. */
  private clashWith(outPath: string, owner: string): string | undefined {
    // The same owner may claim its path again (alias pages are claimed early and again when written).
    const holder = this.owners.get(outPath) ?? this.reserved.get(outPath);
    if (holder !== undefined && holder !== owner) return outPath;
    if (this.dirs.has(outPath)) return this.dirs.get(outPath);
    for (const d of parentsOf(outPath)) {
      const folderHolder = this.reserved.get(d);
      if (this.owners.has(d) || (folderHolder !== undefined && folderHolder !== owner)) return d;
    }
    return undefined;
  }
}

/**
 * The folders above an output path, innermost first. Only paths `outputPathProblem` accepts get
 * here (no leading `/`, no empty part), so each folder is the path up to a `/`; a loop rather than
 * `path.dirname` and a generator, as every claim asks (10,000 articles: some 26,000 claims).
 */
function parentsOf(outPath: string): string[] {
  const parents: string[] = [];
  for (let cut = outPath.lastIndexOf('/'); cut > 0; cut = outPath.lastIndexOf('/', cut - 1)) parents.push(outPath.slice(0, cut));
  return parents;
}
