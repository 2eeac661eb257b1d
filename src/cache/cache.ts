import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import type { ProcessedAsset } from '../core/assets.js';
import type { Problem } from '../core/problem.js';
import type { ArticleMeta, PageMeta, PendingLink } from '../core/types.js';

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
const FORMAT = 1;

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
      const payload = buf.subarray(MAGIC.length + 100);
      if (!createHash('sha256').update(payload).digest().equals(checksum)) return { data: emptyCache(), status: 'invalid' };
      if (fingerprint !== this.fingerprint.padEnd(64).slice(0, 64).trimEnd()) return { data: emptyCache(), status: 'stale' };
      const data = v8.deserialize(payload) as CacheData;
      if (!(data.sources instanceof Map) || !(data.outputs instanceof Map) || !(data.assets instanceof Map)) return { data: emptyCache(), status: 'invalid' };
      return { data, status: 'hit' };
    } catch {
      return { data: emptyCache(), status: 'invalid' };
    }
  }

  save(data: CacheData): void {
    mkdirSync(this.dir, { recursive: true });
    const payload = v8.serialize(data);
    const head = Buffer.alloc(MAGIC.length + 100);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(FORMAT, MAGIC.length);
    createHash('sha256').update(payload).digest().copy(head, MAGIC.length + 4);
    head.write(this.fingerprint.padEnd(64).slice(0, 64), MAGIC.length + 36, 'latin1');
    const tmp = `${this.file}.${process.pid}.tmp`;
    // Header and payload written one after the other: no third copy of a cache that can be large.
    const fd = openSync(tmp, 'w');
    try {
      for (const part of [head, payload]) {
        for (let off = 0; off < part.length; ) off += writeSync(fd, part, off, part.length - off);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}
