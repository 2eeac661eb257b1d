import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import { findExternalCssResources, findExternalResources } from '../../src/checks/external-resources.js';
import type { Problem } from '../../src/model/problem.js';
import { article, buildSite, cleanup, copyFixture, makeSite } from '../helpers.js';

const HOST = 'www.example.org';

describe('findExternalResources', () => {
  it('finds scripts, styles, fonts, images, frames and media from other hosts', () => {
    const html = `<!doctype html><html><head>
<script src="https://cdn.example.com/x.js"></script>
<link rel="stylesheet" href="//fonts.example.net/css?family=A">
<link rel="preload" as="font" href="https://fonts.example.net/a.woff2" crossorigin>
<link rel="preconnect" href="https://tracker.example.com">
<style>@font-face { src: url("https://fonts.example.net/b.woff2"); }</style>
</head><body>
<img src="/presse/medien/ok.jpg" srcset="/presse/medien/ok-480.webp 480w, https://img.example.com/big.jpg 1200w" alt="">
<iframe src="https://video.example.com/embed/1" title="Video"></iframe>
<div style="background: url('https://img.example.com/bg.png')"></div>
<video poster="https://img.example.com/poster.jpg"></video>
</body></html>`;
    const found = findExternalResources(html, HOST).map((r) => `${r.kind} ${r.host}`);
    expect(found).toEqual([
      'script cdn.example.com',
      'style fonts.example.net',
      'font fonts.example.net',
      'connection tracker.example.com',
      'image img.example.com',
      'iframe video.example.com',
      'image img.example.com',
      'media img.example.com',
      'font fonts.example.net',
    ]);
  });

  it('ignores links, metadata, comments, data URLs, relative URLs and the site itself', () => {
    const html = `<!doctype html><html><head>
<link rel="canonical" href="https://other.example.com/x/">
<link rel="alternate" type="application/rss+xml" href="https://feeds.example.com/rss">
<meta property="og:image" content="https://img.example.com/share.jpg">
<script type="application/ld+json">{"image":["https://img.example.com/a.jpg"]}</script>
<!-- <script src="https://cdn.example.com/old.js"></script> -->
</head><body>
<a href="https://www.bund.de/">Bund</a>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
<img src="medien/a.jpg" alt="a > b">
<img src="https://www.example.org/medien/b.jpg" alt="">
<pre><code>&lt;script src="https://cdn.example.com/x.js"&gt;&lt;/script&gt;</code></pre>
</body></html>`;
    expect(findExternalResources(html, HOST)).toEqual([]);
  });

  it('finds imports and fonts in stylesheets', () => {
    const css = `/* url(https://commented.example.com/a.woff2) */
@import "https://fonts.example.net/theme.css";
@font-face { font-family: X; src: url(https://fonts.example.net/x.woff2) format("woff2"); }
.logo { background: url(/assets/logo.svg); }`;
    expect(findExternalCssResources(css, HOST).map((r) => `${r.kind} ${r.url}`)).toEqual(['style https://fonts.example.net/theme.css', 'font https://fonts.example.net/x.woff2']);
  });
});

describe('the build refuses third-party resources', () => {
  it('reports each external resource of a custom template as an error and writes nothing', async () => {
    const root = copyFixture('readers-external');
    try {
      const error = await buildSite(root).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContentError);
      const problems = (error as ContentError).problems.filter((p) => p.ruleId === 'external-resource');
      const reasons = problems.map((p) => p.reason);
      expect(problems.every((p) => p.severity === 'error')).toBe(true);
      const script = problems.find((p) => p.reason.includes('https://cdn.example.com/x.js'));
      expect(script?.reason).toMatch(/^\/2025\/03-0\d-meldung-\d\/index\.html und 1 weitere Datei laden ein Skript von einem fremden Server \(cdn\.example\.com\)/);
      expect(script?.file).toMatch(/^content\/2025\/2025-03-0\d-meldung-\d\.md$/);
      expect(script?.fix).toContain('allowedHosts');
      expect(reasons.some((r) => /(?:lädt|laden) ein Stylesheet von einem fremden Server \(fonts\.example\.net\)/.test(r))).toBe(true);
      expect(problems.find((p) => p.reason.includes('maps.example.com'))?.file).toBe('static/karte.html');
      // The link in the article body loads nothing and is not reported.
      expect(reasons.some((r) => r.includes('www.example.com'))).toBe(false);
      expect(problems).toHaveLength(3);
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
    } finally {
      cleanup(root);
    }
  });

  it('builds when the config allows the hosts', async () => {
    const root = copyFixture('readers-external');
    try {
      const config = path.join(root, 'stadtbote.config.yaml');
      writeFileSync(config, `${readFileSync(config, 'utf8')}allowedHosts:\n  - cdn.example.com\n  - fonts.example.net\n  - maps.example.com\n`);
      const report = await buildSite(root);
      expect(report.articles).toBe(2);
      expect(readFileSync(path.join(root, 'dist', '2025', '03-01-meldung-1', 'index.html'), 'utf8')).toContain('https://cdn.example.com/x.js');
    } finally {
      cleanup(root);
    }
  });

  it('finds nothing in the default theme and the sample site', async () => {
    const root = copyFixture('readers-site');
    try {
      await expect(buildSite(root)).resolves.toMatchObject({ articles: 30 });
    } finally {
      cleanup(root);
    }
  });
});

describe('the scans of written pages, on whichever thread', () => {
  it('reports the same, from the same first page, with render threads and the file thread as in one thread', async () => {
    // Over 300 files, so the writer's file thread starts (write/file-queue.ts FILE_THREAD_FROM): the render threads'
    // pages are scanned in this thread while they render sources, and the list pages after that on the file thread.
    const files: Record<string, string> = {
      'stadtbote.config.yaml': 'title: Scans\nbaseUrl: https://www.example.org/\nperPage: 5\nsearch: false\n',
      'templates/partials/footer.liquid': '<footer><img src="https://cdn.example.com/siegel.png" alt="Siegel"></footer>\n',
    };
    for (let i = 0; i < 320; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String(Math.floor(i / 28) + 1).padStart(2, '0');
      files[`content/2024/meldung-${i}.md`] = article({ title: `Meldung ${i}`, date: `2024-${month}-${day}`, region: i % 2 ? 'Potsdam' : 'Cottbus' });
    }
    const root = makeSite(files);
    try {
      const problemsWith = async (workers: number): Promise<Problem[]> => {
        const error = await buildSite(root, { workers, noCache: true }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ContentError);
        return (error as ContentError).problems.filter((p) => p.ruleId === 'external-resource');
      };
      const threaded = await problemsWith(2);
      // Render threads hand their pages back in the order given, whichever finishes first: the page named first is the first put, as in one thread.
      expect(threaded).toEqual(await problemsWith(0));
      expect(threaded).toHaveLength(1);
      expect(threaded[0]!.file).toBe('content/2024/meldung-0.md');
      // Every page has the footer: 320 article pages, the list pages and the site's other pages, each counted once.
      const more = Number(/und ([\d.]+) weitere Dateien/.exec(threaded[0]!.reason)?.[1]?.replace('.', ''));
      expect(more).toBeGreaterThan(320 + 64);
    } finally {
      cleanup(root);
    }
  });
});
