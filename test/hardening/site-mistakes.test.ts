import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSite } from '../../src/config/config.js';
import { ConfigError } from '../../src/model/errors.js';
import { article, cleanup, makeSite, runCli, tempDir } from '../helpers.js';

describe('the output folder never replaces the site', () => {
  const root = makeSite({ 'stadtbote.config.yaml': 'search: false\n', 'content/2025/a.md': article({ title: 'Eins' }), 'templates/.keep': '' });
  afterAll(() => cleanup(root));

  it.each(['content', 'content/2025', '.', '..', 'templates', 'static', '.stadtbote-cache'])('refuses --out %s with exit 2 and touches nothing', (out) => {
    const result = runCli(['build', '--root', root, '--out', path.join(root, out)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('output-overlaps-site');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(root, 'content/2025/a.md'), 'utf8')).toContain('Eins');
    expect(existsSync(path.join(root, '.stadtbote-cache'))).toBe(false);
  });

  it('builds into a folder of its own inside the site', () => {
    expect(runCli(['build', '--root', root, '--out', path.join(root, 'public')]).code).toBe(0);
    expect(existsSync(path.join(root, 'public/index.html'))).toBe(true);
  });

  it('refuses a site folder that does not exist with exit 2 and creates nothing', () => {
    const missing = path.join(tempDir(), 'tippfehler');
    const result = runCli(['build', '--root', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('existiert nicht');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('a broken template', () => {
  it('is an error at its file, line and column (exit 1), before anything is written', () => {
    const root = makeSite({ 'stadtbote.config.yaml': 'search: false\n', 'content/2025/a.md': article(), 'templates/article.liquid': '{% layout "layouts/base" %}\n{% if %}\n' });
    try {
      const result = runCli(['build', '--root', root]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^templates\/article\.liquid:2:\d+: Fehler: die Vorlage \(Template\) enthält einen Liquid-Fehler: .*\[template\]$/m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
    } finally {
      cleanup(root);
    }
  });
});

describe('the search bundle\'s folder', () => {
  it.each([
    ['an alias inside it', { 'content/2025/a.md': article({}, 'Text.').replace('---\nText', 'aliases:\n  - /pagefind/pagefind.js\n---\nText') }],
    ['a static file of its name', { 'content/2025/a.md': article(), 'static/pagefind': 'x' }],
  ])('is taken before anything else: %s is a duplicate-url error (exit 1)', (_name, files) => {
    const root = makeSite({ 'stadtbote.config.yaml': 'title: Test\n', ...files });
    try {
      const result = runCli(['build', '--root', root]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain('[duplicate-url]');
      expect(result.stderr).toContain('der Suchindex');
    } finally {
      cleanup(root);
    }
  });
});

describe('the output-folder guard', () => {
  it('refuses the file-system root', () => {
    const root = makeSite({ 'content/2025/a.md': article() });
    try {
      expect(() => resolveSite({ root, out: path.parse(root).root })).toThrow(ConfigError);
    } finally {
      cleanup(root);
    }
  });
});
