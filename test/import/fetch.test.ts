import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDe } from '../../src/i18n/import.js';
import { fetchBytes, FetchFailure } from '../../src/import/fetch.js';

let server: http.Server;
let base: string;
const hanging: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/gross') {
      // No content-length: the limit must hold while the body streams in.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(600));
      res.end(Buffer.alloc(600));
    } else if (req.url === '/gross-angekuendigt') {
      res.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000));
    } else if (req.url === '/haengt') {
      hanging.push(res);
    } else res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('downloads of sources and media', () => {
  const limits = { timeoutMs: 300, maxBytes: 1000 };

  it('reads a response within the limits', async () => {
    expect((await fetchBytes(`${base}/`, limits, importDe)).toString()).toBe('ok');
  });

  it('refuses a body larger than the limit, announced or streamed', async () => {
    for (const route of ['/gross', '/gross-angekuendigt']) {
      const error = await fetchBytes(`${base}${route}`, limits, importDe).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FetchFailure);
      expect((error as Error).message).toBe(`„${base}${route}“ ist größer als 1.000 Bytes`);
    }
  });

  it('gives up on a server that does not answer', async () => {
    const error = await fetchBytes(`${base}/haengt`, limits, importDe).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`„${base}/haengt“ hat nicht innerhalb von 0,3 Sekunden geantwortet`);
  });
});
