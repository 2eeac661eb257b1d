/**
 * The external-resource check's scan of one written file (checks/external-resources.ts), in a module
 * of its own: the output writer's file thread loads it by URL and runs it beside writing the file
 * (model/outputs.ts `ThreadedFileCheck`), as the calling thread runs it for the files it makes.
 */
import { findExternalCssResources, findExternalResources, type ExternalResource } from './resource-scan.js';

/** What a page or stylesheet loads from other hosts than `siteHost` (the check's data), or undefined for nothing. */
export function scanWrittenFile(outPath: string, text: string, siteHost: unknown): ExternalResource[] | undefined {
  const host = String(siteHost);
  const resources = /\.css$/i.test(outPath) ? findExternalCssResources(text, host) : findExternalResources(text, host);
  return resources.length > 0 ? resources : undefined;
}
