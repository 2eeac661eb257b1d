import { describe, expect, it } from 'vitest';
import { serverOnlyLine } from '../../src/cli.js';
import { parseOldAddress, querySpellings } from '../../src/content/aliases.js';
import { ConfigError, ContentError } from '../../src/model/errors.js';
import type { Problem } from '../../src/model/problem.js';
import { article, buildSite, cleanup, makeSite, readTree, runCli } from '../helpers.js';

const BASE = 'https://www.landkreis.example/presse/';

function withAliases(aliases: string[], fields: Record<string, string> = {}, body?: string): string {
  return article({ title: 'Eins', ...fields }, body).replace('---\n', `---\naliases:\n${aliases.map((a) => `  - ${JSON.stringify(a)}`).join('\n')}\n`);
}

async function problemsOf(files: Record<string, string>, baseUrl = BASE): Promise<{ problems: readonly Problem[]; files?: Map<string, Buffer>; serverOnly?: readonly string[] }> {
  const root = makeSite(files);
  try {
    const report = await buildSite(root, { search: false, noCache: true, baseUrl });
    return { problems: report.warnings, files: readTree(`${root}/dist`), serverOnly: report.serverOnlyAliases };
  } catch (err) {
    if (err instanceof ContentError || err instanceof ConfigError) return { problems: err.problems };
    throw err;
  } finally {
    cleanup(root);
  }
}

