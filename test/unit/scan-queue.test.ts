import { describe, expect, it, vi } from 'vitest';
import { ExternalResourceCheck } from '../../src/checks/external-resources.js';
import { ScanQueue } from '../../src/checks/scan-queue.js';

const HOST = 'example.org';

/** 400 pages and a stylesheet; every seventh page loads something from elsewhere, the hosts repeat. */
function files(): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < 400; i++) {
    const external = i % 7 === 3 ? `<img src="https://cdn${i % 3}.example.net/bild.jpg" alt="">` : '<img src="/bild.jpg" alt="">';
    out.push([`seite/${i}/index.html`, `<!doctype html><html lang="de"><head><link rel="stylesheet" href="/site.css"></head><body><p>Seite ${i}</p>${external}</body></html>`]);
  }
  out.push(['assets/site.css', '@import "https://fonts.example.com/f.css";']);
  return out;
}

describe('the external-resource check on a thread of its own', () => {
  it('reports what the check finds in this thread, the same first files and counts', async () => {
    const onThread = new ExternalResourceCheck(HOST, ['cdn2.example.net'], undefined, 'de', 10);
    const here = new ExternalResourceCheck(HOST, ['cdn2.example.net'], undefined, 'de', Number.POSITIVE_INFINITY);
    for (const [rel, text] of files()) {
      onThread.inspect(rel, text);
      here.inspect(rel, Buffer.from(text));
    }
    const expected = await here.problems();
    expect(expected.map((p) => p.file)).toEqual(['seite/3/index.html', 'seite/10/index.html', 'assets/site.css']);
    expect(await onThread.problems()).toEqual(expected);
  });

  it('starts no thread while render threads take every core', async () => {
    const queue = new ScanQueue(HOST, 0, () => false);
    for (const [rel, text] of files()) queue.add(rel, text, rel.endsWith('.css'));
    expect((queue as unknown as { thread: unknown }).thread).toBeUndefined();
    expect((await queue.finish()).map((f) => f.rel)).toEqual(files().filter(([, text]) => text.includes('example.net') || text.includes('fonts.')).map(([rel]) => rel));
  });

  it('after close, scans here what is still added and what the thread had, and starts no thread again', async () => {
    const starts = vi.spyOn(ScanQueue.prototype as unknown as { start(): unknown }, 'start');
    const queue = new ScanQueue(HOST, 0);
    const all = files();
    for (const [rel, text] of all.slice(0, 200)) queue.add(rel, text, false);
    queue.close();
    for (const [rel, text] of all.slice(200)) queue.add(rel, text, rel.endsWith('.css'));
    expect((await queue.finish()).map((f) => f.rel)).toEqual(all.filter(([, text]) => text.includes('example.net') || text.includes('fonts.')).map(([rel]) => rel));
    expect(starts).toHaveBeenCalledTimes(1);
    starts.mockRestore();
  });

  it('scans here the batches of a thread that ended without answering', async () => {
    const queue = new ScanQueue(HOST, 0);
    for (const [rel, text] of files()) queue.add(rel, text, rel.endsWith('.css'));
    // The thread ends before it could answer (as when it runs out of memory): nothing may be lost.
    const ended = (queue as unknown as { thread: { terminate(): Promise<number> } }).thread.terminate();
    await ended;
    const found = await queue.finish();
    expect(found.map((f) => f.rel)).toEqual(files().filter(([, text]) => text.includes('example.net') || text.includes('fonts.')).map(([rel]) => rel));
  });
});
