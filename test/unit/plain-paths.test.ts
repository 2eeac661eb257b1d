import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeRelPath, isSafeSitePath } from '../../src/cache/well-formed.js';
import { invisibleCharacter } from '../../src/util/invisible.js';
import { PLAIN_RELATIVE_PATH } from '../../src/util/plain-path.js';
import { outputPathProblem, sameFileKey } from '../../src/write/output-names.js';

// The checks as they were before the plain-path shortcut (util/plain-path.ts, cache/well-formed.ts): the shortcut must
// answer as they do for every string, not only for the paths builds write.
function referenceRel(v: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (v === '' || v.length > 4096 || v.startsWith('/') || /[\\\u0000-\u001f]/.test(v)) return false;
  return v.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
function referenceSite(v: string): boolean {
  if (!v.startsWith('/')) return false;
  if (v === '/') return true;
  const rel = v.slice(1).replace(/\/$/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return false;
  }
  return referenceRel(rel) && referenceRel(decoded);
}

// Strings made of what paths are made of, and of what makes them unsafe.
const PIECES = ['a', 'Z', '9', '-', '_', '~', '.', '..', '/', '//', '%2e', '%2F', '%', '\\', 'ü', '%C3%BC', '\u0001', ' ', '?'];
const pathLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

describe('cache paths: the plain-path shortcut (util/plain-path.ts) answers as the general checks', () => {
  it('for relative paths', () => {
    fc.assert(fc.property(pathLike, (v) => {
        expect(isSafeRelPath(v), JSON.stringify(v)).toBe(referenceRel(v));
      }), { numRuns: 5000 });
  });

  it('for site paths', () => {
    fc.assert(fc.property(pathLike.map((v) => `/${v}`), (v) => {
        expect(isSafeSitePath(v), JSON.stringify(v)).toBe(referenceSite(v));
      }), { numRuns: 5000 });
  });

  it('at the length limit and for the paths builds write', () => {
    for (const v of ['a'.repeat(4096), 'a'.repeat(4097), `/${'a'.repeat(4096)}/`, `/${'a'.repeat(4097)}`, '/2025/03-05-potsdam-baut/', 'medien/bild.640.webp', '/.well-known/', '/a/../b/', '/%2e%2e/x/']) {
      expect(isSafeRelPath(v), v.slice(0, 20)).toBe(referenceRel(v));
      expect(isSafeSitePath(v), v.slice(0, 20)).toBe(v.startsWith('/') && referenceSite(v));
    }
  });
});

describe('output paths: a plain path needs no closer look', () => {
  // What outputPathProblem looks for beyond the shortcut (write/output-names.ts), and the shortcut's promise for keys.
  const problemFound = (v: string): boolean =>
    // eslint-disable-next-line no-control-regex
    v === '' || v.startsWith('/') || v.includes('\\') || v.split('/').some((p) => p === '' || p === '.' || p === '..') || /[\u0000-\u001f\u007f-\u009f#?%]/.test(v) || invisibleCharacter(v) !== undefined;

  it('a plain path has none of the problems, is its own normal form, and every other path is still judged', () => {
    fc.assert(
      fc.property(fc.oneof(pathLike, fc.string({ maxLength: 12 })), (v) => {
        if (PLAIN_RELATIVE_PATH.test(v)) {
          expect(problemFound(v), JSON.stringify(v)).toBe(false);
          expect(v.normalize('NFC')).toBe(v);
        }
        expect(outputPathProblem(v) !== undefined, JSON.stringify(v)).toBe(problemFound(v));
        expect(sameFileKey(v)).toBe(v.normalize('NFC').toLowerCase());
      }),
      { numRuns: 5000 },
    );
  });
});
