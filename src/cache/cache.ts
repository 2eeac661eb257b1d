import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import type { ProcessedAsset } from '../content/assets.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta, PageMeta, PendingLink } from '../model/types.js';

export interface CachedSource {
  readonly hash: string;
  readonly kind: 'article' | 'page';
  readonly meta: ArticleMeta | PageMeta;
  readonly problems: readonly Problem[];
  readonly links: readonly PendingLink[];
  /** Content files the page refers to, and a key of their state when it was rendered. */
  readonly assets: readonly string[];
  readonly assetKey: string;
  /** Hash of the page as rendered, before links were filled in. */
  readonly htmlHash: string;
  /** The rendered page, kept only when it has links to fill in on every build. */
  readonly html?: string;
  /** The body, kept only for articles that were in a feed. */
  readonly bodyHtml?: string;
}

export interface CachedOutput {
  readonly key: string;
  readonly files: readonly (readonly [string, string])[];
}

export interface CacheData {
  sources: Map<string, CachedSource>;
  /** Generated outputs (list pages, feeds, search index…) by name: key of their inputs and files written. */
  outputs: Map<string, CachedOutput>;
  assets: Map<string, ProcessedAsset>;
}

const MAGIC = 'stadtbote-cache\n';
// 3: articles take their address from the file name (not the title); older entries hold title-made URLs.
const FORMAT = 3;
/**
 * Sources per serialized chunk. The payload is a sequence of chunks so that saving never holds a
 * second, serialized copy of the whole cache (100,000 articles: 270 MB) next to the live one.
 */
const SOURCES_PER_CHUNK = 4096;
const HEADER_BYTES = MAGIC.length + 100;

export function emptyCache(): CacheData {
  return { sources: new Map(), outputs: new Map(), assets: new Map() };
}

/**
 * The persistent build cache: one file, keyed by a fingerprint of templates, config and version.
 * A file that is truncated, corrupt, from another version or for another fingerprint is ignored,
 * never trusted: its checksum covers every byte of the payload.
 */
export class BuildCache {
  private readonly file: string;

  constructor(readonly dir: string, readonly fingerprint: string) {
    this.file = path.join(dir, 'build-cache.bin');
  }

  load(): { data: CacheData; status: 'hit' | 'missing' | 'invalid' | 'stale' } {
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return { data: emptyCache(), status: 'missing' };
    }
    try {
      const header = buf.subarray(0, MAGIC.length + 4 + 32 + 64).toString('latin1');
      if (!header.startsWith(MAGIC)) return { data: emptyCache(), status: 'invalid' };
      const format = buf.readUInt32LE(MAGIC.length);
      if (format !== FORMAT) return { data: emptyCache(), status: 'stale' };
      const checksum = buf.subarray(MAGIC.length + 4, MAGIC.length + 4 + 32);
      const fingerprint = buf.subarray(MAGIC.length + 36, MAGIC.length + 100).toString('latin1').trimEnd();
      const payload = buf.subarray(HEADER_BYTES);
      if (!createHash('sha256').update(payload).digest().equals(checksum)) return { data: emptyCache(), status: 'invalid' };
      if (fingerprint !== this.fingerprint.padEnd(64).slice(0, 64).trimEnd()) return { data: emptyCache(), status: 'stale' };
      const chunks = readChunks(payload);
      const head = chunks.next();
      if (head.done) return { data: emptyCache(), status: 'invalid' };
      const { outputs, assets } = head.value as Omit<CacheData, 'sources'>;
      if (!(outputs instanceof Map) || !(assets instanceof Map)) return { data: emptyCache(), status: 'invalid' };
      const data: CacheData = { sources: new Map(), outputs, assets };
      for (const chunk of chunks) {
        if (!Array.isArray(chunk)) return { data: emptyCache(), status: 'invalid' };
        for (const [rel, entry] of chunk as [string, CachedSource][]) data.sources.set(rel, entry);
      }
      return { data, status: 'hit' };
    } catch {
      return { data: emptyCache(), status: 'invalid' };
    }
  }

  save(data: CacheData): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      const writeAll = (part: Uint8Array, position?: number): void => {
        for (let off = 0; off < part.length; ) off += writeSync(fd, part, off, part.length - off, position === undefined ? null : position + off);
      };
      // The header goes in last, when the checksum is known: until then the file cannot pass as valid.
      writeAll(Buffer.alloc(HEADER_BYTES));
      const checksum = createHash('sha256');
      const writeChunk = (value: unknown): void => {
        const body = v8.serialize(value);
        const length = Buffer.alloc(4);
        length.writeUInt32LE(body.length);
        for (const part of [length, body]) {
          checksum.update(part);
          writeAll(part);
        }
      };
      writeChunk({ outputs: data.outputs, assets: data.assets });
      let chunk: [string, CachedSource][] = [];
      for (const entry of data.sources) {
        chunk.push(entry);
        if (chunk.length === SOURCES_PER_CHUNK) {
          writeChunk(chunk);
          chunk = [];
        }
      }
      if (chunk.length > 0) writeChunk(chunk);
      const head = Buffer.alloc(HEADER_BYTES);
      head.write(MAGIC, 0, 'latin1');
      head.writeUInt32LE(FORMAT, MAGIC.length);
      checksum.digest().copy(head, MAGIC.length + 4);
      head.write(this.fingerprint.padEnd(64).slice(0, 64), MAGIC.length + 36, 'latin1');
      writeAll(head, 0);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
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
