import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import { isWellFormed } from './well-formed.js';
import { removeOrphans, temporaryFileOf } from '../util/temp-files.js';
import type { CacheData, CachedSource } from './types.js';
import type { ArticleMeta } from '../model/types.js';

export type { CachedSource, CachedOutput, CacheData } from './types.js';

const MAGIC = 'stadtbote-cache\n';
// 3: articles take their address from the file name (not the title); older entries hold title-made URLs.
// 4: the sources' chunks come first, the outputs and assets last (`beginSave` writes the sources before the search index is built).
// 5: the checksum is SHA-1 (`CHECKSUM`).
// 6: an article's meta keeps its list entry's hash, not its HTML (`storedForm`).
// 7: the header holds a fingerprint per kind of page besides the whole one (`CachePart`).
const FORMAT = 7;
/**
 * The payload's checksum, in the first 20 of the header's 32 bytes for it. It finds a file cut short
 * or damaged, not one made to deceive (whoever can write the cache can write its checksum too), so
 * SHA-1 serves: 13–19 ms for a 10,000-article cache of 31 MB here (16 MB since list entries are kept as hashes), SHA-256 47–82 ms, on every build.
 */
const CHECKSUM = 'sha1';
const CHECKSUM_BYTES = 20;
/**
 * Sources per serialized chunk. The payload is a sequence of chunks so that saving never holds a
 * second, serialized copy of the whole cache (100,000 articles: 270 MB) next to the live one.
 */
const SOURCES_PER_CHUNK = 4096;
/**
 * The kinds of cached page with a fingerprint of their own (build/cache-stage.ts): `sources`, what
 * the sources' entries and article pages are made with; `lists`, what the list pages are made with.
 */
export type CachePart = 'sources' | 'lists';
const PARTS: readonly CachePart[] = ['sources', 'lists'];
/** Where the header keeps the fingerprints: 64 bytes each, after the magic, the format and the checksum's 32 bytes; the whole one first, then one per part. */
const FINGERPRINT_AT = MAGIC.length + 36;
const HEADER_BYTES = FINGERPRINT_AT + 64 * (1 + PARTS.length);
/** Where the header's fingerprint slot `i` begins: 0 the whole one, then the parts in `PARTS`' order. */
const slotAt = (i: number): number => FINGERPRINT_AT + 64 * i;
/** A fingerprint as written into its slot: 64 latin1 characters, padded with spaces. */
const padded = (fingerprint: string): string => fingerprint.padEnd(64).slice(0, 64);
/** A fingerprint as its slot reads back. */
const slotOf = (fingerprint: string): string => padded(fingerprint).trimEnd();

/** The build cache's file in a cache folder. */
export function cacheFileIn(dir: string): string {
  return path.join(dir, 'build-cache.bin');
}

export function emptyCache(): CacheData {
  return { sources: new Map(), outputs: new Map(), assets: new Map() };
}

/** What `BuildCache.load` found. */
export interface LoadedCache {
  readonly data: CacheData;
  readonly status: 'hit' | 'partial' | 'missing' | 'invalid' | 'stale';
  /** A whole file for another fingerprint: only for predictions and outputs with keys of their own. */
  readonly last?: CacheData;
  /** The parts whose fingerprint matched where the whole one did not (`partial`, or `stale` with the lists' only). */
  readonly holding?: ReadonlySet<CachePart>;
}

/**
 * The persistent build cache: one file, keyed by a fingerprint of templates, config and version.
 * A file that is truncated, corrupt, from another version or for another fingerprint is ignored,
 * never trusted: its checksum covers every byte of the payload.
 *
 * A fingerprint per part covers only what that kind of page is made with (its templates, config,
 * version). Where the whole one differs but the sources' matches, a template no source uses changed
 * (a list page's), and the file comes back as `partial`: its sources hold. Where only the lists'
 * matches, it is `stale` with its data as `last`. Either way `holding` names the parts that match,
 * and the caller keeps the outputs of those.
 */
