import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import type { Problem } from '../../src/model/problem.js';
import { buildSite, cleanup, makeSite, readTree, tempDir } from '../helpers.js';
import { MARKER, type ExpectedError, type HostileCase } from './cases.js';

export const made: string[] = [];
afterAll(() => made.forEach(cleanup));

export function prepare(c: HostileCase): { root: string; outside: string } {
  const root = makeSite(c.files);
  const outside = tempDir('stadtbote-outside-');
  writeFileSync(path.join(outside, 'sentinel.txt'), 'sentinel\n');
  made.push(root, outside);
  c.setup?.(root, outside);
  return { root, outside };
}

function matches(p: Problem, e: ExpectedError): boolean {
  if (p.file !== e.file) return false;
  if (e.line !== undefined && p.line !== e.line) return false;
  if (e.ruleId !== undefined && p.ruleId !== e.ruleId) return false;
  if (e.field !== undefined && p.field !== e.field) return false;
  if (e.reason !== undefined && !(typeof e.reason === 'string' ? p.reason.includes(e.reason) : e.reason.test(p.reason))) return false;
  return p.severity === 'error';
}

const show = (ps: readonly Problem[]): string => ps.map((p) => `${p.file}:${p.line}:${p.column} ${p.ruleId} ${p.field ?? ''} ${p.reason}`).join('\n');

/** Large inputs and render-budget cases: seconds each (worker threads, megabytes of Markdown); not in `test:fast`. */
export function isSlow(c: HostileCase): boolean {
  const bytes = Object.values(c.files).reduce((n, f) => n + f.length, 0);
  return c.options?.renderBudget !== undefined || bytes > 100_000;
}

/** Builds every selected case and checks what it must (and must not) do; see cases.ts. */
export function hostileSuite(title: string, selected: readonly HostileCase[]): void {
  describe(title, () => {
  beforeEach(() => rmSync(MARKER, { force: true }));

  it.each(selected.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { root, outside } = prepare(c);
    const outsideBefore = readTree(outside);
    let problems: readonly Problem[] = [];
    let failed = false;
    try {
      await buildSite(root, { search: false, ...c.options });
    } catch (err) {
      // Anything but a ContentError is a crash: the test fails with its stack.
      if (!(err instanceof ContentError)) throw err;
      failed = true;
      problems = err.problems;
    }
    const dist = path.join(root, 'dist');
    if (c.expect.exit === 1) {
      expect(failed, 'the build should report a content error').toBe(true);
      for (const e of c.expect.errors) expect(problems.some((p) => matches(p, e)), `expected ${JSON.stringify(e)} in\n${show(problems)}`).toBe(true);
      if (c.expect.only) expect(problems.filter((p) => p.severity === 'error'), show(problems)).toHaveLength(c.expect.errors.length);
      for (const p of problems.filter((x) => x.severity === 'error')) {
        expect(p.file).toMatch(/^content\//);
        expect(p.ruleId).toMatch(/^[a-z-]+$/);
      }
      expect(existsSync(dist), 'no output folder after a failed build').toBe(false);
    } else {
      expect(failed, `unexpected errors:\n${show(problems)}`).toBe(false);
      for (const page of c.expect.pages ?? []) expect(existsSync(path.join(dist, page)), page).toBe(true);
      for (const [file, needles] of Object.entries(c.expect.contains ?? {})) {
        const html = readFileSync(path.join(dist, file), 'utf8');
        for (const n of needles) expect(html).toMatch(typeof n === 'string' ? new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : n);
      }
      for (const [file, needles] of Object.entries(c.expect.excludes ?? {})) {
        const html = readFileSync(path.join(dist, file), 'utf8');
        for (const n of needles) expect(html).not.toMatch(typeof n === 'string' ? new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : n);
      }
    }
    // Nothing ran, nothing leaked: no marker, no polluted prototype, the folder beside the site untouched.
    expect(existsSync(MARKER)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readTree(outside)).toEqual(outsideBefore);
  });
});
}
