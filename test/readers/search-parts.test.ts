import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import { buildSite, makeSite, readTree, tempDirsPerTest } from '../helpers.js';

/**
 * A split search index (one Pagefind bundle per year) follows the change: an edited article
 * re-indexes its year's part alone, the other parts' files stay as they were, and the incremental
 * output is byte for byte the output of a cold build of the same content.
 */
const folder = tempDirsPerTest();

/** Three years of three articles each; `searchSplit: year` so that a small site is split too. */
function site(): string {
  const files: Record<string, string> = { 'stadtbote.config.yaml': 'title: Teile\nbaseUrl: https://example.org/presse/\nlanguage: de\nsearchSplit: year\n' };
  for (const year of ['2022', '2023', '2024']) {
    for (let k = 1; k <= 3; k++) {
      files[`content/${year}/${year}-0${k}-1${k}-meldung-${k}.md`] = `---\ntitle: "Meldung ${k} aus ${year}"\ndate: ${year}-0${k}-1${k}\nregion: Potsdam\nteaser: "Kurz ${year}."\n---\nText über Glasfaser ${year}.\n`;
    }
  }
  const root = makeSite(files, folder());
  return root;
}

/** Files of the output whose bytes differ between two trees, or that only one of them has. */
function changed(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const out = new Set<string>();
  for (const [rel, bytes] of a) if (!b.get(rel)?.equals(bytes)) out.add(rel);
  for (const rel of b.keys()) if (!a.has(rel)) out.add(rel);
  return [...out].sort();
}