export class BuildCache {
  private readonly file: string;
  /** The parts' fingerprints, made when first needed (`partsOf`). */
  private parts: Readonly<Partial<Record<CachePart, string>>> | undefined;

  /**
   * `partsOf` gives the parts' fingerprints. It is asked only where the whole fingerprint does not
   * match or a file is saved without a matching one loaded: where it matches, the parts are the
   * file's (they follow from what the whole one covers), and finding what each kind of page's
   * templates reach (theme/template-deps.ts) costs 5–20 ms every build would pay.
   */
  constructor(readonly dir: string, readonly fingerprint: string, private readonly partsOf: () => Readonly<Partial<Record<CachePart, string>>> = () => ({})) {
    this.file = cacheFileIn(dir);
  }

  private partFingerprints(): Readonly<Partial<Record<CachePart, string>>> {
    return (this.parts ??= this.partsOf());
  }

  /**
   * Reads the cache. For another fingerprint (a template or config edit) the data is not used as a
   * cache, but comes back as `last` when the file is whole: the build predicts from its sources what
   * each article page links to (build/predicted-links.ts), never trusting them, and the search stage
   * keeps index parts whose own key still matches (search/pagefind.ts).
   */
  load(): LoadedCache {
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return { data: emptyCache(), status: 'missing' };
    }
    let stale = false;
    try {
      const header = buf.subarray(0, MAGIC.length).toString('latin1');
      if (!header.startsWith(MAGIC)) return { data: emptyCache(), status: 'invalid' };
      const format = buf.readUInt32LE(MAGIC.length);
      if (format !== FORMAT) return { data: emptyCache(), status: 'stale' };
      const checksum = buf.subarray(MAGIC.length + 4, MAGIC.length + 4 + CHECKSUM_BYTES);
      const slot = (i: number): string => buf.subarray(slotAt(i), slotAt(i + 1)).toString('latin1').trimEnd();
      const fingerprint = slot(0);
      const payload = buf.subarray(HEADER_BYTES);
      if (!createHash(CHECKSUM).update(payload).digest().equals(checksum)) return { data: emptyCache(), status: 'invalid' };
      stale = fingerprint !== slotOf(this.fingerprint);
      const broken = stale ? 'stale' : 'invalid';
      // The sources' chunks, then one chunk of outputs and assets, last.
      const sources = new Map<string, CachedSource>();
      let rest: Omit<CacheData, 'sources'> | undefined;
      for (const chunk of readChunks(payload)) {
        if (rest) return { data: emptyCache(), status: broken };
        if (Array.isArray(chunk)) for (const [rel, entry] of chunk as [string, CachedSource][]) sources.set(rel, entry);
        else rest = chunk as Omit<CacheData, 'sources'>;
      }
      if (!rest || !(rest.outputs instanceof Map) || !(rest.assets instanceof Map)) return { data: emptyCache(), status: broken };
      const data: CacheData = { sources, outputs: rest.outputs, assets: rest.assets };
      // Whole is not the same as true: every path and value is checked before it is used.
      if (!isWellFormed(data)) return { data: emptyCache(), status: broken };
      const stored = PARTS.map((_, i) => slot(1 + i));
      if (!stale) {
        this.parts ??= Object.fromEntries(PARTS.map((part, i) => [part, stored[i]!]));
        return { data, status: 'hit' };
      }
      const wanted = this.partFingerprints();
      const holding = new Set(PARTS.filter((part, i) => wanted[part] !== undefined && stored[i] !== '' && stored[i] === slotOf(wanted[part])));
      if (holding.has('sources')) return { data, status: 'partial', holding };
      return { data: emptyCache(), status: 'stale', last: data, ...(holding.size > 0 ? { holding } : {}) };
    } catch {
      return { data: emptyCache(), status: stale ? 'stale' : 'invalid' };
    }
  }

  /** Writes the cache; on failure (full disk, read-only folder) it leaves no temporary file and throws. */
  save(data: CacheData): void {
    this.beginSave(data.sources).finish(data);
  }

  /**
   * Begins a save with the sources: written to a temporary file now, so that the build can let their
   * entries go (100,000 articles: some 0.3 GB of the heap while the search index is built); `finish`
   * adds the outputs and assets and puts the file in place, `abandon` removes it. Throws like `save`.
   */
  beginSave(sources: ReadonlyMap<string, CachedSource>): PendingCacheSave {
    mkdirSync(this.dir, { recursive: true });
    const tmp = temporaryFileOf(this.file);
    const fd = openSync(tmp, 'w');
    let open = true;
    const checksum = createHash(CHECKSUM);
    const abandon = (): void => {
      if (open) closeSync(fd);
      open = false;
      rmSync(tmp, { force: true });
    };
    const writeAll = (part: Uint8Array, position?: number): void => {
      for (let off = 0; off < part.length; ) off += writeSync(fd, part, off, part.length - off, position === undefined ? null : position + off);
    };
    const writeChunk = (value: unknown): void => {
      const body = v8.serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.length);
      for (const part of [length, body]) {
        checksum.update(part);
        writeAll(part);
      }
    };
    try {
      // The header goes in last, when the checksum is known: until then the file cannot pass as valid.
      writeAll(Buffer.alloc(HEADER_BYTES));
      let chunk: [string, CachedSource][] = [];
      for (const entry of sources) {
        chunk.push([entry[0], storedForm(entry[1])]);
        if (chunk.length === SOURCES_PER_CHUNK) {
          writeChunk(chunk);
          chunk = [];
        }
      }
      if (chunk.length > 0) writeChunk(chunk);
    } catch (err) {
      abandon();
      throw err;
    }
    return {
      finish: (rest) => {
        if (!open) throw new Error('cache save finished twice or abandoned');
        try {
          writeChunk({ outputs: rest.outputs, assets: rest.assets });
          const head = Buffer.alloc(HEADER_BYTES);
          head.write(MAGIC, 0, 'latin1');
          head.writeUInt32LE(FORMAT, MAGIC.length);
          checksum.digest().copy(head, MAGIC.length + 4);
          head.write(padded(this.fingerprint), slotAt(0), 'latin1');
          const parts = this.partFingerprints();
          PARTS.forEach((part, i) => head.write(padded(parts[part] ?? ''), slotAt(1 + i), 'latin1'));
          writeAll(head, 0);
          closeSync(fd);
          open = false;
          renameSync(tmp, this.file);
        } catch (err) {
          abandon();
          throw err;
        }
        // The sources are written while the search index is built: a build killed then leaves its file.
        removeOrphans(this.file);
      },
      abandon,
    };
  }
}

