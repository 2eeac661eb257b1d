import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../src/model/urls.js';

/**
 * `absoluteUrl` appends a plain site path to the base URL's folder without the URL parser
 * (model/urls.ts): for every base and path it gives what the parser gives.
 */
const parsed = (baseUrl: string, sitePath: string): string => new URL(sitePath.replace(/^\//, ''), baseUrl).href;
/** The result, or the error's name where the parser throws (`/\\/` names no host): both ways must agree on that too. */
const outcome = (f: () => string): string => {
  try {
    return f();
  } catch (err) {
    return `throws ${(err as Error).name}`;
  }
};

// Bases as a config may write them: with and without a base path or closing slash, a port, capitals, a query, a fragment, a user, a host in Unicode.
const BASES = [
  'https://example.org/',
  'https://example.org',
  'https://www.kreis-recklinghausen.de/presse/',
  'https://www.kreis-recklinghausen.de/presse',
  'HTTPS://Example.ORG:443/Presse/',
  'http://example.org:8080/a/b/',
  'https://example.org/presse/?ref=x#top',
  'https://user:pw@example.org/',
  'https://münster.de/aktuell/',
  'https://example.org/a%20b/',
];
const PIECES = ['2025', '02-13-kreistag', 'a', 'Z', '9', '-', '_', '~', '.', '..', '/', '%2e', '%', 'ü', ' ', '?', '#', '\\', 'index.html', 'feed.xml'];
const sitePath = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => `/${parts.join('')}`);

describe('absoluteUrl (model/urls.ts)', () => {
  it('gives what the URL parser gives, for plain paths and all others', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.oneof(sitePath, sitePath.map((p) => `${p}/`), fc.string({ maxLength: 10 })), (base, path) => {
        expect(outcome(() => absoluteUrl(base, path))).toBe(outcome(() => parsed(base, path)));
      }),
      { numRuns: 5000 },
    );
  });

  it('typical cases, written out', () => {
    expect(absoluteUrl('https://www.kreis-recklinghausen.de/presse/', '/2025/02-13-kreistag/')).toBe('https://www.kreis-recklinghausen.de/presse/2025/02-13-kreistag/');
    expect(absoluteUrl('https://www.kreis-recklinghausen.de/presse', '/feed.xml')).toBe('https://www.kreis-recklinghausen.de/feed.xml');
    expect(absoluteUrl('HTTPS://Example.ORG:443/', '/a/')).toBe('https://example.org/a/');
    expect(absoluteUrl('https://example.org/presse/?ref=x', '/')).toBe('https://example.org/presse/?ref=x');
    expect(absoluteUrl('https://example.org/', '/a/../b/')).toBe('https://example.org/b/');
  });
});
