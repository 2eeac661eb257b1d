import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImportMessages } from '../i18n/import.js';
import { fetchBytes, FetchFailure, isHttpUrl, SOURCE_LIMITS } from './fetch.js';
import { readFeed } from './feed.js';
import { readFolder } from './folder.js';
import { failImport } from './problems.js';
import type { SourceArchive } from './types.js';
import { parseXml } from './xml.js';
import { readWxr } from './wxr.js';

/** The text of a feed or export, decoded as its XML declaration says (UTF-8 unless it names ISO-8859-1 or Windows-1252). */
function decodeXml(bytes: Buffer): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  const encoding = declared === 'iso-8859-1' || declared === 'latin1' || declared === 'windows-1252' ? 'windows-1252' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}

function rootElement(doc: Record<string, unknown>): string {
  return Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? '';
}

/** A feed or WordPress export from its XML text; a clear message for anything else. */
export function readXmlSource(text: string, display: string, t: ImportMessages): SourceArchive {
  if (!text.trimStart().startsWith('<')) failImport(display, t.notAFeed(text.trimStart().slice(0, 20).replace(/\s+/g, ' ') || '—'), t.notAFeedFix, 'import-not-a-feed');
  const doc = parseXml(text, display, t);
  const read = readWxr(doc, display) ?? readFeed(doc, display);
  if (!read) return failImport(display, t.notAFeed(rootElement(doc)), t.notAFeedFix, 'import-not-a-feed');
  // A channel link without a scheme (`www.landkreis.de`) is no address to resolve anything against.
  const { siteUrl, ...rest } = read;
  const archive: SourceArchive = siteUrl && isHttpUrl(siteUrl) && URL.canParse(siteUrl) ? read : rest;
  if (archive.items.length === 0) failImport(display, t.noItems, t.noItemsFix, 'import-empty');
  return archive;
}

/**
 * Opens the source given on the command line: an http(s) URL (downloaded with a timeout and size
 * limit), a feed or export file, or the folder of a static site.
 */
export async function openSource(source: string, cwd: string, t: ImportMessages): Promise<SourceArchive> {
  if (isHttpUrl(source)) {
    let bytes: Buffer;
    try {
      bytes = await fetchBytes(source, SOURCE_LIMITS, t);
    } catch (err) {
      if (err instanceof FetchFailure) failImport(source, err.message, t.unreachableFix, 'import-unreachable');
      throw err;
    }
    return readXmlSource(decodeXml(bytes), source, t);
  }
  const abs = path.resolve(cwd, source);
  const stat = statSync(abs, { throwIfNoEntry: false });
  if (!stat) return failImport(source, t.sourceMissing(source), t.sourceMissingFix, 'import-source-missing');
  if (stat.isDirectory()) {
    const archive = readFolder(abs, source.replace(/\/+$/, ''), t);
    if (archive.items.length === 0) failImport(source, t.emptyFolder(source), t.emptyFolderFix, 'import-empty');
    return archive;
  }
  return readXmlSource(decodeXml(readFileSync(abs)), source, t);
}
