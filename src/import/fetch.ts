import type { ImportMessages } from '../i18n/import.js';

/** A download that did not work, with the reason in the site's language. */
export class FetchFailure extends Error {
  override readonly name = 'FetchFailure';
}

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/** Feeds and exports: a large WordPress export is tens of megabytes. */
export const SOURCE_LIMITS: FetchLimits = { timeoutMs: 60_000, maxBytes: 200 * 1024 * 1024 };
/** One image or attachment. */
export const MEDIA_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 50 * 1024 * 1024 };

export function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/**
 * Downloads a URL with Node's fetch, refusing anything larger than the limit while it streams in
 * (a wrong URL can point at a video or an endless response) and giving up after the timeout.
 */
export async function fetchBytes(url: string, limits: FetchLimits, t: ImportMessages): Promise<Buffer> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { 'user-agent': 'stadtbote-import' } });
  } catch (err) {
    throw failure(url, err, limits, t);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchFailure(t.httpStatus(url, response.status));
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  const tooLarge = new FetchFailure(t.tooLarge(url, limits.maxBytes));
  if (declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limits.maxBytes) {
        await reader?.cancel().catch(() => undefined);
        throw tooLarge;
      }
      chunks.push(Buffer.from(next.value));
    }
  } catch (err) {
    if (err === tooLarge) throw err;
    throw failure(url, err, limits, t);
  }
  return Buffer.concat(chunks);
}

function failure(url: string, err: unknown, limits: FetchLimits, t: ImportMessages): FetchFailure {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return new FetchFailure(t.timeout(url, limits.timeoutMs / 1000));
  const detail = e.cause?.code ?? e.cause?.message ?? e.message;
  return new FetchFailure(t.unreachable(url, detail));
}
