import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as textOf } from 'hast-util-to-string';
import { HtmlValidate } from 'html-validate';
import sharp from 'sharp';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSite } from '../../src/config/config.js';
import { contrastRatio } from '../../src/config/look.js';
import { ConfigError, ContentError } from '../../src/model/errors.js';
import type { Problem } from '../../src/model/problem.js';
import { article, buildSite, cleanup, makeSite, runCli } from '../helpers.js';

/**
 * The municipal look (issue 13, item 4): logo and brand colour from the config, the header search,
 * list thumbnails, the archive's month grid, the hero image's priority and named table regions,
 * checked on real builds and parsed HTML.
 */

const BASE = 'baseUrl: https://example.org/presse/\n';
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

function parse(file: string): Root {
  return fromHtml(readFileSync(file, 'utf8'));
}

/** Every element of a tree that matches. */
function all(tree: Root | Element, match: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (match(e)) found.push(e);
  });
  return found;
}

const hasClass = (name: string) => (e: Element): boolean => Array.isArray(e.properties.className) && e.properties.className.includes(name);
const tag = (name: string) => (e: Element): boolean => e.tagName === name;

/** The problems a config is refused with (resolveSite throws a ConfigError). */
function configProblems(config: string): Problem[] {
  const root = makeSite({ 'stadtbote.config.yaml': config });
  try {
    resolveSite({ root });
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  } finally {
    cleanup(root);
  }
}

/** A 1000 × 500 PNG: wide enough for a 480 px WebP variant. */
async function widePng(): Promise<Buffer> {
  return sharp({ create: { width: 1000, height: 500, channels: 3, background: { r: 30, g: 90, b: 150 } } }).png().toBuffer();
}

const SVG_ARMS = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="48" viewBox="0 0 40 48"><path d="M2 2h36v22c0 12-9 19-18 22C11 43 2 36 2 24z" fill="#c8102e"/></svg>';

describe('brand colour and logo in the config', () => {
  it('measures contrast as WCAG 2.1 defines it (relative luminance), never rounding a failure up to a pass', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    // #777 on white is 4.478:1, the classic near miss: shown as 4.47, which stays below 4.5.
    expect(contrastRatio('#777777', '#ffffff')).toBe(4.47);
    expect(contrastRatio('#767676', '#ffffff')).toBe(4.54);
  });

  it('a brand colour below 4.5:1 with white is an error naming the key, the measured ratio and a darker shade that passes', () => {
    const problems = configProblems(`${BASE}brand:\n  color: "#0088cc"\n`);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ file: 'stadtbote.config.yaml', line: 3, field: 'brand.color', ruleId: 'brand-contrast', severity: 'error' });
    expect(p!.reason).toContain('brand.color „#0088cc“ hat einen Kontrast von 3.89:1 zu #ffffff');
    expect(p!.reason).toContain('4.5:1');
    const shade = /color: "(#[0-9a-f]{6})"/.exec(p!.fix ?? '')?.[1];
    expect(shade).toBeDefined();
    expect(contrastRatio(shade!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(shade!, '#f2f4f7')).toBeGreaterThanOrEqual(4.5);
  });

  it('a colour that passes on white but not on the footer grey names the footer', () => {
    const [p] = configProblems(`${BASE}brand:\n  color: "#d4380d"\n`);
    expect(p?.ruleId).toBe('brand-contrast');
    expect(p?.reason).toContain('4.36:1 zu #f2f4f7');
  });

  it('the build and check commands refuse it with exit code 2 and the same words', () => {
    const root = makeSite({ 'stadtbote.config.yaml': `${BASE}brand:\n  color: "#0088cc"\n`, 'content/2025/a.md': article() });
    try {
      for (const command of ['build', 'check']) {
        const r = runCli([command, '--root', root]);
        expect(r.code).toBe(2);
        expect(r.stdout + r.stderr).toContain('brand.color „#0088cc“ hat einen Kontrast von 3.89:1');
        expect(r.stdout + r.stderr).toContain('[brand-contrast]');
      }
    } finally {
      cleanup(root);
    }
  });

  it('refuses what is no colour, a transparent colour, and a logo without alt text', () => {
    expect(configProblems(`${BASE}brand:\n  color: blau\n`)[0]).toMatchObject({ field: 'brand.color', ruleId: 'config-value', reason: expect.stringContaining('ist keine CSS-Farbe') });
    expect(configProblems(`${BASE}brand:\n  color: "rgb(0 0 0 / 50%)"\n`)[0]?.reason).toContain('durchscheinend');
    expect(configProblems(`${BASE}brand: "#005a9c"\n`)[0]).toMatchObject({ field: 'brand', reason: 'brand muss eine Farbe (color:) enthalten' });
    expect(configProblems(`${BASE}logo:\n  src: /wappen.svg\n`)[0]).toMatchObject({ field: 'logo.alt', line: 2 });
    expect(configProblems(`${BASE}logo:\n  src: https://example.org/wappen.png\n  alt: Wappen\n`)[0]?.field).toBe('logo.src');
    expect(configProblems(`${BASE}listThumbnails: ja\n`)[0]?.field).toBe('listThumbnails');
  });

  it('accepts any opaque CSS notation and writes it as #rrggbb', () => {
    const root = makeSite({ 'stadtbote.config.yaml': `${BASE}brand:\n  color: darkblue\nlogo:\n  src: wappen.svg\n  alt: ""\nlistThumbnails: true\n` });
    try {
      const { config, warnings } = resolveSite({ root });
      expect(config.brand).toEqual({ color: '#00008b' });
      expect(config.logo).toEqual({ src: 'wappen.svg', alt: '' });
      expect(config.listThumbnails).toBe(true);
      expect(warnings).toEqual([]);
    } finally {
      cleanup(root);
    }
  });

  it('a logo that is not there is a build error naming logo.src', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': `${BASE}search: false\nlogo:\n  src: /bilder/wapen.png\n  alt: Wappen\n`, 'content/2025/a.md': article() });
    try {
      const error = await buildSite(root).then(() => undefined, (err: unknown) => err);
      expect(error).toBeInstanceOf(ContentError);
      const problem = (error as ContentError).problems.find((p) => p.ruleId === 'logo-image');
      expect(problem).toMatchObject({ file: 'stadtbote.config.yaml', line: 4, column: 3, field: 'logo.src', severity: 'error' });
      expect(problem?.reason).toContain('gibt es weder im Inhaltsordner noch in static/');
    } finally {
      cleanup(root);
    }
  });
});

