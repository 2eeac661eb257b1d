import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import type { Problem } from '../../src/model/problem.js';
import { buildSite, cleanup, makeSite, readTree, runCli, tempDir } from '../helpers.js';
import { cases, MARKER, type ExpectedError, type HostileCase } from './cases.js';

const made: string[] = [];
afterAll(() => made.forEach(cleanup));

function prepare(c: HostileCase): { root: string; outside: string } {
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

describe('hostile content', () => {
  beforeEach(() => rmSync(MARKER, { force: true }));

  it('has at least 40 cases with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
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

describe('hostile content through the CLI', () => {
  // Problems about a whole file (a link, a URL clash) have no line to point at.
  const cliCases: [string, RegExp][] = [
    ['broken YAML: unclosed flow list', /^content\/2025\/a\.md:\d+:\d+: error: /m],
    ['JavaScript frontmatter (---js) is refused, not run', /^content\/2025\/a\.md:1:1: error: /m],
    ['10,000 levels of block quotes', /^content\/2025\/a\.md:7:1: error: .*\[too-complex\]/m],
    ['Latin-1 bytes (not UTF-8)', /^content\/2025\/a\.md:1:1: error: /m],
    ['symlinked file leading out of the content folder', /^content\/2025\/link\.md: error: /m],
    ['two articles with the same URL', /^content\/2025\/b\.md(:\d+:\d+)?: error: .*content\/2025\/a\.md/m],
  ];

  it.each(cliCases)('%s: exit 1, file:line:col message, no stack trace, no output', (name, format) => {
    const c = cases.find((x) => x.name === name)!;
    const { root } = prepare(c);
    rmSync(MARKER, { force: true });
    const r = runCli(['build', '--root', root, '--no-search']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr).toMatch(format);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    expect(existsSync(MARKER)).toBe(false);
  });

  it('a failing build leaves a previous output folder unchanged', () => {
    const root = makeSite({ 'content/2025/a.md': '---\ntitle: Titel\ndate: 2025-02-13\nregion: Potsdam\nteaser: t\n---\nText\n' });
    made.push(root);
    expect(runCli(['build', '--root', root, '--no-search']).code).toBe(0);
    const before = readTree(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'content/2025/b.md'), '---\ntitle: [kaputt\n---\n');
    const r = runCli(['build', '--root', root, '--no-search']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^content\/2025\/b\.md:\d+:\d+: error: /m);
    expect(readTree(path.join(root, 'dist'))).toEqual(before);
  });
});
