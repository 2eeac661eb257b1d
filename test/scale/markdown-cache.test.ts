import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { article, buildSite, cleanup, makeSite, prng, readTree, REPO } from '../helpers.js';
import { MarkdownStage } from '../../src/render/markdown-stage.js';
import { markdownEntryKey, MarkdownStore } from '../../src/cache/markdown-store.js';

/**
 * The Markdown cache (cache/markdown-store.ts) outlives template and config changes: these tests
 * walk random sequences of content, template, config and file edits, and after every step compare
 * the incremental build with a cold build of the same state, byte for byte over the whole dist/.
 */

const REGIONS = ['Potsdam', 'München', 'Bayern'];
const THEME_BASE = readFileSync(path.join(REPO, 'templates/layouts/base.liquid'), 'utf8');
const THEME_ITEM = readFileSync(path.join(REPO, 'templates/partials/article-item.liquid'), 'utf8');
const THEME_PAGINATION = readFileSync(path.join(REPO, 'templates/partials/pagination.liquid'), 'utf8');
const FOOTER_LINE = '{{ chrome.footer | raw }}';

interface SiteState {
  title: string;
  perPage: number;
  rawHtml: 'none' | 'sanitize';
  basePath: string;
  language: 'de' | 'en';
}

const configOf = (s: SiteState): string =>
  `title: ${s.title}\nbaseUrl: https://example.org${s.basePath}\nperPage: ${s.perPage}\nfeedItems: 4\nsearch: false\nrawHtml: ${s.rawHtml}\nlanguage: ${s.language}\n`;