describe('a site with logo, brand colour, thumbnails and search', () => {
  let root: string;
  let out: string;
  const page = (rel: string): Root => parse(path.join(out, rel));

  beforeAll(async () => {
    root = makeSite({
      'stadtbote.config.yaml': `${BASE}title: Kreis Testhausen\nlogo:\n  src: /wappen.svg\n  alt: "Wappen des Kreises"\nbrand:\n  color: "#005a9c"\nlistThumbnails: true\n`,
      'static/wappen.svg': SVG_ARMS,
      'content/2025/2025-02-13-foto.md': article({ title: 'Mit Foto' }).replace('---\nText', 'image:\n  src: breit.png\n  alt: "Ein Platz"\n---\nText'),
      'content/2025/2025-02-14-tabelle.md': article({ title: 'Mit Tabellen', date: '2025-02-14' }, '| Ort | Zeit |\n| --- | --- |\n| Rathaus | 10 Uhr |\n\nText\n\n| A | B |\n| - | - |\n| 1 | 2 |\n'),
      'content/2024/2024-11-02-alt.md': article({ title: 'Aus dem November', date: '2024-11-02' }),
    });
    writeFileSync(path.join(root, 'content/2025/breit.png'), await widePng());
    await buildSite(root);
    out = path.join(root, 'dist');
  }, 120_000);
  afterAll(() => cleanup(root));

  it('the header shows the logo of static/ with its own size, linked to the home page, under a content-hashed name', () => {
    const [link] = all(page('index.html'), (e) => e.tagName === 'a' && all(e, hasClass('site-logo')).length > 0);
    expect(link?.properties.href).toBe('/presse/');
    const [img] = all(link!, tag('img'));
    expect(img?.properties).toMatchObject({ width: 40, height: 48, alt: 'Wappen des Kreises' });
    // A copy among the theme assets, named by its bytes (cached for a year); the static file stays where it was.
    const src = String(img?.properties.src);
    expect(src).toMatch(/^\/presse\/assets\/logo\/wappen\.[0-9a-f]{8}\.svg$/);
    expect(readFileSync(path.join(out, src.slice('/presse/'.length)), 'utf8')).toBe(SVG_ARMS);
    expect(readFileSync(path.join(out, 'wappen.svg'), 'utf8')).toBe(SVG_ARMS);
    expect(textOf(link!)).toBe('Kreis Testhausen');
  });

  it('the brand colour comes as a content-hashed stylesheet, linked after the theme, and no page has a style attribute or element (CSP)', () => {
    const brandFiles = readdirSync(path.join(out, 'assets')).filter((f) => /^brand\.[0-9a-f]{8}\.css$/.test(f));
    expect(brandFiles).toHaveLength(1);
    expect(readFileSync(path.join(out, 'assets', brandFiles[0]!), 'utf8')).toContain(':root { --brand: #005a9c; }');
    for (const rel of ['index.html', 'archiv/index.html', '2025/02-13-foto/index.html', 'suche/index.html']) {
      const tree = page(rel);
      const sheets = all(tree, (e) => e.tagName === 'link' && String(e.properties.rel) === 'stylesheet').map((e) => String(e.properties.href));
      expect(sheets[0]).toMatch(/^\/presse\/assets\/stadtbote\.[0-9a-f]{8}\.css$/);
      expect(sheets[1]).toBe(`/presse/assets/${brandFiles[0]}`);
      expect(all(tree, (e) => e.tagName === 'style' || e.properties.style !== undefined)).toEqual([]);
    }
  });

  it('the header has a search form: GET to the search page, a label for screen readers, the query as q; not on the search page itself', () => {
    const [form] = all(page('index.html'), (e) => e.tagName === 'form' && e.properties.role === 'search');
    expect(form?.properties).toMatchObject({ action: '/presse/suche/', method: 'get' });
    const [input] = all(form!, tag('input'));
    expect(input?.properties).toMatchObject({ name: 'q', type: 'search', id: 'site-search-q' });
    const [label] = all(form!, tag('label'));
    expect(label?.properties.htmlFor).toEqual(['site-search-q']);
    expect(label?.properties.className).toEqual(['visually-hidden']);
    expect(textOf(label!)).toBe('Suchbegriff');
    // The search page has its own form with the same query name, which the search script reads from ?q=.
    expect(all(page('suche/index.html'), (e) => e.properties.id === 'site-search-q')).toEqual([]);
    expect(all(page('suche/index.html'), (e) => e.tagName === 'input' && e.properties.name === 'q')).toHaveLength(1);
  });

  it('list entries with a photo show the smallest WebP variant as a lazy, decorative thumbnail with its size', () => {
    const thumbs = all(page('index.html'), hasClass('thumb'));
    expect(thumbs).toHaveLength(1);
    expect(thumbs[0]!.properties).toMatchObject({ width: 480, height: 240, alt: '', loading: 'lazy' });
    expect(String(thumbs[0]!.properties.src)).toMatch(/^\/presse\/medien\/breit-[0-9a-z]{8}-480\.webp$/);
    expect(all(page('2025/index.html'), hasClass('thumb'))).toHaveLength(1);
  });

  it('the article hero image is fetched with high priority and never lazily', () => {
    const [hero] = all(page('2025/02-13-foto/index.html'), (e) => e.tagName === 'img' && e.properties.alt === 'Ein Platz');
    expect(hero?.properties.fetchPriority).toBe('high');
    expect(hero?.properties.loading).toBeUndefined();
  });

  it('the archive is a grid of twelve months per year; months without articles are not links', () => {
    const tree = page('archiv/index.html');
    const grids = all(tree, hasClass('month-grid'));
    expect(grids.map((g) => g.tagName)).toEqual(['dl', 'dl']);
    const [y2025, y2024] = grids;
    expect(all(y2025!, tag('dt'))).toHaveLength(12);
    expect(all(y2025!, tag('dd'))).toHaveLength(12);
    const links2025 = all(y2025!, tag('a'));
    expect(links2025.map((a) => a.properties.href)).toEqual(['/presse/2025/02/']);
    expect(textOf(all(links2025[0]!, hasClass('visually-hidden'))[0]!)).toBe('Februar 2025: 2 Meldungen');
    expect(all(y2024!, tag('a')).map((a) => a.properties.href)).toEqual(['/presse/2024/11/']);
    expect(all(tree, (e) => e.tagName === 'a' && /^\/presse\/\d{4}\/\d{2}\/$/.test(String(e.properties.href)))).toHaveLength(2);
  });

  it('each Markdown table scrolls in a named, focusable region', () => {
    const regions = all(page('2025/02-14-tabelle/index.html'), hasClass('table-scroll'));
    expect(regions.map((r) => [r.tagName, r.properties.ariaLabel, r.properties.tabIndex])).toEqual([
      ['section', 'Tabelle 1', 0],
      ['section', 'Tabelle 2', 0],
    ]);
    expect(all(regions[0]!, tag('table'))).toHaveLength(1);
  });

  it('the pages stay valid HTML (html-validate, recommended rules)', async () => {
    for (const rel of ['index.html', 'archiv/index.html', '2025/02-13-foto/index.html', '2025/02-14-tabelle/index.html', 'suche/index.html', '404.html']) {
      const report = await validator.validateString(readFileSync(path.join(out, rel), 'utf8'), rel);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)), rel).toEqual([]);
    }
  });

  it('the home page with its stylesheets stays under 50 KB', () => {
    const css = readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.css'));
    const bytes = readFileSync(path.join(out, 'index.html')).length + css.reduce((n, f) => n + readFileSync(path.join(out, 'assets', f)).length, 0);
    expect(bytes).toBeLessThan(50 * 1024);
  });
});

