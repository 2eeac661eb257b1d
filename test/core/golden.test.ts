import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, cleanup, copyFixture, FIXTURES, readTree } from '../helpers.js';

/**
 * Golden fixture sites: `test/fixtures/<case>/site` is built and its whole output compared with
 * `test/fixtures/<case>/expected`. `UPDATE=1 npx vitest run test/core/golden.test.ts` rewrites them.
 */
const cases = readdirSync(FIXTURES).filter((name) => name.startsWith('core-') && existsSync(path.join(FIXTURES, name, 'site')));
const temps: string[] = [];
afterAll(() => temps.forEach(cleanup));

describe('golden fixture sites', () => {
  it('has at least one case', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(`${name}: the whole output equals the expected folder`, async () => {
      const root = copyFixture(name);
      temps.push(root);
      await buildSite(root, { noCache: true });
      const actual = readTree(path.join(root, 'dist'));
      const expectedDir = path.join(FIXTURES, name, 'expected');
      if (process.env.UPDATE === '1') {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const [rel, bytes] of actual) {
          mkdirSync(path.dirname(path.join(expectedDir, rel)), { recursive: true });
          writeFileSync(path.join(expectedDir, rel), bytes);
        }
      }
      const expected = readTree(expectedDir);
      expect([...actual.keys()]).toEqual([...expected.keys()]);
      for (const [rel, bytes] of expected) {
        expect(actual.get(rel)?.toString('utf8'), rel).toBe(bytes.toString('utf8'));
      }
    });
  }
});