/**
 * A source's entry as the file keeps it: an article's meta without its list entry's HTML, which the
 * build renders again where a list page needs it (model/types.ts `ArticleMeta.listHtml`). Anything
 * else is written as it is given: `load` is where entries are judged (the hardening tests save
 * poisoned ones to see them refused).
 */
function storedForm(entry: CachedSource): CachedSource {
  const given: unknown = (entry as Partial<CachedSource> | null)?.meta;
  if (typeof given !== 'object' || given === null || !('listHtml' in given) || given.listHtml === undefined) return entry;
  const { listHtml: _rendered, ...meta } = entry.meta as ArticleMeta;
  return { ...entry, meta };
}

/** A save of the cache whose sources are written: see `BuildCache.beginSave`. */
export interface PendingCacheSave {
  finish(rest: Omit<CacheData, 'sources'>): void;
  abandon(): void;
}

/** The chunks of a payload written by `save`; throws on a length that runs past the end. */
function* readChunks(payload: Buffer): Generator<unknown> {
  for (let off = 0; off < payload.length; ) {
    if (off + 4 > payload.length) throw new Error('truncated chunk header');
    const length = payload.readUInt32LE(off);
    const end = off + 4 + length;
    if (end > payload.length) throw new Error('truncated chunk');
    yield v8.deserialize(payload.subarray(off + 4, end));
    off = end;
  }
}