describe('an old address, parsed', () => {
  it('takes a path from the host root, a full URL (host kept for the check) and a query', () => {
    expect(parseOldAddress('/aktuelles/2019/x.html')).toMatchObject({ ok: true, address: { path: '/aktuelles/2019/x.html', decodedPath: '/aktuelles/2019/x.html' } });
    expect(parseOldAddress('https://WWW.Landkreis.example/alt/x.html?id=1')).toMatchObject({ ok: true, address: { host: 'www.landkreis.example', path: '/alt/x.html', query: 'id=1' } });
    expect(parseOldAddress('/alt/größe.html')).toMatchObject({ ok: true, address: { path: '/alt/gr%C3%B6%C3%9Fe.html', decodedPath: '/alt/größe.html' } });
  });

  it('matches a TYPO3 query with its brackets encoded or not', () => {
    const parsed = parseOldAddress('/index.php?tx_news_pi1[news]=42');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(querySpellings(parsed.address).sort()).toEqual(['tx_news_pi1%5Bnews%5D=42', 'tx_news_pi1[news]=42']);
  });

  it.each([
    ['alt/x.html', 'must start with "/"'],
    ['//www.example.org/x.html', '"//"'],
    ['/alt/x.html#teil', '"#"'],
    ['/alt/a b.html', 'spaces'],
    ['/alt/%2e%2e/%2E%2E/x.html', '".."'],
    ['/alt/a%2Fb.html', 'encoded slash'],
    ['/alt//x.html', '"//"'],
    ['/alt/${HOME}.html', '"${"'],
    ['/alt/x.html?', 'without a query'],
    ['/alt/%zz.html', 'valid %XX'],
    ['ftp://example.org/x', 'must start with "/"'],
    ['https://user:pw@example.org/x', 'password'],
  ])('refuses %s', (alias, reason) => {
    const parsed = parseOldAddress(alias);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('old addresses in a build under /presse/', () => {
  it('writes redirect pages only under the base path, lists the others once, and writes them into every server file', async () => {
    const { problems, files, serverOnly } = await problemsOf({ 'content/2025/a.md': withAliases(['/presse/alt/x.html', '/aktuelles/2019/y.html', 'https://www.landkreis.example/alt/z.html', '/presse/meldung.php?id=7']) });
    expect(problems.filter((p) => p.field?.startsWith('aliases'))).toEqual([]);
    expect(files!.has('alt/x.html')).toBe(true);
    expect([...files!.keys()].filter((f) => f.includes('aktuelles') || f.includes('meldung.php') || f.includes('z.html'))).toEqual([]);
    expect(serverOnly).toEqual(['/aktuelles/2019/y.html', '/alt/z.html', '/presse/meldung.php?id=7']);
    for (const file of ['nginx-http.conf', '.htaccess', '_redirects']) {
      const text = files!.get(file)!.toString();
      for (const needle of ['aktuelles/2019/y', 'alt/z', 'meldung']) expect(text, `${file} ${needle}`).toContain(needle);
    }
    expect(serverOnlyLine(serverOnly!, false)).toBe('3 old addresses outside the base path or with a query redirect only with the server files (nginx-*.conf, .htaccess, _redirects): /aktuelles/2019/y.html, /alt/z.html, /presse/meldung.php?id=7');
    expect(serverOnlyLine(['/a', '/b', '/c', '/d'], false)).toContain('and 1 more (--verbose lists them)');
  });

  it('stadtbote build prints the server-only list as one line', () => {
    const root = makeSite({ 'content/2025/a.md': withAliases(['/presse/alt/x.html', '/aktuelles/2019/y.html', '/presse/meldung.php?id=7']) });
    try {
      const r = runCli(['build', '--root', root, '--no-search', '--base-url', BASE]);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n').filter((l) => l.includes('old address'));
      expect(lines).toEqual(['2 old addresses outside the base path or with a query redirect only with the server files (nginx-*.conf, .htaccess, _redirects): /aktuelles/2019/y.html, /presse/meldung.php?id=7']);
    } finally {
      cleanup(root);
    }
  });

  it('refuses an address on another host, naming file, line, column and field', async () => {
    const { problems } = await problemsOf({ 'content/2025/a.md': withAliases(['/presse/alt/x.html', 'https://www.anderer-kreis.example/alt/x.html']) });
    const p = problems.find((x) => x.ruleId === 'alias-other-host');
    expect(p).toMatchObject({ file: 'content/2025/a.md', field: 'aliases.1', line: 4, column: 5, severity: 'error' });
    expect(p!.reason).toContain('www.anderer-kreis.example');
  });

  it('warns about a doubled base path and says what to write', async () => {
    const { problems, files } = await problemsOf({ 'content/2025/a.md': withAliases(['/presse/presse/alt/x.html']) });
    const p = problems.find((x) => x.ruleId === 'alias-doubled-base-path');
    expect(p).toMatchObject({ field: 'aliases.0', severity: 'warning' });
    expect(p!.fix).toBe('write /presse/alt/x.html if that was the old address');
    expect(files).toBeDefined();
  });

  it('refuses two articles claiming one old address, even in different case (nginx cannot tell them apart)', async () => {
    const { problems } = await problemsOf({
      'content/2025/a.md': withAliases(['/Aktuelles/X.html']),
      'content/2025/b.md': withAliases(['/aktuelles/x.html'], { title: 'Zwei' }),
    });
    expect(problems.filter((x) => x.ruleId === 'alias-clash')).toHaveLength(1);
  });

  it('checks site-absolute body links: kept with the base path, added without, an error when nothing is there', async () => {
    const ok = await problemsOf({
      'content/2025/eins.md': article({ title: 'Eins' }, 'Siehe [zwei](/presse/2025/02-13-zwei/#teil), [Feed](/feed.xml) und [Archiv](/presse/archiv/).'),
      'content/2025/zwei.md': article({ title: 'Zwei' }),
    });
    const html = ok.files!.get('2025/02-13-eins/index.html')!.toString();
    expect(html).toContain('href="/presse/2025/02-13-zwei/#teil"');
    expect(html).toContain('href="/presse/feed.xml"');
    expect(html).toContain('href="/presse/archiv/"');
    expect(html).not.toContain('/presse/presse/');
    const broken = await problemsOf({ 'content/2025/a.md': article({ title: 'Eins' }, 'Text.\n\nSiehe [alt](/presse/2025/03-14-gibt-es-nicht/).') });
    expect(broken.problems.filter((p) => p.ruleId === 'broken-link')).toMatchObject([{ file: 'content/2025/a.md', line: 9, severity: 'error' }]);
    expect(broken.problems.find((p) => p.ruleId === 'broken-link')!.reason).toContain('/presse/2025/03-14-gibt-es-nicht/');
  });

  it.each(['https://example.org/pre$1se/', 'https://example.org/a%20b/', "https://example.org/it's/"])('refuses a base path servers would interpret: %s', async (baseUrl) => {
    const { problems } = await problemsOf({ 'content/2025/a.md': article() }, baseUrl);
    expect(problems.map((p) => p.field)).toContain('baseUrl');
  });
});
