import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { article } from '../helpers.js';
import type { BuildOptions } from '../../src/build/build.js';

/** One expected problem; every given key must match. `reason` is a substring or pattern. */
export interface ExpectedError {
  readonly file: string;
  readonly line?: number;
  readonly ruleId?: string;
  readonly field?: string;
  readonly reason?: string | RegExp;
}

export type Expectation =
  /** `only`: no other errors may be reported (one mistake, one message). */
  | { readonly exit: 1; readonly errors: readonly ExpectedError[]; readonly only?: boolean }
  | {
      readonly exit: 0;
      /** Output files that must exist. */
      readonly pages?: readonly string[];
      /** Output file → substrings it must contain. */
      readonly contains?: Readonly<Record<string, readonly (string | RegExp)[]>>;
      /** Output file → substrings it must not contain. */
      readonly excludes?: Readonly<Record<string, readonly (string | RegExp)[]>>;
    };

export interface HostileCase {
  readonly name: string;
  /** Files relative to the site root. */
  readonly files: Record<string, string | Buffer>;
  /** Extra preparation (symbolic links); `outside` is a folder beside the site holding a sentinel. */
  readonly setup?: (root: string, outside: string) => void;
  /** Build options beyond the defaults (a small render budget, worker threads). */
  readonly options?: BuildOptions;
  readonly expect: Expectation;
}

const A = 'content/2025/a.md';
const PAGE = '2025/02-13-a/index.html'; // the address comes from the file name
const fm = (yaml: string, body = 'Text.'): string => `---\n${yaml}\n---\n${body}\n`;
const valid = 'title: Titel\ndate: 2025-02-13\nregion: Potsdam\nteaser: Kurzer Anriss.';
const withField = (line: string, body?: string): string => fm(`${valid}\n${line}`, body);

/** A marker file a hostile frontmatter would create if it were executed. */
export const MARKER = path.join(process.env.TMPDIR ?? '/tmp', 'stadtbote-hardening-marker');

const laughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

const hostileText = '<script>alert(1)</script> {{ site.title }} {% include "x" %} &amp; "q" \'s\' ]]> </title>';

