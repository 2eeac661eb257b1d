import { describe, expect, it } from 'vitest';
import { importDe } from '../../src/i18n/import.js';
import { toMarkdown, toMdast } from '../../src/import/convert.js';
import { convertBodies } from '../../src/import/convert-pool.js';
import { convertBody } from '../../src/import/convert-worker.js';
import { excerptText, firstSentences, titleFromText } from '../../src/import/mapping.js';
import { stripShortcodes } from '../../src/import/shortcodes.js';

function html(text: string, autoParagraphs = false): { md: string; dropped: string[]; notes: string[] } {
  const { tree, log } = toMdast({ format: 'html', text }, { autoParagraphs }, importDe);
  return { md: toMarkdown(tree), dropped: log.dropped, notes: log.notes };
}

describe('HTML → Markdown (rehype-parse → clean → rehype-remark → remark-stringify)', () => {
  it('nested lists, tables and entities', () => {
    const { md } = html('<ol><li>Eins<ul><li>a &amp; b</li><li>c&nbsp;d</li></ul></li><li>Zwei &#8211; &euro;</li></ol><table><tr><th>A</th><th>B</th></tr><tr><td>1 &lt; 2</td><td>x|y</td></tr></table>');
    expect(md).toBe('1. Eins\n\n   - a & b\n   - c\u00a0d\n\n2. Zwei – €\n\n| A     | B    |\n| ----- | ---- |\n| 1 < 2 | x\\|y |\n');
  });

  it('figure with figcaption: the caption becomes missing alt text (reported) and stays as a paragraph', () => {
    const { md, notes } = html('<figure><img src="a.jpg"><figcaption>Der Kreistag tagt</figcaption></figure><figure><img src="b.jpg" alt="Eigener Text"><figcaption>Unterschrift</figcaption></figure>');
    expect(md).toBe('![Der Kreistag tagt](a.jpg)\n\nDer Kreistag tagt\n\n![Eigener Text](b.jpg)\n\nUnterschrift\n');
    expect(notes).toEqual([importDe.altFromCaption]);
  });

  it('drops scripts, styles, iframes, forms, embeds, media and galleries, and lists each', () => {
    const { md, dropped } = html(
      '<p style="color:red" onclick="x()">Text</p><script>alert(1)</script><style>p{}</style><iframe src="https://maps.example/x"></iframe>' +
        '<form action="/senden"><input name="q"><button>Los</button></form><object data="film.swf"></object><embed src="x.swf">' +
        '<video src="v.mp4"></video><div class="gallery"><img src="1.jpg" alt="1"></div><p>Ende</p>',
    );
    expect(md).toBe('Text\n\nEnde\n');
    expect(dropped).toEqual([
      'Skript',
      'Stylesheet',
      'eingebetteter Rahmen (iframe): https://maps.example/x',
      'Formular: /senden',
      'eingebettetes Objekt: film.swf',
      'eingebettetes Objekt: x.swf',
      'Video oder Audio: v.mp4',
      'Galerie',
      'style-Attribute (1)',
    ]);
  });

  it('WordPress classic text: blank lines are paragraphs, single newlines line breaks, [caption] around an image', () => {
    const { md, notes } = html('Erste Zeile\nzweite Zeile\n\n[caption id="a" width="300"]<img src="r.jpg" alt=""> Das Rathaus[/caption]\n\n<h2>Titel</h2>\nLetzter Absatz', true);
    expect(md).toBe('Erste Zeile\\\nzweite Zeile\n\n![Das Rathaus](r.jpg)\\\nDas Rathaus\n\n## Titel\n\nLetzter Absatz\n');
    expect(notes).toEqual([importDe.altFromCaption]);
  });

  it('CDATA-like text and comments (Gutenberg block markers) leave no trace', () => {
    const { md, dropped } = html('<!-- wp:paragraph --><p>Absatz mit <code>&lt;b&gt;</code></p><!-- /wp:paragraph -->');
    expect(md).toBe('Absatz mit `<b>`\n');
    expect(dropped).toEqual([]);
  });
});

describe('shortcodes in text', () => {
  it('removes WordPress, Hugo and Liquid shortcodes; embeds lose their content', () => {
    expect(stripShortcodes('A [gallery ids="1,2"] B [embed]https://youtu.be/x[/embed] C [vc_row]D[/vc_row]')).toEqual({ text: 'A  B  C D', found: ['[embed]', '[gallery]', '[vc_row]'] });
    expect(stripShortcodes('X {{< youtube abc >}} Y {{% notice info %}}Z{{% /notice %}} {% include a.html %}').found).toEqual(['{{< youtube >}}', '{{< notice >}}', '{% include %}']);
  });

  it('keeps brackets that are text: [sic], footnote marks, [1]', () => {
    const text = 'Er sagte [sic] und verwies auf [1] und [Anm. d. Red.].';
    expect(stripShortcodes(text)).toEqual({ text, found: [] });
  });
});

describe('teasers and titles from text', () => {
  it('takes whole sentences up to the limit and cuts one long sentence at a word', () => {
    expect(firstSentences('Kurz. Noch ein Satz. Und ein dritter Satz, der lang genug ist, um die Grenze zu erreichen. Vierter.', 300)).toBe('Kurz. Noch ein Satz. Und ein dritter Satz, der lang genug ist, um die Grenze zu erreichen.');
    expect(firstSentences('Wort '.repeat(100), 50)).toBe('Wort Wort Wort Wort Wort Wort Wort Wort Wort…');
    expect(titleFromText('Die Zulassungsstelle bleibt geschlossen. Online geht es.')).toBe('Die Zulassungsstelle bleibt geschlossen');
    expect(excerptText('Der Rat tagt &amp; beschließt. [&#8230;]')).toBe('Der Rat tagt & beschließt.');
  });
});

describe('conversion on worker threads', () => {
  it('gives the same trees and logs as this thread, in the order given', async () => {
    const bodies = Array.from({ length: 320 }, (_, i) => ({
      body: { format: 'html' as const, text: `<p style="x">Meldung ${i} mit <a href="/m-${i}.html">Link</a></p><script>${i}</script>` },
    }));
    const parallel = await convertBodies(bodies, 'de');
    expect(parallel).toHaveLength(320);
    expect(parallel).toEqual(bodies.map((b) => convertBody(b, 'de')));
    expect(toMarkdown(parallel[317]!.tree)).toBe('Meldung 317 mit [Link](/m-317.html)\n');
    expect(parallel[5]!.log.dropped).toEqual(['Skript', 'style-Attribute (1)']);
  });
});