describe('without the look keys', () => {
  it('no logo, no brand stylesheet, no thumbnails; no header search when search is off; English table names', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': `${BASE}search: false\nlanguage: en\n`,
      'content/2025/2025-02-13-foto.md': article({ title: 'Photo' }, '| a | b |\n| - | - |\n| 1 | 2 |\n').replace('---\n| a', 'image:\n  src: breit.png\n  alt: "A square"\n---\n| a'),
    });
    writeFileSync(path.join(root, 'content/2025/breit.png'), await widePng());
    try {
      await buildSite(root);
      const out = path.join(root, 'dist');
      const home = parse(path.join(out, 'index.html'));
      expect(all(home, hasClass('site-logo'))).toEqual([]);
      expect(all(home, hasClass('thumb'))).toEqual([]);
      expect(all(home, (e) => e.tagName === 'form')).toEqual([]);
      expect(readdirSync(path.join(out, 'assets')).filter((f) => f.startsWith('brand.'))).toEqual([]);
      const articleTree = parse(path.join(out, '2025/02-13-foto/index.html'));
      expect(all(articleTree, hasClass('table-scroll'))[0]?.properties.ariaLabel).toBe('Table 1');
    } finally {
      cleanup(root);
    }
  }, 60_000);
});

describe('the theme stays override-friendly', () => {
  it('a site adds its own stylesheet through partials/head-extra, after the theme and the brand colour, hashed like theme assets', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': `${BASE}search: false\nbrand:\n  color: "#005a9c"\n`,
      'content/2025/a.md': article(),
      'templates/partials/head-extra.liquid': `<link rel="stylesheet" href="{{ '/assets/site.css' | url }}">\n`,
      'templates/assets/site.css': ':root { --soft: #eef3f8; --logo-height: 4rem; }\n',
    });
    try {
      await buildSite(root);
      const sheets = all(parse(path.join(root, 'dist/index.html')), (e) => e.tagName === 'link' && String(e.properties.rel) === 'stylesheet').map((e) => String(e.properties.href));
      expect(sheets.map((h) => h.replace(/\.[0-9a-f]{8}\.css$/, '.css'))).toEqual(['/presse/assets/stadtbote.css', '/presse/assets/brand.css', '/presse/assets/site.css']);
      expect(readFileSync(path.join(root, 'dist', sheets[2]!.slice('/presse/'.length)), 'utf8')).toContain('--logo-height: 4rem');
    } finally {
      cleanup(root);
    }
  }, 60_000);
});

