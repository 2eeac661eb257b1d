import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newArticle } from '../../src/commands/new.js';
import { resolveSite } from '../../src/config/config.js';
import { ConfigError } from '../../src/model/errors.js';
import { article, buildSite, cleanup, makeSite, readTree, runCli, tempDir } from '../helpers.js';

const made: string[] = [];
afterAll(() => made.forEach(cleanup));
function site(files: Record<string, string> = {}): string {
  const root = makeSite({ 'content/2025/a.md': article(), ...files });
  made.push(root);
  return root;
}
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('prototype keys in the config (issue 16, finding 9)', () => {
  it.each([
    ['YAML', 'stadtbote.config.yaml', '__proto__:\n  perPage: 1\n'],
    ['JSON', 'stadtbote.config.json', '{ "__proto__": { "perPage": 1 } }'],
    ['YAML constructor', 'stadtbote.config.yaml', 'constructor:\n  prototype:\n    perPage: 1\n'],
  ])('%s: refused with a problem, perPage untouched', (_kind, name, text) => {
    const root = site({ [name]: text });
    const err = configError(() => resolveSite({ root }));
    expect(err.problems.some((p) => p.ruleId === 'config-value' && p.file === name && /is not allowed/.test(p.reason))).toBe(true);
    expect(({} as Record<string, unknown>).perPage).toBeUndefined();
  });

  it('__proto__ inside publisher does not supply a name', () => {
    const root = site({ 'stadtbote.config.json': '{ "publisher": { "__proto__": { "name": "Untergeschoben" } } }' });
    const err = configError(() => resolveSite({ root }));
    expect(err.problems.map((p) => p.field)).toContain('publisher');
  });
});

describe('credentials in the base URL (issue 16, finding 9)', () => {
  it('--base-url with user and password is refused, and the password is not repeated', () => {
    const root = site();
    const r = runCli(['build', '--root', root, '--no-search', '--base-url', 'https://redakteur:geheim123@example.org/presse/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/user name or password/);
    expect(r.stderr).not.toContain('geheim123');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it.each(['https://nur-nutzer@example.org/', 'http://:pw@example.org/'])('baseUrl %s in the config is refused', (url) => {
    const root = site({ 'stadtbote.config.yaml': `baseUrl: "${url}"\n` });
    const err = configError(() => resolveSite({ root }));
    expect(err.problems[0]!.field).toBe('baseUrl');
    expect(err.problems[0]!.reason).not.toContain('pw@');
  });
});

describe('new writes only what the build accepts, only inside content/ (issue 16, finding 9)', () => {
  it.each([
    ['a NEL (U+0085) in the title', { title: 'Titel\u0085mit NEL' }, 'title'],
    ['a title of 5,000 characters', { title: 'x'.repeat(5000) }, 'title'],
    ['a zero-width space in the region', { region: 'Pots\u200bdam' }, '--region'],
    ['a soft hyphen in the region', { region: 'Pots\u00addam' }, '--region'],
    ['a C1 control in the teaser', { teaser: 'Anriss\u009b' }, '--teaser'],
  ])('%s is refused and nothing is written', (_name, fields, flag) => {
    const root = site();
    const before = readTree(path.join(root, 'content'));
    const err = configError(() => newArticle({ root, title: 'Titel', region: 'Potsdam', date: '2025-03-01', ...fields }));
    expect(err.problems[0]!.file).toBe(flag);
    expect(readTree(path.join(root, 'content'))).toEqual(before);
  });

  it('every article new accepts builds', async () => {
    const root = site();
    newArticle({ root, title: 'Ärger über „Ölpreis“ – 1.50 €', region: 'Mühlhausen', date: '2025-03-01', teaser: '007' });
    const report = await buildSite(root, { search: false });
    expect(report.articles).toBe(2);
  });

  it('a year folder linked out of content/ is not followed', () => {
    const root = site();
    const outside = tempDir('stadtbote-outside-');
    made.push(outside);
    symlinkSync(outside, path.join(root, 'content/2026'));
    const err = configError(() => newArticle({ root, title: 'Titel', region: 'Potsdam', date: '2026-03-01' }));
    expect(err.problems[0]!.reason).toMatch(/leads out of the content folder/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a year folder linked inside content/ is fine', () => {
    const root = site();
    mkdirSync(path.join(root, 'content/archiv-2026'));
    symlinkSync('archiv-2026', path.join(root, 'content/2026'));
    const created = newArticle({ root, title: 'Titel', region: 'Potsdam', date: '2026-03-01' });
    expect(existsSync(path.join(root, 'content/archiv-2026', path.basename(created.file)))).toBe(true);
  });
});