describe('search index in parts', () => {
  it('writes one part per year; only the newest carries the script and WebAssembly', async () => {
    const root = site();
    const report = await buildSite(root);
    expect(report.searchIndex).toEqual({ status: 'indexed', parts: 3, indexedParts: 3, indexedArticles: 9, guessedParts: 0 });
    const tree = readTree(path.join(root, 'dist', 'pagefind'));
    const top = new Set([...tree.keys()].map((rel) => rel.split('/')[0]));
    expect([...top].sort()).toEqual(['2022', '2023', '2024']);
    expect(tree.has('2024/pagefind.js')).toBe(true);
    expect(tree.has('2024/wasm.de.pagefind')).toBe(true);
    for (const year of ['2022', '2023']) {
      expect(tree.has(`${year}/pagefind-entry.json`)).toBe(true);
      expect(tree.has(`${year}/pagefind.js`)).toBe(false);
      expect([...tree.keys()].some((rel) => rel.startsWith(`${year}/wasm.`))).toBe(false);
    }
    const searchPage = readFileSync(path.join(root, 'dist', 'suche', 'index.html'), 'utf8');
    expect(searchPage).toContain('data-bundle="/presse/pagefind/2024/pagefind.js"');
    expect(searchPage).toContain('data-merge="/presse/pagefind/2023/ /presse/pagefind/2022/"');
  });

  it("an edited article re-indexes its year's part alone, and the output is the cold build's", async () => {
    const root = site();
    await buildSite(root);
    const before = readTree(path.join(root, 'dist'));
    appendFileSync(path.join(root, 'content', '2022', '2022-01-11-meldung-1.md'), '\nNachtrag: Breitbandausbau.\n');
    const report = await buildSite(root);
    expect(report.cache).toBe('hit');
    // Begun from the part's last pages while the edit was rendered; the new page alone was added to it.
    expect(report.searchIndex).toEqual({ status: 'indexed', parts: 3, indexedParts: 1, indexedArticles: 3, guessedParts: 1 });
    const after = readTree(path.join(root, 'dist'));
    const searchFiles = changed(before, after).filter((rel) => rel.startsWith('pagefind/'));
    expect(searchFiles.length).toBeGreaterThan(0);
    // Only the edited year's part changed; the other parts' files are the same bytes.
    expect(searchFiles.filter((rel) => !rel.startsWith('pagefind/2022/'))).toEqual([]);
    for (const [rel, bytes] of before) if (rel.startsWith('pagefind/2023/') || rel.startsWith('pagefind/2024/')) expect(after.get(rel)?.equals(bytes), rel).toBe(true);

    // The same content built cold, in another folder: byte-identical output.
    const cold = folder();
    cpSync(path.join(root, 'content'), path.join(cold, 'content'), { recursive: true });
    cpSync(path.join(root, 'stadtbote.config.yaml'), path.join(cold, 'stadtbote.config.yaml'));
    const coldReport = await buildSite(cold);
    expect(coldReport.searchIndex?.indexedParts).toBe(3);
    const coldTree = readTree(path.join(cold, 'dist'));
    expect(changed(coldTree, after)).toEqual([]);
  });

  it('a build with nothing changed keeps every part, and a part whose year is gone leaves nothing behind', async () => {
    const root = site();
    await buildSite(root);
    const again = await buildSite(root);
    expect(again.searchIndex).toEqual({ status: 'kept', parts: 3, indexedParts: 0, indexedArticles: 0, guessedParts: 0 });
    // The newest year goes: 2023 becomes the primary part (indexed again with the script), 2022 is kept.
    rmSync(path.join(root, 'content', '2024'), { recursive: true });
    const fewer = await buildSite(root);
    expect(fewer.searchIndex).toEqual({ status: 'indexed', parts: 2, indexedParts: 1, indexedArticles: 3, guessedParts: 0 });
    const tree = readTree(path.join(root, 'dist', 'pagefind'));
    expect([...tree.keys()].some((rel) => rel.startsWith('2024/'))).toBe(false);
    expect(tree.has('2023/pagefind.js')).toBe(true);
  });

  /** The output of the same content built cold in another folder. */
  async function coldTree(root: string): Promise<Map<string, Buffer>> {
    const cold = folder();
    cpSync(path.join(root, 'content'), path.join(cold, 'content'), { recursive: true });
    cpSync(path.join(root, 'stadtbote.config.yaml'), path.join(cold, 'stadtbote.config.yaml'));
    await buildSite(cold);
    return readTree(path.join(cold, 'dist'));
  }

  it('a part begun from its last pages that no longer fit (an article added in the same edit) is indexed from its new pages: the cold build\'s output', async () => {
    const root = site();
    await buildSite(root);
    // A new article in 2023 and an edit of another one: the part's articles are not the last build's.
    writeFileSync(path.join(root, 'content', '2023', '2023-05-20-neu.md'), '---\ntitle: "Neu 2023"\ndate: 2023-05-20\nregion: Potsdam\nteaser: "Neu."\n---\nText über Quastenflosser.\n');
    appendFileSync(path.join(root, 'content', '2023', '2023-01-11-meldung-1.md'), '\nNachtrag: Glasfaser.\n');
    const report = await buildSite(root);
    expect(report.searchIndex).toEqual({ status: 'indexed', parts: 3, indexedParts: 1, indexedArticles: 4, guessedParts: 0 });
    expect(changed(await coldTree(root), readTree(path.join(root, 'dist')))).toEqual([]);
    // The next edit in that part fits again (the cache lists the part's new articles).
    appendFileSync(path.join(root, 'content', '2023', '2023-05-20-neu.md'), '\nNachtrag: Breitband.\n');
    const again = await buildSite(root);
    expect(again.searchIndex).toMatchObject({ indexedParts: 1, guessedParts: 1 });
    expect(changed(await coldTree(root), readTree(path.join(root, 'dist')))).toEqual([]);
  }, 60_000);

  /** Pagefind's processes that are children of this one, running or ended and not yet reaped (Linux: read from /proc). */
  function pagefindChildren(): string[] {
    const found: string[] = [];
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      // pid (comm) state ppid …: comm may hold spaces and parentheses, the fields after the last ')' do not.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === process.pid && comm.startsWith('pagefind')) found.push(`${pid} ${comm} ${state}`);
    }
    return found;
  }

  /** Waits until no Pagefind process of this one is left (the search thread ends it and reaps it as it closes), or 15 s have passed. */
  async function noPagefindLeft(): Promise<string[]> {
    const deadline = Date.now() + 15_000;
    let left = pagefindChildren();
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = pagefindChildren();
    }
    return left;
  }

  it.skipIf(process.platform !== 'linux')('a build that fails while a part is begun from its last pages leaves the output as it was, no Pagefind process behind, and the next build right', async () => {
    const root = site();
    // A part of some 300 articles: Pagefind is still reading its last pages when the build fails.
    for (let k = 1; k <= 300; k++) writeFileSync(path.join(root, 'content', '2022', `2022-06-${String((k % 28) + 1).padStart(2, '0')}-extra-${k}.md`), `---\ntitle: "Extra ${k}"\ndate: 2022-06-${String((k % 28) + 1).padStart(2, '0')}\nregion: Potsdam\nteaser: "Kurz."\n---\nText über Glasfaser und Verwaltung, Nummer ${k}.\n`);
    await buildSite(root);
    expect(await noPagefindLeft()).toEqual([]);
    const before = readTree(path.join(root, 'dist'));
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): number => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const file = path.join(root, 'content', '2022', '2022-01-11-meldung-1.md');
      const text = readFileSync(file, 'utf8');
      // A link to an article that does not exist stops the build after rendering, with the part begun.
      writeFileSync(file, `${text}\nSiehe [die Meldung](/2022/01-01-gibt-es-nicht/).\n`);
      await expect(buildSite(root)).rejects.toThrow();
      expect(changed(before, readTree(path.join(root, 'dist')))).toEqual([]);
      expect(await noPagefindLeft()).toEqual([]);
      writeFileSync(file, `${text}\nNachtrag: Quastenflosser.\n`);
      const report = await buildSite(root);
      expect(report.searchIndex).toMatchObject({ indexedParts: 1, guessedParts: 1 });
      expect(await noPagefindLeft()).toEqual([]);
      expect(changed(await coldTree(root), readTree(path.join(root, 'dist')))).toEqual([]);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  }, 60_000);

  it('refuses an unknown searchSplit with a problem that names the field and the choices', async () => {
    const root = site();
    writeFileSync(path.join(root, 'stadtbote.config.yaml'), 'title: Teile\nbaseUrl: https://example.org/presse/\nsearchSplit: month\n');
    const err = await buildSite(root).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const problem = (err as ConfigError).problems.find((p) => p.field === 'searchSplit');
    expect(problem?.reason).toContain('month');
    expect(problem?.fix).toContain('"year"');
  });
});