describe('the build cache follows the logo', () => {
  it('a new coat of arms under the same name renders the cached pages again', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': `${BASE}search: false\nlogo:\n  src: /wappen.svg\n  alt: ""\n`, 'static/wappen.svg': SVG_ARMS, 'content/2025/a.md': article() });
    try {
      await buildSite(root);
      const logoOf = (): Element | undefined => all(parse(path.join(root, 'dist/index.html')), hasClass('site-logo'))[0];
      const first = logoOf();
      expect(first?.properties.width).toBe(40);
      writeFileSync(path.join(root, 'static/wappen.svg'), SVG_ARMS.replace('width="40" height="48"', 'width="80" height="96"'));
      await buildSite(root);
      const second = logoOf();
      expect(second?.properties).toMatchObject({ width: 80, height: 96 });
      expect(second?.properties.src).not.toBe(first?.properties.src);
    } finally {
      cleanup(root);
    }
  }, 60_000);
});

describe('a logo of the content folder', () => {
  it('is published without metadata like any photo and shown with its size and WebP variants', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': `${BASE}search: false\nlogo:\n  src: bilder/wappen.png\n  alt: ""\n`, 'content/2025/a.md': article() });
    mkdirSync(path.join(root, 'content/bilder'), { recursive: true });
    writeFileSync(path.join(root, 'content/bilder/wappen.png'), await widePng());
    try {
      await buildSite(root);
      const [img] = all(parse(path.join(root, 'dist/index.html')), hasClass('site-logo'));
      expect(img?.properties).toMatchObject({ width: 1000, height: 500, alt: '' });
      expect(String(img?.properties.src)).toMatch(/^\/presse\/medien\/wappen-[0-9a-z]{8}\.png$/);
      expect(String(img?.properties.srcSet)).toMatch(/wappen-[0-9a-z]{8}-480\.webp 480w, .*wappen-[0-9a-z]{8}-960\.webp 960w, .*\.png 1000w$/);
      // Shown 3rem (48 px) high: 96 px wide in the image's proportions.
      expect(img?.properties.sizes).toBe('96px');
    } finally {
      cleanup(root);
    }
  }, 60_000);
});
