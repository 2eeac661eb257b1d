import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSite, readTree, runCli } from '../helpers.js';
import { cases, MARKER } from './cases.js';
import { hostileSuite, isSlow, made, prepare } from './hostile-suite.js';

describe('the hostile suite', () => {
  it('has at least 40 cases with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });
});

// The large and slow cases run in hostile-slow.test.ts (the whole suite, not test:fast).
hostileSuite('hostile content', cases.filter((c) => !isSlow(c)));

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
