import { describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { searchView } from '../../src/theme/search-view.js';

/** An article page shaped like the theme's: head, header, the indexed element, footer. */
function page(body: string, { header = '<header><img src="/logo.svg" alt="Logo"><nav><a href="/">Start</a></nav></header>', footer = '<footer><p>Impressum</p></footer>' } = {}): string {
  return `<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>Kreistag berät – Landkreis</title>\n<link rel="stylesheet" href="/assets/site.css">\n</head>\n<body>\n${header}\n<main>\n${body}\n</main>\n${footer}\n</body>\n</html>\n`;
}
const ARTICLE = '<article class="article" data-pagefind-body><h1 data-pagefind-meta="title">Kreistag berät</h1><p>Der <a href="/regionen/x/" data-pagefind-filter="region">Kreis</a> tagt.</p><article class="quote"><p>Innen</p></article><p>Nach dem Zitat.</p></article>';

describe('searchView: what the search index is made from', () => {
  it('is the page’s html tag, title and indexed element, whatever else the page has', () => {
    const view = searchView(page(ARTICLE));
    expect(view).toBe(`<!DOCTYPE html>\n<html lang="de">\n<head><title>Kreistag berät – Landkreis</title></head>\n<body>\n${ARTICLE}\n</body>\n</html>\n`);
    // A footer line or another header leave the view as it was; so does the head's stylesheet.
    expect(searchView(page(ARTICLE, { footer: '<footer><p>Fassung 2</p></footer>', header: '<header>Neu</header>' }))).toBe(view);
    // The element's end is found past a nested element of its name.
    expect(view).toContain('<p>Nach dem Zitat.</p></article>\n</body>');
  });

  it('is the whole page where it cannot be sure what Pagefind reads', () => {
    const cases = {
      'no indexed element': page('<article><p>Text</p></article>'),
      'two indexed elements': page(`${ARTICLE}<section data-pagefind-body><p>Mehr</p></section>`),
      'a filter outside the element': page(ARTICLE, { footer: '<footer data-pagefind-filter="kind:news"></footer>' }),
      'meta in the head': page(ARTICLE).replace('</head>', '<meta data-pagefind-meta="image[content]" content="/a.png"></head>'),
      'an element that never ends': page('<article data-pagefind-body><p>Offen</p>'),
      'a comment inside': page('<article data-pagefind-body><p>A</p><!-- </article> --><p>B</p></article>'),
      'a script inside': page('<article data-pagefind-body><script>document.write("</article>")</script></article>'),
    };
    for (const [name, html] of Object.entries(cases)) expect(searchView(html), name).toBe(html);
  });

  it('gives Pagefind what the whole page gives it: the same bundle, byte for byte', async () => {
    // Straight to Pagefind (the build's buildIndex gives it the view already): pages with and without a photo, with the header's logo outside.
    const pages = [0, 1, 2].map((i) => ({
      url: `/2025/0${i + 1}-10-meldung-${i}/`,
      html: page(ARTICLE.replace('Kreistag berät', `Kreistag berät ${i}`).replace('tagt', `tagt zum ${i + 2}. Mal`).replace('<p>Nach', i === 1 ? '<img src="/2025/foto.jpg" alt="Foto" data-pagefind-meta="image[src]"><p>Nach' : '<p>Nach')),
    }));
    const bundle = async (view: boolean): Promise<Map<string, string>> => {
      const { index } = await pagefind.createIndex({ forceLanguage: 'de' });
      for (const p of pages) expect((await index!.addHTMLFile({ url: p.url, content: view ? searchView(p.html) : p.html })).errors).toEqual([]);
      const { files } = await index!.getFiles();
      await index!.deleteIndex();
      return new Map(files.map((f) => [f.path, Buffer.from(f.content).toString('base64')]));
    };
    const whole = await bundle(false);
    const viewed = await bundle(true);
    await pagefind.close();
    expect([...whole.keys()].some((p) => p.includes('fragment/'))).toBe(true);
    expect(viewed).toEqual(whole);
  }, 60_000);
});
