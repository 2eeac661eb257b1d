import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article, buildSite, cleanup, makeSite, readTree } from '../helpers.js';

const HOSTILE = {
  title: '<script>alert("t")</script> & {{ site.title }}',
  teaser: '<img src=x onerror=alert("teaser")> {% raw %}{%',
  region: 'Ort<b>fett</b>"',
};

const decode = (s: string): string =>
  s.replace(/&(lt|gt|quot|#34|#39|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#34': '"', '#39': "'", apos: "'", amp: '&' })[e]!);

describe('hostile titles, teasers and regions are escaped on every page type', () => {
  let root: string;
  let files: Map<string, Buffer>;
  afterAll(() => cleanup(root));

  it('builds', async () => {
    root = makeSite({
      'stadtbote.config.yaml': 'baseUrl: https://example.org/\nsearch: false\n',
      'content/2025/a.md': article({ ...HOSTILE, date: '2025-02-13' }, 'Body with <script>alert("body")</script> raw HTML and <iframe src="https://evil.example"></iframe>.'),
      'content/2025/b.md': article({ title: 'Harmlos', date: '2025-02-12', region: HOSTILE.region }),
    });
    await buildSite(root);
    files = readTree(path.join(root, 'dist'));
  });

  it('never emits the markup as markup, and never runs the template syntax', () => {
    const html = [...files].filter(([rel]) => rel.endsWith('.html'));
    const kinds = ['index.html', '2025/index.html', '2025/02/index.html', 'regionen/index.html', 'archiv/index.html', '404.html'];
    for (const k of kinds) expect(files.has(k), k).toBe(true);
    expect(html.some(([rel]) => rel.startsWith('regionen/ort-b-fett-b/'))).toBe(true);
    expect(html.length).toBeGreaterThan(8);
    for (const [rel, bytes] of html) {
      const text = bytes.toString('utf8');
      expect(text, rel).not.toContain('<script>alert');
      expect(text, rel).not.toContain('<img src=x');
      expect(text, rel).not.toContain('<b>fett');
      expect(text, rel).not.toContain('<iframe');
    }
    // Every page that lists the article shows the title as text, template syntax not evaluated.
    const listing = ['index.html', '2025/index.html', '2025/02/index.html', 'regionen/ort-b-fett-b/index.html', 'regionen/ort-b-fett-b/2025/index.html'];
    const articleRel = html.find(([rel]) => /^2025\/02-13-/.test(rel))![0];
    for (const rel of [...listing, articleRel]) {
      const text = files.get(rel)!.toString('utf8');
      expect(text, rel).toContain('&lt;script&gt;alert(');
      expect(text, rel).toContain('{{ site.title }}');
    }
    const articlePage = html.find(([rel]) => /^2025\/02-13-/.test(rel))![1].toString('utf8');
    expect(decode(/<h1[^>]*>(.*?)<\/h1>/s.exec(articlePage)![1]!)).toBe(HOSTILE.title);
    expect(decode(/<p class="lead">(.*?)<\/p>/s.exec(articlePage)![1]!)).toBe(HOSTILE.teaser);
    expect(decode(/<meta name="description" content="([^"]*)">/.exec(articlePage)![1]!)).toBe(HOSTILE.teaser);
    // Raw HTML tags in the body are dropped, not passed through; the text between them stays text.
    expect(articlePage).toContain('<p>Body with alert("body") raw HTML and .</p>');
    const home = files.get('index.html')!.toString('utf8');
    expect(home).toContain('&lt;script&gt;alert(');
  });

  it('keeps the JSON-LD script closed', () => {
    const articlePage = [...files].find(([rel]) => /^2025\/02-13-/.test(rel))![1].toString('utf8');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(articlePage)![1]!;
    expect(json).not.toContain('</script');
    expect(JSON.parse(json).headline).toBe(HOSTILE.title);
  });
});

describe('rawHtml: sanitize', () => {
  it('keeps harmless raw HTML and strips scripts, event handlers and javascript: URLs', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': 'baseUrl: https://example.org/\nsearch: false\nrawHtml: sanitize\n',
      'content/2025/a.md': article(
        { date: '2025-02-13' },
        '<details><summary>Mehr</summary><p>Inhalt mit <kbd>Strg</kbd> und H<sub>2</sub>O</p></details>\n\n<script>alert(1)</script>\n\n<p onclick="alert(2)">Klick</p> <a href="javascript:alert(3)">x</a>',
      ),
    });
    try {
      await buildSite(root);
      const page = [...readTree(path.join(root, 'dist'))].find(([rel]) => rel.startsWith('2025/02-13-'))![1].toString('utf8');
      expect(page).toContain('<details><summary>Mehr</summary>');
      expect(page).toContain("<kbd>Strg</kbd> und H<sub>2</sub>O");
      expect(page).not.toContain('alert(1)');
      expect(page).not.toContain('onclick');
      expect(page).not.toContain('javascript:');
    } finally {
      cleanup(root);
    }
  });
});