const dateOf = (i: number): string => `${2023 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
const sourceOf = (i: number): string => `content/${dateOf(i).slice(0, 4)}/${dateOf(i)}-meldung-${i}.md`;

/** Bodies that touch what the Markdown stage depends on: raw HTML, images, downloads, links to sources and site paths. */
function bodyOf(i: number, version = 0): string {
  const text = `Text ${i}.${version} mit **Fett** und einer Liste:\n\n- eins\n- zwei\n`;
  if (i === 0) return `${text}\nSiehe [die andere Meldung](${path.posix.relative(path.posix.dirname(sourceOf(0)), sourceOf(1))}) und das [Impressum](/impressum/).`;
  if (i === 2) return `${text}\n![Ein Rechteck](/2024/bild.png)\n\nDer [Bericht](/2024/bericht.pdf) zum Nachlesen.`;
  if (i === 3) return `${text}\n<span class="hervor">roh ${version}</span> und <em>betont</em>.\n\n| A | B |\n|---|---|\n| 1 | 2 |`;
  return text;
}

const PHOTO_ARTICLE = 'content/2024/2024-05-05-mit-foto.md';

const png = (width: number, color: string): Promise<Buffer> => sharp({ create: { width, height: 120, channels: 3, background: color } }).png().toBuffer();

async function initialSite(state: SiteState): Promise<string> {
  const files: Record<string, string | Buffer> = {
    'stadtbote.config.yaml': configOf(state),
    'content/pages/impressum.md': '---\ntitle: Impressum\n---\nStadt Test, [Meldung](../2023/2023-01-01-meldung-0.md).\n',
    'content/2024/bild.png': await png(300, '#3366aa'),
    'content/2024/foto.png': await png(400, '#66aa33'),
    'content/2024/bericht.pdf': Buffer.from('%PDF-1.4\n% Bericht\n'),
  };
  for (let i = 0; i < 12; i++) {
    const fields: Record<string, string> = { title: `Meldung ${i}`, date: dateOf(i), region: REGIONS[i % REGIONS.length]!, teaser: `Anriss ${i}` };
    files[sourceOf(i)] = article(fields, bodyOf(i));
  }
  // A frontmatter image: the page step adds it to the used files after the Markdown result is stored.
  files[PHOTO_ARTICLE] = `---\ntitle: "Mit Foto"\ndate: 2024-05-05\nregion: Potsdam\nteaser: "Ein Foto."\nimage:\n  src: foto.png\n  alt: "Ein grünes Rechteck"\n---\nText mit Foto und [Bericht](bericht.pdf).\n`;
  return makeSite(files);
}

/** Sources a step may edit, rename or delete freely (0 and 1 link to each other, 2, 3 and the photo article carry the special bodies). */
function freeSources(root: string): string[] {
  const fixed = new Set([...[0, 1, 2, 3].map(sourceOf), PHOTO_ARTICLE]);
  return [...readTree(path.join(root, 'content')).keys()].map((p) => `content/${p}`).filter((p) => p.endsWith('.md') && !p.startsWith('content/pages/') && !fixed.has(p)).sort();
}

type Outcome = { ok: true; tree: Map<string, Buffer>; markdownRuns: number } | { ok: false; problems: string };

async function buildOutcome(root: string, options: Parameters<typeof buildSite>[1], out: string): Promise<Outcome> {
  const runs = vi.spyOn(MarkdownStage.prototype, 'run');
  try {
    await buildSite(root, options);
    return { ok: true, tree: readTree(path.join(root, out)), markdownRuns: runs.mock.calls.length };
  } catch (err) {
    const problems = (err as { problems?: unknown }).problems;
    if (!problems) throw err;
    return { ok: false, problems: JSON.stringify(problems) };
  } finally {
    runs.mockRestore();
  }
}

/** The incremental build of the site as it is, against a cold one into another folder: same files, same bytes, or the same problems. */
async function expectSameAsCold(root: string, label: string): Promise<Outcome> {
  const warm = await buildOutcome(root, {}, 'dist');
  rmSync(path.join(root, 'cold'), { recursive: true, force: true });
  const cold = await buildOutcome(root, { noCache: true, out: path.join(root, 'cold') }, 'cold');
  expect(warm.ok, `${label}: ${warm.ok ? '' : warm.problems}`).toBe(cold.ok);
  if (!warm.ok || !cold.ok) {
    expect(warm.ok ? '' : warm.problems, label).toBe(cold.ok ? '' : cold.problems);
    return warm;
  }
  expect([...warm.tree.keys()], label).toEqual([...cold.tree.keys()]);
  for (const [rel, bytes] of cold.tree) expect(warm.tree.get(rel)?.equals(bytes), `${label}: ${rel}`).toBe(true);
  return warm;
}

type Step = { label: string; templatesOnly: boolean };

const OPS = 15;
const BROKEN_LINE = '\n![](/2024/bild.png)\n';

/** Takes the image without alt text of op 12 out again and brings a deleted photo back, so that a sequence goes on with a site that builds. */
async function repairBroken(root: string): Promise<boolean> {
  if (!existsSync(path.join(root, 'content/2024/foto.png'))) {
    writeFileSync(path.join(root, 'content/2024/foto.png'), await png(420, '#66aa33'));
    return true;
  }
  for (const file of freeSources(root)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    if (text.includes(BROKEN_LINE)) {
      writeFileSync(path.join(root, file), text.replace(BROKEN_LINE, '\nRepariert.\n'));
      return true;
    }
  }
  return false;
}

/** The ops of a sequence: each once, in a random order, so every sequence covers every kind of edit. */
function shuffledOps(rnd: () => number): number[] {
  const ops = Array.from({ length: OPS }, (_, i) => i);
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ops[i], ops[j]] = [ops[j]!, ops[i]!];
  }
  return ops;
}

/** Edit `op` of the site, its details drawn at random; `templatesOnly` when nothing the Markdown stage reads changed. */
async function randomStep(root: string, state: SiteState, rnd: () => number, op: number, step: number): Promise<Step> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const write = (rel: string, text: string | Buffer): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const config = (change: Partial<SiteState>, templatesOnly: boolean, label: string): Step => {
    Object.assign(state, change);
    write('stadtbote.config.yaml', configOf(state));
    return { label, templatesOnly };
  };
  const free = freeSources(root);
  switch (op) {
    case 0:
      write('templates/layouts/base.liquid', THEME_BASE.replace(FOOTER_LINE, `<p class="stand">Stand ${step}</p>${FOOTER_LINE}`));
      return { label: 'base layout overridden', templatesOnly: true };
    case 1:
      rmSync(path.join(root, 'templates'), { recursive: true, force: true });
      return { label: 'template overrides removed', templatesOnly: true };
    case 2:
      write('templates/partials/article-item.liquid', `<!-- Eintrag ${step} -->\n${THEME_ITEM}`);
      return { label: 'list item overridden', templatesOnly: true };
    case 3:
      return config({ title: `Stadt ${step}` }, true, 'config title');
    case 4:
      return config({ perPage: 2 + (step % 4) }, true, 'config perPage');
    case 5:
      return config({ rawHtml: state.rawHtml === 'none' ? 'sanitize' : 'none' }, false, 'config rawHtml');
    case 6:
      return config({ basePath: state.basePath === '/' ? '/presse/' : '/' }, false, 'config base path');
    case 7:
      return config({ language: state.language === 'de' ? 'en' : 'de' }, false, 'config language');
    case 8: {
      const i = pick([0, 2, 3]);
      const file = path.join(root, sourceOf(i));
      writeFileSync(file, readFileSync(file, 'utf8').replace(/Text \d+\.\d+/, `Text ${i}.${step}`).replace(/roh \d+/, `roh ${step}`));
      return { label: `body of ${sourceOf(i)}`, templatesOnly: false };
    }
    case 9: {
      const which = pick(['bild.png', 'foto.png', 'bericht.pdf', 'gone']);
      if (which === 'gone') {
        // The frontmatter image of a stored article goes: its problem needs the field's position, read again from the file.
        rmSync(path.join(root, 'content/2024/foto.png'));
        return { label: 'asset foto.png deleted', templatesOnly: false };
      }
      write(`content/2024/${which}`, which.endsWith('.pdf') ? Buffer.from(`%PDF-1.4\n% Bericht ${'x'.repeat(step * 700)}\n`) : await png(200 + step * 10, '#aa3366'));
      return { label: `asset ${which} changed`, templatesOnly: false };
    }
    case 10: {
      const from = pick(free);
      mkdirSync(path.join(root, 'content/2022'), { recursive: true });
      renameSync(path.join(root, from), path.join(root, `content/2022/umbenannt-${step}.md`));
      return { label: `rename ${from}`, templatesOnly: false };
    }
    case 11: {
      if (free.length < 6) return randomStep(root, state, rnd, OPS - 1, step);
      const gone = pick(free);
      rmSync(path.join(root, gone));
      return { label: `delete ${gone}`, templatesOnly: false };
    }
    case 12: {
      // An image without alt text is an error: this build stops, and the next step repairs the file first.
      const file = pick(free);
      write(file, `${readFileSync(path.join(root, file), 'utf8')}${BROKEN_LINE}`);
      return { label: `image without alt text in ${file}`, templatesOnly: false };
    }
    case 13:
      // Only list pages use it: the build keeps the article pages (cache `partial`).
      write('templates/partials/pagination.liquid', `<!-- Blättern ${step} -->\n${THEME_PAGINATION}`);
      return { label: 'pagination overridden', templatesOnly: true };
    default:
      write(`content/2025/2025-11-${String(1 + (step % 28)).padStart(2, '0')}-neu-${step}.md`, article({ title: `Neu ${step}`, date: `2025-11-${String(1 + (step % 28)).padStart(2, '0')}`, region: pick(REGIONS) }, bodyOf(100 + step)));
      return { label: `add neu-${step}`, templatesOnly: false };
  }
}

describe('Markdown cache across template, config and content edits', () => {
  const roots: string[] = [];
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => roots.forEach(cleanup));

  for (const seed of [11, 2027, 90210]) {
    it(`stays byte-identical to a cold build over a random sequence of ${OPS} edits (seed ${seed})`, async () => {
      const state: SiteState = { title: 'Markdown-Cache', perPage: 3, rawHtml: 'sanitize', basePath: '/', language: 'de' };
      const root = await initialSite(state);
      roots.push(root);
      const rnd = prng(seed);
      await expectSameAsCold(root, `seed ${seed} first build`);
      for (const [index, op] of shuffledOps(rnd).entries()) {
        const step = index + 1;
        const repaired = await repairBroken(root);
        const edit = await randomStep(root, state, rnd, op, step);
        const label = repaired ? `repair, then ${edit.label}` : edit.label;
        const templatesOnly = edit.templatesOnly && !repaired;
        const outcome = await expectSameAsCold(root, `seed ${seed} step ${step}: ${label}`);
        // A template or template-only config change re-renders every page from stored bodies: no Markdown at all.
        if (templatesOnly && outcome.ok) expect(outcome.markdownRuns, `seed ${seed} step ${step}: ${label}`).toBe(0);
      }
    });
  }
});

describe('the Markdown store', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(cleanup));

  it('keeps one entry per valid source, pruned to the sources of the last build, and treats a damaged entry as a miss', async () => {
    const state: SiteState = { title: 'Store', perPage: 3, rawHtml: 'none', basePath: '/', language: 'de' };
    const root = await initialSite(state);
    roots.push(root);
    const storeDir = path.join(root, '.stadtbote-cache/markdown');
    const entries = (): string[] => readdirSync(storeDir).flatMap((d) => readdirSync(path.join(storeDir, d)));
    await buildSite(root);
    // 13 articles and the imprint.
    expect(entries()).toHaveLength(14);
    rmSync(path.join(root, sourceOf(5)));
    await buildSite(root);
    expect(entries()).toHaveLength(13);

    // Every stored entry damaged: the template edit renders the Markdown again, and the pages are still right.
    for (const name of entries()) writeFileSync(path.join(storeDir, name.slice(0, 2), name), '{"html": 1');
    mkdirSync(path.join(root, 'templates/layouts'), { recursive: true });
    writeFileSync(path.join(root, 'templates/layouts/base.liquid'), THEME_BASE.replace(FOOTER_LINE, `<p>Neu</p>${FOOTER_LINE}`));
    const outcome = await expectSameAsCold(root, 'damaged store');
    expect(outcome.ok && outcome.markdownRuns).toBe(13);
  });

  it('rejects entries whose links or article slug name paths outside the content or output folder', () => {
    const dir = path.join(REPO, 'test/artifacts/markdown-store');
    rmSync(dir, { recursive: true, force: true });
    roots.push(dir);
    const store = new MarkdownStore(dir);
    const key = markdownEntryKey('inputs', 'a.md', 'content/a.md', 'hash');
    const date = { day: '2025-02-13', epochMs: 1739401200000, hasTime: false, iso: '2025-02-13T00:00:00+01:00' };
    const data = { title: 'A', date, region: 'Potsdam', teaser: 'T', slug: 'a', draft: false, aliases: [] };
    const entry = { frontmatter: { kind: 'article' as const, data, problems: [] }, html: '<p>x</p>', links: [{ token: 't0', target: 'b.md', fragment: '' }], usedAssets: ['bild.png'], assetKey: 'k', problems: [] };
    // A store reads what was there when it was opened (the next build's), so each read opens it anew.
    const stored = (k: string): unknown => new MarkdownStore(dir).get(k);
    expect(store.get(key)).toBeUndefined();
    store.put(key, entry);
    expect(stored(key)).toEqual(entry);
    store.put(key, { ...entry, links: [{ token: 't0', target: '../../etc/passwd', fragment: '' }] });
    expect(stored(key)).toBeUndefined();
    store.put(key, { ...entry, frontmatter: { ...entry.frontmatter, data: { ...data, slug: '../../x' } } });
    expect(stored(key)).toBeUndefined();
    expect(stored('../../x')).toBeUndefined();
    // Stored before `/` and `/impressum/` stopped being recorded as files: made again, else the build cache they go into is invalid.
    for (const usedAssets of [['.'], ['impressum/'], ['bild.png', '']]) {
      store.put(key, { ...entry, usedAssets });
      expect(stored(key), usedAssets.join()).toBeUndefined();
    }
  });
});
