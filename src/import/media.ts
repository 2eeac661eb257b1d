import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ATTACHMENT } from '../content/load.js';
import type { ImportMessages } from '../i18n/import.js';
import { slugify } from '../util/slug.js';
import { fetchBytes, FetchFailure, MEDIA_LIMITS } from './fetch.js';
import { contentHash, type Manifest } from './manifest.js';

/** Where a picture or attachment of the old archive is: on the web or in the source folder. */
export type MediaOrigin = { readonly url: string } | { readonly file: string };

export interface MediaContext {
  /** The post's address or folder, for relative references. */
  readonly base?: string;
  readonly siteUrl?: string;
  /** A static site's folder: site-absolute paths and the limit for local files. */
  readonly siteFolder?: string;
}

/** Finds a reference's origin; undefined for what cannot be carried over (`data:` URIs, other schemes). */
export function locate(ref: string, ctx: MediaContext): MediaOrigin | undefined {
  const trimmed = ref.trim();
  if (trimmed === '' || /^(data|javascript|mailto|tel):/i.test(trimmed)) return undefined;
  if (/^https?:\/\//i.test(trimmed)) return webAddress(trimmed);
  if (trimmed.startsWith('//')) return webAddress(`https:${trimmed}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  if (ctx.base && /^https?:/i.test(ctx.base)) return webAddress(trimmed, ctx.base);
  if (trimmed.startsWith('/') && ctx.siteUrl && /^https?:/i.test(ctx.siteUrl)) return webAddress(trimmed, ctx.siteUrl);
  if (!ctx.siteFolder) return undefined;
  let rel = trimmed.split(/[?#]/)[0] ?? '';
  try {
    rel = decodeURI(rel);
  } catch {
    return undefined;
  }
  const file = rel.startsWith('/') ? path.join(ctx.siteFolder, rel) : path.resolve(ctx.base ?? ctx.siteFolder, rel);
  return { file };
}

/** A reference as an absolute http(s) URL; undefined when it is not one (`http://ex ample/`). */
function webAddress(ref: string, base?: string): MediaOrigin | undefined {
  try {
    const url = new URL(ref, base);
    return /^https?:$/.test(url.protocol) ? { url: url.href } : undefined;
  } catch {
    return undefined;
  }
}

function originKey(origin: MediaOrigin): string {
  return 'url' in origin ? origin.url : `file:${origin.file}`;
}

/** A file name for the copy: the original name as a slug, with its (lower-case) extension. */
export function mediaFileName(origin: MediaOrigin): string | undefined {
  const raw = 'url' in origin ? new URL(origin.url).pathname : origin.file;
  let base = path.posix.basename(raw.replace(/\\/g, '/'));
  try {
    base = decodeURIComponent(base);
  } catch {
    // Kept as written.
  }
  const ext = path.posix.extname(base).toLowerCase().replace('.jpeg', '.jpg');
  if (!ATTACHMENT.test(ext)) return undefined;
  const stem = slugify(base.slice(0, base.length - path.posix.extname(base).length)) || 'datei';
  return `${stem.slice(0, 60).replace(/-+$/, '')}${ext}`;
}

export type MediaResult =
  | { readonly ok: true; readonly file: string; readonly reused: boolean }
  /** `refused`: not a file type the site publishes (an HTML page, say); `failed`: it could not be fetched. */
  | { readonly ok: false; readonly reason: string; readonly kind: 'refused' | 'failed' };

/** At most this many downloads at a time: enough to hide latency, polite to the old server. */
const PARALLEL_DOWNLOADS = 6;

/**
 * Copies or downloads pictures and attachments into the staging folder, next to the article that
 * uses them. One file per origin and folder; a file an earlier import wrote is reused as it is.
 */
export class MediaStager {
  private readonly pending = new Map<string, Promise<MediaResult>>();
  private readonly taken = new Set<string>();
  private readonly bySource = new Map<string, string>();
  private active = 0;
  private readonly queue: Array<() => void> = [];
  /** Content-relative media file → source and hash, for the manifest. */
  readonly written = new Map<string, { source: string; hash: string; fresh: boolean }>();

  constructor(
    private readonly contentDir: string,
    private readonly stagingDir: string,
    manifest: Manifest,
    private readonly t: ImportMessages,
    private readonly sourceRoot: string | undefined,
  ) {
    for (const [file, entry] of Object.entries(manifest.media)) this.bySource.set(`${path.posix.dirname(file)}\u0000${entry.source}`, file);
  }

  /** Stages one reference for an article in `folder` (content-relative); the promise is shared per origin and folder. */
  stage(origin: MediaOrigin, folder: string, recorded: Manifest['media']): Promise<MediaResult> {
    const key = `${folder}\u0000${originKey(origin)}`;
    let result = this.pending.get(key);
    if (!result) {
      result = this.run(origin, folder, recorded);
      this.pending.set(key, result);
    }
    return result;
  }

  private async run(origin: MediaOrigin, folder: string, recorded: Manifest['media']): Promise<MediaResult> {
    const source = originKey(origin);
    const label = 'url' in origin ? origin.url : origin.file;
    const known = this.bySource.get(`${folder}\u0000${source}`);
    if (known && existsSync(path.join(this.contentDir, known))) {
      const current = contentHash(readFileSync(path.join(this.contentDir, known)));
      if (current === recorded[known]?.hash) {
        this.written.set(known, { source, hash: current, fresh: false });
        return { ok: true, file: known, reused: true };
      }
    }
    const name = mediaFileName(origin);
    if (!name) return { ok: false, reason: this.t.mediaRefused(label), kind: 'refused' };
    // The name is taken before the download, in the order items ask: downloads finish in any order.
    const file = known ?? this.freeName(folder, name);
    let bytes: Buffer;
    try {
      bytes = await this.load(origin);
    } catch (err) {
      return { ok: false, reason: this.t.mediaUnreachable(err instanceof FetchFailure ? err.message : this.t.fileMissing(label, (err as NodeJS.ErrnoException).code ?? (err as Error).message)), kind: 'failed' };
    }
    const target = path.join(this.stagingDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    this.written.set(file, { source, hash: contentHash(bytes), fresh: true });
    return { ok: true, file, reused: false };
  }

  private async load(origin: MediaOrigin): Promise<Buffer> {
    if ('file' in origin) {
      // Only files inside the source folder: a post must not copy /etc/passwd into the site.
      const real = realpathSync(origin.file);
      if (this.sourceRoot && !real.startsWith(realpathSync(this.sourceRoot) + path.sep)) throw new FetchFailure(this.t.outsideSource(origin.file));
      if (!statSync(real).isFile()) throw new FetchFailure(this.t.fileMissing(origin.file, 'EISDIR'));
      return readFileSync(real);
    }
    await this.slot();
    try {
      return await fetchBytes(origin.url, MEDIA_LIMITS, this.t);
    } finally {
      this.release();
    }
  }

  private freeName(folder: string, name: string): string {
    const ext = path.posix.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let n = 1; ; n++) {
      const candidate = `${folder}/${n === 1 ? stem : `${stem}-${n}`}${ext}`;
      if (!this.taken.has(candidate) && !existsSync(path.join(this.contentDir, candidate))) {
        this.taken.add(candidate);
        return candidate;
      }
    }
  }

  private slot(): Promise<void> {
    if (this.active < PARALLEL_DOWNLOADS) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(() => resolve()));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}