export const cases: readonly HostileCase[] = [
  // ---- broken frontmatter -----------------------------------------------------------------
  { name: 'broken YAML: unclosed flow list', files: { [A]: fm('title: [Titel\ndate: 2025-02-13') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter', reason: 'kein gültiges YAML' }] } },
  { name: 'broken YAML: bad indentation', files: { [A]: fm('title: Titel\n  date: 2025-02-13\n region: x') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter' }] } },
  { name: 'broken YAML: tab indentation and stray colon', files: { [A]: fm('title: a: b: c\n\tdate: x') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter' }] } },
  { name: 'empty file', files: { [A]: '' }, expect: { exit: 1, errors: [{ file: A, line: 1, ruleId: 'frontmatter', reason: 'beginnt nicht mit einem Kopf' }] } },
  { name: 'no frontmatter', files: { [A]: '# Nur Text\n\nKein YAML.\n' }, expect: { exit: 1, errors: [{ file: A, line: 1, ruleId: 'frontmatter', reason: 'beginnt nicht mit einem Kopf' }] } },
  { name: 'unclosed frontmatter', files: { [A]: `---\n${valid}\nText ohne Ende\n` }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter', reason: 'nicht mit einer Zeile' }] } },
  { name: 'empty frontmatter: every field missing', files: { [A]: '---\n---\nText\n' }, expect: { exit: 1, errors: [{ file: A, field: 'title', ruleId: 'missing-field' }, { file: A, field: 'date' }, { file: A, field: 'region' }, { file: A, field: 'teaser' }] } },
  { name: 'frontmatter is a list', files: { [A]: fm('- title\n- date') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter', reason: 'schlüssel: wert' }] } },
  { name: 'frontmatter is a scalar', files: { [A]: fm('nur ein Satz') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter' }] } },
  { name: 'duplicate keys', files: { [A]: fm(`${valid}\ntitle: Nochmal`) }, expect: { exit: 1, errors: [{ file: A, line: 6, ruleId: 'frontmatter', reason: 'zweimal' }] } },
  { name: 'JavaScript frontmatter (---js) is refused, not run', files: { [A]: `---js\nrequire('fs').writeFileSync(${JSON.stringify(MARKER)}, 'x'); module.exports = { title: 'x' }\n---\nText\n` }, expect: { exit: 1, errors: [{ file: A, line: 1, ruleId: 'frontmatter', reason: /js/ }] } },
  { name: 'JavaScript frontmatter (---javascript) is refused, not run', files: { [A]: `---javascript\n({ title: require('fs').writeFileSync(${JSON.stringify(MARKER)}, 'x') })\n---\nText\n` }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter', reason: /javascript/ }] } },
  { name: 'YAML tag !!js/function', files: { [A]: fm(`${valid.replace('title: Titel', 'title: !!js/function "function () { return 1 }"')}`) }, expect: { exit: 1, errors: [{ file: A, line: 2, ruleId: 'frontmatter', reason: 'YAML-Tag' }] } },
  { name: 'YAML local tag !include', files: { [A]: withField('image: !include /etc/passwd') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter', reason: 'YAML-Tag' }] } },
  { name: 'YAML billion laughs', files: { [A]: fm(`${valid}\n${laughs}`) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'frontmatter', reason: 'YAML-Anker oder -Verweise' }] } },
  { name: 'YAML nested 5,000 levels deep', files: { [A]: fm(`${valid}\nx: ${'['.repeat(5000)}${']'.repeat(5000)}`) }, expect: { exit: 1, errors: [{ file: A }] } },

  // ---- missing and mistyped fields ---------------------------------------------------------
  { name: 'missing title', files: { [A]: fm('date: 2025-02-13\nregion: Potsdam\nteaser: t') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'missing-field', field: 'title' }] } },
  { name: 'title is a list', files: { [A]: fm(valid.replace('title: Titel', 'title: [a, b]')) }, expect: { exit: 1, errors: [{ file: A, line: 2, ruleId: 'invalid-type', field: 'title' }] } },
  { name: 'region is a mapping', files: { [A]: fm(valid.replace('region: Potsdam', 'region: { name: Potsdam }')) }, expect: { exit: 1, errors: [{ file: A, line: 4, field: 'region' }] } },
  { name: 'draft is text', files: { [A]: withField('draft: "ja"') }, expect: { exit: 1, errors: [{ file: A, line: 6, field: 'draft' }] } },
  { name: 'aliases is a mapping', files: { [A]: withField('aliases: { a: 1 }') }, expect: { exit: 1, errors: [{ file: A, field: 'aliases' }] } },
  // A text field keeps what was written, never the number YAML reads (1e400 would be Infinity).
  { name: 'huge number 1e400 as title is kept as written', files: { [A]: fm(valid.replace('title: Titel', 'title: 1e400')) }, expect: { exit: 0, contains: { [PAGE]: ['<h1 data-pagefind-meta="title">1e400</h1>'] } } },
  { name: 'huge integer as teaser is kept as written', files: { [A]: fm(valid.replace('teaser: Kurzer Anriss.', 'teaser: 123456789012345678901234567890')) }, expect: { exit: 0, contains: { [PAGE]: ['<p class="lead">123456789012345678901234567890</p>'] } } },
  { name: 'small number as title is kept as text', files: { [A]: fm(valid.replace('title: Titel', 'title: 2025')) }, expect: { exit: 0, contains: { [PAGE]: ['<h1 data-pagefind-meta="title">2025</h1>'] } } },
  { name: 'title of 5,000 characters', files: { [A]: article({ title: 'x'.repeat(5000) }) }, expect: { exit: 1, errors: [{ file: A, field: 'title', reason: 'höchstens' }] } },
  { name: 'control character in title', files: { [A]: article({ title: 'Titel\u0007mit Glocke' }) }, expect: { exit: 1, errors: [{ file: A, field: 'title', reason: 'U+0007' }] } },

  // ---- dates ----------------------------------------------------------------------------------
  { name: 'impossible date 2025-02-30', files: { [A]: article({ date: '2025-02-30' }) }, expect: { exit: 1, errors: [{ file: A, line: 3, ruleId: 'invalid-date', field: 'date' }] } },
  { name: 'impossible month 2025-13-01', files: { [A]: article({ date: '2025-13-01' }) }, expect: { exit: 1, errors: [{ file: A, line: 3, ruleId: 'invalid-date', field: 'date' }] } },
  { name: 'date with only a year (number)', files: { [A]: fm(valid.replace('date: 2025-02-13', 'date: 2025')) }, expect: { exit: 1, errors: [{ file: A, line: 3, ruleId: 'invalid-date', field: 'date', reason: 'nur eine Jahreszahl' }] } },
  { name: 'date with only a year (text)', files: { [A]: article({ date: '2025' }) }, expect: { exit: 1, errors: [{ file: A, line: 3, ruleId: 'invalid-date', field: 'date' }] } },
  { name: 'date in words', files: { [A]: article({ date: 'gestern' }) }, expect: { exit: 1, errors: [{ file: A, line: 3, ruleId: 'invalid-date', field: 'date' }] } },
  { name: 'expires impossible', files: { [A]: withField('expires: 2025-04-31') }, expect: { exit: 1, errors: [{ file: A, line: 6, ruleId: 'invalid-date', field: 'expires' }] } },

  // ---- encodings and bytes ------------------------------------------------------------------------
  { name: 'UTF-8 BOM', files: { [A]: '\uFEFF' + article() }, expect: { exit: 0, pages: [PAGE], contains: { [PAGE]: ['<h1 data-pagefind-meta="title">Titel</h1>'] } } },
  { name: 'CRLF line endings', files: { [A]: article({}, 'Zeile eins\n\nZeile zwei').replace(/\n/g, '\r\n') }, expect: { exit: 0, pages: [PAGE], contains: { [PAGE]: ['<p>Zeile zwei</p>'] }, excludes: { [PAGE]: ['\r'] } } },
  { name: 'mixed CR, LF and CRLF line endings', files: { [A]: '---\r\ntitle: Titel\rdate: 2025-02-13\nregion: Potsdam\r\nteaser: Kurzer Anriss.\n---\r\nText\rmehr\r\n' }, expect: { exit: 0, pages: [PAGE], excludes: { [PAGE]: ['\r'] } } },
  { name: 'Latin-1 bytes (not UTF-8)', files: { [A]: Buffer.from(article({ title: 'Gr\u00fc\u00dfe' }), 'latin1') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'unreadable-file', reason: 'UTF-8' }] } },
  { name: 'binary file named .md (PNG header)', files: { [A]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'unreadable-file', reason: 'binär' }] } },
  { name: 'random bytes without NUL named .md', files: { [A]: Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 127))) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'unreadable-file' }] } },

  // ---- size and complexity -------------------------------------------------------------------------
  { name: '5 MB body', files: { [A]: article({}, 'Wort '.repeat(1_000_000)) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'unreadable-file', reason: 'MB' }] } },
  { name: '10,000 levels of block quotes', files: { [A]: article({}, '>'.repeat(10_000) + ' tief') }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'too-complex' }] } },
  { name: '10,000 nested lists on one line', files: { [A]: article({}, '- '.repeat(10_000) + 'x') }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'too-complex' }] } },
  { name: 'quotes and lists interleaved', files: { [A]: article({}, '> - '.repeat(5000) + 'x') }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex' }] } },
  { name: '500 levels of indented lists', files: { [A]: article({}, Array.from({ length: 500 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n')) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex', reason: 'eingerückt' }] } },
  { name: '10,000 setext headings (quadratic in the parser)', files: { [A]: article({}, 'a\n=\n'.repeat(10_000)) }, expect: { exit: 1, errors: [{ file: A, line: 1008, ruleId: 'too-complex', reason: '„=“ oder „-“' }] } },
  { name: '20,000 footnotes', files: { [A]: article({}, Array.from({ length: 20_000 }, (_, i) => `t[^${i}]`).join('\n') + '\n\n' + Array.from({ length: 20_000 }, (_, i) => `[^${i}]: n${i}`).join('\n')) }, expect: { exit: 1, errors: [{ file: A, line: 1007, ruleId: 'too-complex', reason: 'Fußnotenzeichen' }] } },
  { name: '100,000 references to one footnote on one line', files: { [A]: article({}, 't[^1] '.repeat(100_000) + '\n\n[^1]: x') }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'too-complex' }] } },
  { name: '45,000 link definitions and references', files: { [A]: article({}, Array.from({ length: 45_000 }, (_, i) => `[r${i}]`).join(' ') + '\n\n' + Array.from({ length: 45_000 }, (_, i) => `[r${i}]: https://e.org/${i}`).join('\n')) }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'too-complex', reason: 'eckige Klammern' }] } },
  { name: '100,000 asterisks around a word', files: { [A]: article({}, '*'.repeat(100_000) + 'x' + '*'.repeat(100_000)) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex' }] } },
  { name: '50,000 nested brackets', files: { [A]: article({}, '['.repeat(50_000) + 'x' + ']'.repeat(50_000)) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex' }] } },
  { name: 'backtick ladder (cubic code spans)', files: { [A]: article({}, Array.from({ length: 1500 }, (_, i) => '`'.repeat(i + 1)).join(' x ')) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex', reason: 'Backticks' }] } },
  { name: 'table with 100,000 cells', files: { [A]: article({}, '|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n' + '|x|x|x|x|x|x|x|x|x|x|\n'.repeat(10_000)) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex', reason: 'Zellen' }] } },
  { name: '10,000 external links', files: { [A]: article({}, Array.from({ length: 10_000 }, (_, i) => `[L${i}](https://example.org/${i})`).join(' ')) }, expect: { exit: 0, contains: { [PAGE]: ['href="https://example.org/9999"', 'href="https://example.org/0"'] } } },
  {
    name: '10,000 links to another article',
    files: { [A]: article({}, Array.from({ length: 10_000 }, (_, i) => `[L${i}](b.md#s${i}-e)`).join(' ')), 'content/2025/b.md': article({ title: 'Ziel', slug: 'ziel' }) },
    expect: { exit: 0, contains: { [PAGE]: ['href="/2025/02-13-ziel/#s0-e"', 'href="/2025/02-13-ziel/#s10-e"', 'href="/2025/02-13-ziel/#s9999-e"'] }, excludes: { [PAGE]: ['stadtbote-link-'] } },
  },

  // ---- URLs, paths and collisions ---------------------------------------------------------------
  { name: 'two articles with the same URL', files: { [A]: article(), 'content/2025/b.md': article({ slug: 'a' }) }, expect: { exit: 1, errors: [{ file: 'content/2025/b.md', ruleId: 'duplicate-url', reason: 'content/2025/a.md' }] } },
  { name: 'explicit slug collides with a file-name slug', files: { 'content/2025/a.md': article({ title: 'Neue Kita' }), 'content/2025/b.md': article({ title: 'Andere', slug: 'a' }) }, expect: { exit: 1, errors: [{ file: 'content/2025/b.md', ruleId: 'duplicate-url', reason: 'content/2025/a.md' }] } },
  { name: 'slug with ../', files: { [A]: article({ slug: '../../../ausserhalb' }) }, expect: { exit: 1, errors: [{ file: A, line: 6, field: 'slug' }] } },
  { name: 'absolute slug', files: { [A]: article({ slug: '/tmp/ausserhalb' }) }, expect: { exit: 1, errors: [{ file: A, line: 6, field: 'slug' }] } },
  { name: 'alias with ..', files: { [A]: withField('aliases:\n  - /../../ausserhalb.html') }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0', reason: '..' }] } },
  { name: 'alias with encoded %2e%2e', files: { [A]: withField('aliases:\n  - /alt/%2e%2e/%2e%2e/x.html') }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0' }] } },
  { name: 'relative alias', files: { [A]: withField('aliases: ../x.html') }, expect: { exit: 1, errors: [{ file: A, field: 'aliases.0' }] } },
  { name: 'alias with a backslash', files: { [A]: withField('aliases:\n  - "/alt\\\\..\\\\x.html"') }, expect: { exit: 1, errors: [{ file: A, field: 'aliases.0', reason: 'Backslash' }] } },
  { name: 'image.src leading out of the content folder', files: { [A]: withField('image:\n  src: ../../outside/sentinel.txt\n  alt: Foto') }, expect: { exit: 1, errors: [{ file: A, field: 'image.src', reason: 'außerhalb des Inhaltsordners' }] } },
  { name: 'absolute image.src', files: { [A]: withField('image:\n  src: /etc/passwd\n  alt: Foto') }, expect: { exit: 1, errors: [{ file: A, field: 'image.src' }] } },
  { name: 'Markdown image leading out', files: { [A]: article({}, '![Foto](../../../outside/sentinel.txt)') }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'image-outside' }] } },
  { name: 'Markdown link leading out', files: { [A]: article({}, '[Geheim](../../outside/sentinel.txt)') }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'link-outside' }] } },
  { name: 'javascript: link', files: { [A]: article({}, '[Klick](javascript:alert(1)) und [zwei](JaVaScRiPt:alert(2))') }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'unsafe-link' }] } },
  { name: 'entity-encoded javascript: link', files: { [A]: article({}, '[Klick](&#106;avascript:alert(1))') }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'unsafe-link' }] } },
  {
    name: 'symlinked file leading out of the content folder',
    files: { 'content/2025/ok.md': article() },
    setup: (root, outside) => symlinkSync(path.join(outside, 'sentinel.txt'), path.join(root, 'content/2025/link.md')),
    expect: { exit: 1, errors: [{ file: 'content/2025/link.md', ruleId: 'symlink-outside' }] },
  },
  {
    name: 'symlinked folder leading out of the content folder',
    files: { 'content/2025/ok.md': article() },
    setup: (root, outside) => {
      mkdirSync(path.join(outside, 'more'), { recursive: true });
      writeFileSync(path.join(outside, 'more', 'x.md'), article({ title: 'Fremd' }));
      symlinkSync(path.join(outside, 'more'), path.join(root, 'content/2024'));
    },
    expect: { exit: 1, errors: [{ file: 'content/2024', ruleId: 'symlink-outside' }] },
  },

  // ---- markup and look-alikes in fields ------------------------------------------------------------
  {
    name: 'HTML, JavaScript and Liquid in every field',
    files: { [A]: article({ title: hostileText, teaser: hostileText, region: `Potsdam ${hostileText}` }, `${hostileText}\n\n<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n{{ site.title }} {% raw %}`) },
    expect: {
      exit: 0,
      contains: { [PAGE]: ['<h1 data-pagefind-meta="title">&lt;script&gt;alert(1)&lt;/script&gt; {{ site.title }} {% include &#34;x&#34; %} &amp;amp; &#34;q&#34; &#39;s&#39; ]]&gt; &lt;/title&gt;</h1>', '<p class="lead">&lt;script&gt;alert(1)&lt;/script&gt;', '{{ site.title }} {% raw %}'] },
      excludes: { [PAGE]: ['<script>alert', 'onerror', /<img src="x"/] },
    },
  },
  {
    name: 'right-to-left marks and Cyrillic look-alikes in the title',
    files: { [A]: article({ title: '\u202eПотсдам\u200f Pоtsdam\u2066x\u2069', region: 'Pоtsdam' }) },
    expect: { exit: 0, contains: { [PAGE]: ['\u202eПотсдам\u200f Pоtsdam\u2066x\u2069</h1>'] } },
  },
  { name: 'HTML file with a script among the attachments', files: { 'content/2025/formular.html': '<script>alert(document.cookie)</script>', [A]: article() }, expect: { exit: 1, errors: [{ file: 'content/2025/formular.html', ruleId: 'active-content' }] } },
  { name: 'SVG with a script among the attachments', files: { 'content/2025/plan.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>', [A]: article({}, '![Plan](plan.svg)') }, expect: { exit: 1, errors: [{ file: 'content/2025/plan.svg', ruleId: 'active-content' }] } },
  { name: 'slug of 300 characters', files: { [A]: withField(`slug: ${'a'.repeat(300)}`) }, expect: { exit: 1, errors: [{ file: A, line: 6, field: 'slug', reason: 'höchstens' }] } },
  { name: 'alias with a 300-character part', files: { [A]: withField(`aliases:\n  - /alt/${'a'.repeat(300)}.html`) }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0', reason: 'Bytes' }] } },
  { name: 'alias with an encoded NUL byte', files: { [A]: withField('aliases:\n  - /alt/a%00b.html') }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0', reason: 'control' }] } },
  { name: 'alias that makes a folder of the feed file', files: { [A]: withField('aliases:\n  - /feed.xml/') }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0', ruleId: 'duplicate-url', reason: 'Datei und Ordner' }] } },
  { name: 'alias below robots.txt', files: { [A]: withField('aliases:\n  - /robots.txt/x.html') }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0', ruleId: 'duplicate-url' }] } },
  { name: 'alias named like the Apache rules file', files: { [A]: withField('aliases:\n  - /.htaccess') }, expect: { exit: 1, errors: [{ file: A, field: 'aliases.0', ruleId: 'duplicate-url' }] } },
  { name: 'alias on the feed itself', files: { [A]: withField('aliases:\n  - /feed.xml') }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0', ruleId: 'duplicate-url' }] } },
  { name: 'impossible date and a missing body image: both in one run', files: { [A]: fm(valid.replace('2025-02-13', '2025-02-30'), 'Text ![Plan](fehlt.png)') }, expect: { exit: 1, errors: [{ file: A, field: 'date', ruleId: 'invalid-date' }, { file: A, line: 7, ruleId: 'missing-image' }] } },
  { name: 'text file named .jpg, used in the frontmatter and the body: one clear error', files: { 'content/2025/foto.jpg': 'kein Bild', [A]: withField('image:\n  src: foto.jpg\n  alt: Foto', '![Foto](foto.jpg)') }, expect: { exit: 1, errors: [{ file: 'content/2025/foto.jpg', ruleId: 'invalid-image' }], only: true } },
  { name: 'XHTML, RSS and MathML attachments (browsers run their scripts)', files: { 'content/2025/a.xht': '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', 'content/2025/b.rss': '<rss/>', 'content/2025/c.mml': '<math/>', [A]: article() }, expect: { exit: 1, errors: [{ file: 'content/2025/a.xht', ruleId: 'active-content' }, { file: 'content/2025/b.rss', ruleId: 'active-content' }, { file: 'content/2025/c.mml', ruleId: 'active-content' }] } },
  { name: 'setext headings inside a block quote', files: { [A]: article({}, '> a\n> ===\n'.repeat(8000)) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex', reason: '„=“ oder „-“' }] } },
  { name: 'alias with an encoded backslash', files: { [A]: withField('aliases:\n  - /alt%5C..%5C..%5Cevil.html') }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0', reason: 'backslash' }] } },
  { name: 'file name without letters gets a fallback slug', files: { 'content/2025/🎉🎉🎉.md': article({ title: '🎉🎉🎉' }) }, expect: { exit: 0, pages: ['2025/02-13-meldung/index.html'] } },
  { name: 'region without letters', files: { [A]: article({ region: '!!!' }) }, expect: { exit: 1, errors: [{ file: A, field: 'region' }] } },
  {
    name: 'prototype pollution keys are ignored',
    files: { [A]: withField('__proto__:\n  polluted: ja\n  draft: true\nconstructor:\n  prototype:\n    polluted: ja') },
    expect: { exit: 0, pages: [PAGE] },
  },
  { name: '__proto__ does not supply a missing title', files: { [A]: fm('__proto__:\n  title: Untergeschoben\ndate: 2025-02-13\nregion: Potsdam\nteaser: t') }, expect: { exit: 1, errors: [{ file: A, field: 'title', ruleId: 'missing-field' }] } },
  { name: 'file name with spaces and umlauts', files: { 'content/2025/Grüße aus Köln.md': article() }, expect: { exit: 0, pages: ['2025/02-13-gruesse-aus-koeln/index.html'] } },

  // ---- render budget and known slow Markdown (issue 16, finding 1) ---------------------------------
  // Constructs with no limit of their own: only the budget ends them (12 s and 13 s unchecked).
  { name: 'render budget: 19,000 unclosed image brackets take too long', files: { [A]: article({}, '![a]('.repeat(19_000)), 'content/2025/b.md': article({ title: 'B' }) }, options: { renderBudget: { ms: 1000, mb: 1024 } }, expect: { exit: 1, errors: [{ file: A, line: 1, ruleId: 'render-budget', reason: 'länger als 1 s' }], only: true } },
  // Some 1–13 s depending on the machine's load: a budget of 250 ms is over on an idle machine too.
  { name: 'render budget: 300,000 unclosed tags take too long', files: { [A]: article({}, '<a '.repeat(300_000)) }, options: { renderBudget: { ms: 250, mb: 1024 } }, expect: { exit: 1, errors: [{ file: A, ruleId: 'render-budget' }], only: true } },
  { name: 'render budget: 120,000 emphasised words over 30 paragraphs need too much memory', files: { [A]: article({}, ('*a* '.repeat(4000) + '\n\n').repeat(30)), 'content/2025/b.md': article({ title: 'B' }) }, options: { renderBudget: { ms: 60_000, mb: 96 } }, expect: { exit: 1, errors: [{ file: A, ruleId: 'render-budget', reason: 'MB Speicher' }], only: true } },
  {
    name: 'render budget in a parallel build: only the slow source fails, its batch renders again',
    files: { ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`content/2025/n${i}.md`, article({ title: `Meldung ${i}` })])), 'content/2025/n20x.md': article({ title: 'Langsam' }, '![a]('.repeat(19_000)) },
    options: { workers: 2, renderBudget: { ms: 1000, mb: 1024 } },
    expect: { exit: 1, errors: [{ file: 'content/2025/n20x.md', ruleId: 'render-budget' }], only: true },
  },
  { name: 'www-literals (GFM autolinks) over the budget', files: { [A]: article({}, 'www.a '.repeat(150_000)) }, options: { renderBudget: { ms: 1000, mb: 1024 } }, expect: { exit: 1, errors: [{ file: A, ruleId: 'render-budget' }], only: true } },
  { name: 'flat list of 20,000 items renders (looseness once per list)', files: { [A]: article({}, '- a\n'.repeat(20_000)) }, options: { renderBudget: { ms: 15_000, mb: 1024 } }, expect: { exit: 0, contains: { [PAGE]: ['<li>a</li>'] }, excludes: { [PAGE]: ['<li>\n<p>a</p>'] } } },
  { name: 'ordered list of 10,000 items renders', files: { [A]: article({}, '1. a\n'.repeat(10_000)) }, options: { renderBudget: { ms: 15_000, mb: 1024 } }, expect: { exit: 0, contains: { [PAGE]: ['<ol>', '<li>a</li>'] } } },
  { name: 'task list of 5,000 items renders', files: { [A]: article({}, '- [ ] a\n'.repeat(5_000)) }, options: { renderBudget: { ms: 15_000, mb: 1024 } }, expect: { exit: 0, contains: { [PAGE]: ['type="checkbox"'] } } },
  { name: 'loose list stays loose, nested tight list stays tight', files: { [A]: article({}, '- a\n\n- b\n  - c\n  - d\n') }, expect: { exit: 0, contains: { [PAGE]: ['<li>\n<p>a</p>\n</li>', '<li>c</li>'] } } },
  { name: '*a* repeated 80,000 times: too much emphasis in one paragraph', files: { [A]: article({}, '*a* '.repeat(80_000)) }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'too-complex', reason: 'Hervorhebung' }], only: true } },
  { name: '_a_ repeated 20,000 times', files: { [A]: article({}, '_a_ '.repeat(20_000)) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex', reason: 'Hervorhebung' }], only: true } },
  { name: '~a~ and **a** repeated in one paragraph over lines', files: { [A]: article({}, 'x\n' + '~a~ **a**\n'.repeat(2_000)) }, expect: { exit: 1, errors: [{ file: A, line: 7, ruleId: 'too-complex', reason: 'Hervorhebung' }], only: true } },
  { name: 'emphasis spread over many paragraphs is fine', files: { [A]: article({}, ('*a* '.repeat(100) + '\n\n').repeat(200)) }, expect: { exit: 0, contains: { [PAGE]: ['<em>a</em>'] } } },
  { name: '166,000 paragraphs', files: { [A]: article({}, 'a\n\n'.repeat(166_000)) }, expect: { exit: 1, errors: [{ file: A, ruleId: 'too-complex', reason: 'Zeilen Text' }], only: true } },
  { name: '500,000 headings', files: { [A]: article({}, '# a\n'.repeat(499_000)) }, expect: { exit: 1, errors: [{ file: A, line: 20_007, ruleId: 'too-complex', reason: 'Zeilen Text' }], only: true } },

  // ---- YAML numbers and early years (finding 4) ----------------------------------------------------
  { name: 'region 01067 keeps its leading zero', files: { [A]: fm(valid.replace('region: Potsdam', 'region: 01067')) }, expect: { exit: 0, pages: ['regionen/01067/index.html'], contains: { [PAGE]: ['01067'] } } },
  { name: 'teaser 007 is shown as 007', files: { [A]: fm(valid.replace('teaser: Kurzer Anriss.', 'teaser: 007')) }, expect: { exit: 0, contains: { [PAGE]: ['<p class="lead">007</p>'] } } },
  { name: 'title 0x1F stays 0x1F', files: { [A]: fm(valid.replace('title: Titel', 'title: 0x1F')) }, expect: { exit: 0, contains: { [PAGE]: ['<h1 data-pagefind-meta="title">0x1F</h1>'] } } },
  { name: 'title 1e3 stays 1e3', files: { [A]: fm(valid.replace('title: Titel', 'title: 1e3')) }, expect: { exit: 0, contains: { [PAGE]: ['<h1 data-pagefind-meta="title">1e3</h1>'] } } },
  { name: 'title 1.50 stays 1.50', files: { [A]: fm(valid.replace('title: Titel', 'title: 1.50')) }, expect: { exit: 0, contains: { [PAGE]: ['<h1 data-pagefind-meta="title">1.50</h1>'] } } },
  { name: 'octal 0o17 and signed +12 in the caption stay as written', files: { [A]: withField('image:\n  src: bild.png\n  alt: +12\n  caption: 0o17'), 'content/2025/bild.png': Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') }, expect: { exit: 0, contains: { [PAGE]: ['alt="+12"', '0o17'] } } },
  { name: 'a number through an alias asks for quotes', files: { [A]: fm(`x: &n 0x1F\n${valid.replace('title: Titel', 'title: *n')}`) }, expect: { exit: 1, errors: [{ file: A, field: 'title', reason: 'als Zahl geschrieben' }] } },
  { name: 'year 0099 with an offset stays in year 0099', files: { [A]: fm(valid.replace('date: 2025-02-13', 'date: 0099-06-15T12:00+02:00')) }, expect: { exit: 0, pages: ['0099/06-15-a/index.html'] } },
  { name: 'plain date in year 0001 stays in year 0001', files: { [A]: fm(valid.replace('date: 2025-02-13', 'date: 0001-01-01')) }, expect: { exit: 0, pages: ['0001/01-01-a/index.html'] } },
  { name: 'leap day of year 0004 is real, of 0100 is not', files: { [A]: fm(valid.replace('date: 2025-02-13', 'date: 0004-02-29')), 'content/2025/b.md': fm(valid.replace('date: 2025-02-13', 'date: 0100-02-29').replace('Titel', 'B')) }, expect: { exit: 1, errors: [{ file: 'content/2025/b.md', field: 'date', ruleId: 'invalid-date' }], only: true } },
  { name: 'year 0000 does not exist', files: { [A]: fm(valid.replace('date: 2025-02-13', 'date: 0000-01-01')) }, expect: { exit: 1, errors: [{ file: A, field: 'date', ruleId: 'invalid-date' }] } },

  // ---- addresses (finding 8) -----------------------------------------------------------------------
  { name: 'alias with an empty part (/a//b.html)', files: { [A]: withField('aliases:\n  - /a//b.html') }, expect: { exit: 1, errors: [{ file: A, line: 7, field: 'aliases.0', ruleId: 'invalid-field', reason: '„//“' }], only: true } },
  { name: 'alias ending in an empty part (/a//)', files: { [A]: withField('aliases:\n  - /a//') }, expect: { exit: 1, errors: [{ file: A, field: 'aliases.0', ruleId: 'invalid-field' }], only: true } },
  ...(['#', '?', '%'] as const).map((ch) => ({
    name: `page file name with "${ch}"`,
    files: { [A]: article(), [`content/pages/kontakt${ch}info.md`]: '---\ntitle: Kontakt\n---\nText\n' },
    expect: { exit: 1 as const, errors: [{ file: `content/pages/kontakt${ch}info.md`, ruleId: 'invalid-url', reason: `"${ch}"` }], only: true },
  })),
  { name: 'page file name with a zero-width space', files: { [A]: article(), 'content/pages/kon\u200btakt.md': '---\ntitle: Kontakt\n---\nText\n' }, expect: { exit: 1, errors: [{ file: 'content/pages/kon\u200btakt.md', ruleId: 'invalid-url', reason: 'U+200B' }], only: true } },
  { name: 'page names in NFC and NFD are one page', files: { [A]: article(), 'content/pages/\u00dcber.md': '---\ntitle: A\n---\nA\n', 'content/pages/U\u0308ber.md': '---\ntitle: B\n---\nB\n' }, expect: { exit: 1, errors: [{ file: 'content/pages/\u00dcber.md', ruleId: 'duplicate-url' }], only: true } },
  { name: 'a page name in NFD gets an NFC address', files: { [A]: article(), 'content/pages/U\u0308ber-uns.md': '---\ntitle: Über uns\n---\nText\n' }, expect: { exit: 0, pages: ['\u00dcber-uns/index.html'] } },
  { name: 'page names that differ only in case', files: { [A]: article(), 'content/pages/Impressum.md': '---\ntitle: A\n---\nA\n', 'content/pages/impressum.md': '---\ntitle: B\n---\nB\n' }, expect: { exit: 1, errors: [{ file: 'content/pages/impressum.md', ruleId: 'duplicate-url', reason: 'Groß- und Kleinschreibung' }], only: true } },
  { name: 'a page and an alias that differ only in case', files: { [A]: withField('aliases:\n  - /Kontakt/'), 'content/pages/kontakt.md': '---\ntitle: Kontakt\n---\nText\n' }, expect: { exit: 1, errors: [{ file: A, field: 'aliases.0', ruleId: 'duplicate-url' }], only: true } },
  ...([['zero-width space', '\u200b'], ['soft hyphen', '\u00ad'], ['word joiner', '\u2060'], ['byte order mark', '\ufeff'], ['zero-width joiner', '\u200d']] as const).map(([what, ch]) => ({
    name: `region with a ${what}`,
    files: { [A]: article({ region: `Pots${ch}dam` }), 'content/2025/b.md': article({ title: 'B', region: 'Potsdam' }) },
    expect: { exit: 1 as const, errors: [{ file: A, field: 'region', reason: 'unsichtbare' }], only: true },
  })),
  { name: 'region in NFC and NFD is one region', files: { [A]: article({ region: 'M\u00fchlhausen' }), 'content/2025/b.md': article({ title: 'B', region: 'Mu\u0308hlhausen' }) }, expect: { exit: 0, pages: ['regionen/muehlhausen/index.html'] } },
  {
    name: 'clashes with the search page, the feed and between articles come in one run',
    files: { [A]: article(), 'content/2025/b.md': article({ slug: 'a' }), 'content/pages/suche.md': '---\ntitle: Suche\n---\nText\n', 'content/pages/feed.xml.md': '---\ntitle: Feed\n---\nText\n' },
    options: { search: true },
    expect: { exit: 1, errors: [{ file: 'content/2025/b.md', ruleId: 'duplicate-url' }, { file: 'content/pages/suche.md', ruleId: 'duplicate-url', reason: 'die Suchseite' }, { file: 'content/pages/feed.xml.md', ruleId: 'duplicate-url', reason: 'die Feeds der Website' }], only: true },
  },
  { name: 'alias on the search page and an article clash in one run', files: { [A]: withField('aliases:\n  - /suche/'), 'content/2025/b.md': article({ slug: 'a' }), 'content/2025/c.md': article({ title: 'C' }), 'content/2025/d.md': article({ title: 'C', slug: 'c' }) }, options: { search: true }, expect: { exit: 1, errors: [{ file: A, field: 'aliases.0', ruleId: 'duplicate-url', reason: 'die Suchseite' }, { file: 'content/2025/b.md', ruleId: 'duplicate-url' }, { file: 'content/2025/d.md', ruleId: 'duplicate-url' }], only: true } },
  { name: 'an alias on another article and an article clash in one run', files: { [A]: withField('aliases:\n  - /2025/02-13-c/'), 'content/2025/c.md': article({ title: 'C' }), 'content/2025/d.md': article({ title: 'D' }), 'content/2025/e.md': article({ title: 'D', slug: 'd' }) }, expect: { exit: 1, errors: [{ file: A, field: 'aliases.0', ruleId: 'duplicate-url' }, { file: 'content/2025/e.md', ruleId: 'duplicate-url' }], only: true } },

  // ---- bytes that are not what their name says (finding 9) ----------------------------------------
  { name: 'SVG bytes named .png', files: { 'content/2025/plan.png': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="10" height="10"/></svg>', [A]: article({}, '![Plan](plan.png)') }, expect: { exit: 1, errors: [{ file: 'content/2025/plan.png', ruleId: 'active-content', reason: 'SVG' }], only: true } },
  { name: 'SVG bytes named .jpg used as the article image', files: { 'content/2025/foto.jpg': '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', [A]: withField('image:\n  src: foto.jpg\n  alt: Foto') }, expect: { exit: 1, errors: [{ file: 'content/2025/foto.jpg', ruleId: 'active-content' }], only: true } },
  { name: 'PNG bytes named .jpg are still an image', files: { 'content/2025/foto.jpg': Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'), [A]: article({}, '![Foto](foto.jpg)') }, expect: { exit: 0, contains: { [PAGE]: ['alt="Foto"'] } } },
];
