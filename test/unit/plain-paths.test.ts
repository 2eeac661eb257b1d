import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeRelPath, isSafeSitePath } from '../../src/cache/well-formed.js';
import { invisibleCharacter } from '../../src/util/invisible.js';
import { PLAIN_RELATIVE_PATH, PLAIN_SITE_PATH } from '../../src/util/plain-path.js';
import { outputPathProblem, sameFileKey } from '../../src/write/output-names.js';

/**
 * The checks of cache paths (cache/well-formed.ts) and of output paths (write/output-names.ts)
 * answer a plain path (util/plain-path.ts) at once and judge every other path as before. The
 * shortcut is sound when a plain path has none of the faults those checks look for: each is
 * named here on its own, so a pattern that lets one through fails with its name.
 */
function faultsOf(v: string): string[] {
  const faults: Record<string, boolean> = {
    empty: v === '',
    absolute: v.startsWith('/'),
    backslash: v.includes('\\'),
    // eslint-disable-next-line no-control-regex
    control: /[\u0000-\u001f\u007f-\u009f]/.test(v),
    'empty, "." or ".." part': v.split('/').some((part) => part === '' || part === '.' || part === '..'),
    // `%` also: a plain path must decode to itself.
    'URL character (#, ?, %)': /[#?%]/.test(v),
    invisible: invisibleCharacter(v) !== undefined,
    'not in NFC': v.normalize('NFC') !== v,
  };
  return Object.keys(faults).filter((name) => faults[name]);
}

// Strings made of what paths are made of, and of what makes them unsafe.
const PIECES = ['a', 'Z', '9', '-', '_', '~', '.', '..', '/', '//', '%2e', '%2F', '%', '\\', 'ü', 'u\u0308', '%C3%BC', '\u0001', '\u200b', ' ', '?', '#'];
const pathLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

describe('plain paths (util/plain-path.ts)', () => {
  it('a plain relative path has none of the faults the cache\'s and the output\'s checks look for, and is answered at once', () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(pathLike, fc.string({ maxLength: 12 })), (v) => {
        if (!PLAIN_RELATIVE_PATH.test(v)) return;
        plain++;
        expect(faultsOf(v), JSON.stringify(v)).toEqual([]);
        expect([isSafeRelPath(v), outputPathProblem(v), sameFileKey(v)]).toEqual([true, undefined, v.toLowerCase()]);
      }),
      { numRuns: 5000 },
    );
    // The property says something only if plain paths came up often enough.
    expect(plain).toBeGreaterThan(200);
  });

  it('a plain site path is "/" and a plain relative path, with or without its closing slash', () => {
    fc.assert(
      fc.property(pathLike.map((v) => `/${v}`), (v) => {
        if (!PLAIN_SITE_PATH.test(v)) return;
        const rel = v.slice(1).replace(/\/$/, '');
        expect(rel === '' || PLAIN_RELATIVE_PATH.test(rel), JSON.stringify(v)).toBe(true);
        expect(isSafeSitePath(v)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('judges every other path as before: encoded dots, empty and dot parts, other scripts, length limits', () => {
    const rel: [string, boolean][] = [
      ['2025/ü.md', true],
      ['a/../b', false],
      ['a//b', false],
      ['a/b/', false],
      ['/a', false],
      ['a\\b', false],
      ['a\u0001b', false],
      ['a'.repeat(4096), true],
      ['a'.repeat(4097), false],
    ];
    for (const [v, safe] of rel) expect(isSafeRelPath(v), v.slice(0, 20)).toBe(safe);
    const site: [string, boolean][] = [
      ['/', true],
      ['/2025/03-05-potsdam-baut/', true],
      ['/medien/%C3%BC.png', true],
      ['/%2e%2e/x/', false],
      ['/a/%2Fb/', false],
      ['/a//', false],
      ['/./', false],
      [`/${'a'.repeat(4096)}/`, true],
      [`/${'a'.repeat(4097)}`, false],
    ];
    for (const [v, safe] of site) expect(isSafeSitePath(v), v.slice(0, 20)).toBe(safe);
    expect(outputPathProblem('a/%41/index.html')).toContain('"%"');
    expect(outputPathProblem('a/\u200b/index.html')).toContain('invisible');
    expect(sameFileKey('U\u0308ber/Index.html')).toBe('über/index.html');
  });
});
