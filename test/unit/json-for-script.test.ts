import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/theme/engine.js';

// Every replacement applied, as before the shortcut for JSON that needs none (theme/engine.ts).
const reference = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

describe('jsonForScript', () => {
  it('gives the bytes of every replacement applied, for text with and without what could close the script', () => {
    const text = fc.array(fc.constantFrom('a', 'ü', '„', '<', '>', '&', '</script>', '\u2028', '\u2029', '"', '\\', ' '), { maxLength: 10 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.record({ headline: text, nested: fc.array(text, { maxLength: 3 }) }), (value) => {
        expect(jsonForScript(value)).toBe(reference(value));
        expect(jsonForScript(value)).not.toMatch(/[<>&\u2028\u2029]/);
      }),
      { numRuns: 2000 },
    );
  });
});
