/** The scan thread's messages and its one function (checks/scan-queue.ts): shared by both sides. */
import type { MessagePort } from 'node:worker_threads';
import { findExternalCssResources, findExternalResources, type ExternalResource } from './resource-scan.js';

/** A text to scan: an HTML page or a stylesheet, numbered in the order the build wrote it. */
export interface ScanFile {
  readonly seq: number;
  readonly rel: string;
  readonly text: string;
  readonly css: boolean;
}

/** What the scan found in one file; files without anything are not reported. */
export interface ScanFinding {
  readonly seq: number;
  readonly rel: string;
  readonly resources: readonly ExternalResource[];
}

/** What the scan thread is started with. */
export interface ScanThreadData {
  readonly siteHost: string;
  /** Where the thread answers: read without waiting while the build writes (`receiveMessageOnPort`). */
  readonly results: MessagePort;
}

export interface ScanBatch {
  readonly number: number;
  readonly files: readonly ScanFile[];
}

export interface ScanReply {
  readonly number: number;
  readonly found: readonly ScanFinding[];
}

/** What one file loads from elsewhere, or undefined for nothing. */
export function scanFile(file: ScanFile, siteHost: string): ScanFinding | undefined {
  const resources = file.css ? findExternalCssResources(file.text, siteHost) : findExternalResources(file.text, siteHost);
  return resources.length > 0 ? { seq: file.seq, rel: file.rel, resources } : undefined;
}

