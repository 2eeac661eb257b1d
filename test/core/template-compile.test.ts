import { Liquid } from 'liquidjs';
import { afterAll, describe, expect, it } from 'vitest';
import { languages } from '../../src/i18n/index.js';
import { LiquidCompiler, Unsupported } from '../../src/theme/compile/index.js';
import { Theme } from '../../src/theme/engine.js';
import { cleanup, makeSite } from '../helpers.js';

/**
 * The compiled templates (theme/compile/) against LiquidJS's own renderer: every snippet is rendered
 * by a Theme of each engine from the same files and data, and must come out byte for byte the same,
 * with the compiled engine really used (or, for what it does not compile, really left to LiquidJS).
 */

const temps: string[] = [];
afterAll(() => temps.forEach(cleanup));

const DATA = {
  s: `<a href="x">Tom & Jerry's "Show"</a>`,
  empty: '',
  zero: 0,
  no: false,
  nothing: null,
  list: ['a', 'b', 'c', 'd', 'e'],
  none: [],
  obj: { key: 'v', 'odd key': 'w', nested: { deep: [1, 2, 3] } },
  emptyObj: {},
  k: 'key',
  n: 3,
  half: 1.5,
  big: 1e21,
  items: [
    { title: 'Eins', region: 'Nord', count: 1, tags: ['x'] },
    { title: 'Zwei <b>', region: 'Süd', count: 2, tags: [] },
    { title: 'Drei', region: 'Nord', count: 3, tags: ['y', 'z'] },
  ],
  partialName: 'partials/p',
  page: { title: 'Seite', kind: 'article' },
};

/** name → [main template, extra files] */
const SNIPPETS: Record<string, [string, Record<string, string>?]> = {
  'escaping of <&"\'': ['{{ s }}|{{ s | raw }}|{{ s | raw | upcase }}|{{ s | upcase | raw }}|{{ s | escape }}|{{ s | escape | raw }}'],
  'stringification': ['{{ n }} {{ half }} {{ big }} {{ list }} {{ obj }} {{ no }} {{ nothing }} {{ zero }} {{ items[0].tags }} {{ missing }}'],
  'truthiness of nil, empty, 0, false, []': [
    '{% assign names = "nothing,empty,zero,no,none,emptyObj,missing,s,list" | split: "," %}{% for name in names %}{{ name }}:' +
      '{% if [name] %}T{% else %}F{% endif %}' +
      '{% unless [name] %}u{% endunless %}' +
      '{% if [name] == empty %}E{% endif %}{% if [name] == blank %}B{% endif %}{% if [name] == nil %}N{% endif %}{% if [name] != nil %}n{% endif %} {% endfor %}',
  ],
  'truthiness by name': ['{% if nothing %}1{% endif %}{% if empty %}2{% endif %}{% if zero %}3{% endif %}{% if no %}4{% endif %}{% if none %}5{% endif %}{% if missing %}6{% endif %}{% if none == empty %}7{% endif %}{% if empty == empty %}8{% endif %}{% if emptyObj == empty %}9{% endif %}'],
  'size, first, last, indexes': ['{{ s.size }} {{ list.size }} {{ missing.size }} {{ obj.size }} {{ list.first }} {{ list.last }} {{ list[0] }} {{ list[-1] }} {{ list[9] }} {{ obj["odd key"] }} {{ obj[k] }} {{ obj.nested.deep.last }} {{ items.first.title }} {{ empty.size }} {{ n.size }} {{ size }}'],
  'forloop variables': ['{% for x in list %}{{ forloop.index }}/{{ forloop.index0 }}/{{ forloop.rindex }}/{{ forloop.rindex0 }}/{{ forloop.first }}/{{ forloop.last }}/{{ forloop.length }}:{{ x }} {% endfor %}{% for x in none %}{{ forloop }}{% endfor %}{% for x in list limit: 1 %}{{ forloop }}{% endfor %}'],
  'offset, limit, reversed, else, ranges': [
    '{% for x in list offset: 1 limit: 2 %}{{ x }}{% endfor %}|{% for x in list reversed %}{{ x }}{% endfor %}|{% for x in list limit: 3 reversed %}{{ x }}{% endfor %}|' +
      '{% for x in none %}{{ x }}{% else %}leer{% endfor %}|{% for i in (1..n) %}{{ i }}{% endfor %}|{% for i in (n..1) %}{{ i }}{% else %}rückwärts leer{% endfor %}|' +
      '{% for pair in obj %}{{ pair[0] }}={{ pair[1] }};{% endfor %}|{% for c in s %}[{{ c }}]{% endfor %}|{% for x in list offset: n %}{{ x }}{% endfor %}',
  ],
  'break and continue': ['{% for x in list %}{% if x == "b" %}{% continue %}{% endif %}{% if x == "d" %}{% break %}{% endif %}{{ x }}{% endfor %}|{% for x in list %}{{ x }}{% break %}{% endfor %}'],
  'offset: continue': ['{% for x in list limit: 2 %}{{ x }}{% endfor %}|{% for x in list offset: continue limit: 2 %}{{ x }}{% endfor %}|{% for x in list offset: continue %}{{ x }}{% endfor %}'],
  'whitespace control': ['a  \n  {%- if true -%}  \n b  \n {%- endif %}  \n  {{- n -}}  \n  c {{ n -}}\n\n d\n{%- assign q = 1 -%}\n e'],
  'assign inside for, capture': ['{% assign total = "" %}{% for item in items %}{% assign total = total | append: item.title %}{% assign last = item %}{% endfor %}{{ total }} {{ last.title }} {{ item }}{% capture c %}[{{ n }}{% for x in list limit: 2 %}{{ x }}{% endfor %}]{% endcapture %}{{ c }} {{ c.size }}'],
  'assign shadows data, loop var shadows assign': ['{% assign n = 7 %}{{ n }}{% assign x = "outer" %}{% for x in list limit: 1 %}{{ x }}{% assign x = "inner" %}{{ x }}{% endfor %}{{ x }}'],
  'case/when': ['{% for item in items %}{% case item.region %}{% when "Nord", "West" %}N{% when "Süd" or "Ost" %}S{% else %}?{% endcase %}{% case item.count %}{% when 1 %}one{% when 2 %}two{% when 2 %}two again{% endcase %}{% endfor %}{% case missing %}{% when nil %}nil{% else %}else{% endcase %}'],
  'default with empty, false, nil': ['{{ empty | default: "d1" }}|{{ no | default: "d2" }}|{{ no | default: "d3", allow_false: true }}|{{ nothing | default: "d4" }}|{{ zero | default: "d5" }}|{{ none | default: "d6" }}|{{ missing | default: s }}'],
  'filters with several arguments': ['{{ s | slice: 0, 5 }}|{{ "Mär" | append: "z" | prepend: "<" }}|{{ s | replace: "o", "0" | replace_first: "0", "O" }}|{{ n | times: 48 | divided_by: 7 | round | at_least: 1 }}|{{ 10 | divided_by: 4 }}|{{ 10 | divided_by: 4.0 }}|{{ half | round: 1 }}|{{ list | join: ", " }}|{{ items | map: "title" | join: "/" }}|{{ items | where: "region", "Nord" | size }}|{{ items | sort: "title" | map: "count" | join }}|{{ 3 | prepend: "0" | slice: -2, 2 }}|{{ s | truncate: 10 }}|{{ list | first }}'],
  'comparison operators, contains, and/or': ['{% if list contains "b" %}1{% endif %}{% if s contains "Jerry" %}2{% endif %}{% if n > 2 and n < 5 %}3{% endif %}{% if n >= 4 or n <= 2 %}4{% endif %}{% if true and false or true %}5{% endif %}{% if n == 3 and missing == nil %}6{% endif %}{% if list == list %}7{% endif %}{% if "3" == n %}8{% endif %}{% if zero == false %}9{% endif %}{% if missing contains "x" %}10{% endif %}{% if n contains 3 %}11{% endif %}{% if page.kind != "home" %}12{% endif %}{% if list.size > 3 %}13{% endif %}{% if not no %}14{% endif %}'],
  'if/elsif/else and unless/else': ['{% for item in items %}{% if item.count == 1 %}a{% elsif item.count == 2 %}b{% else %}c{% endif %}{% unless item.count == 2 %}u{% elsif item.count == 2 %}e{% else %}x{% endunless %}{% endfor %}'],
  'unknown variables and filters on them': ['[{{ missing }}][{{ missing.deep.er }}][{{ missing | upcase }}][{{ missing | size }}][{{ obj.nope }}][{{ list.nope }}]'],
  'raw, comment, echo, liquid tags': ['{% raw %}{{ not rendered }}{% endraw %}{% comment %}{{ s }}{% endcomment %}{% # inline %}{% echo s %}{% echo s | raw %}{% liquid\nassign z = n | plus: 1\necho z\n%}'],
  'render sees only its arguments, include the outer scope': [
    '{% assign outer = "O" %}{% render "partials/p", x: n %}|{% include "partials/p", x: n %}|{{ leaked }}|{% render "partials/q" %}|{{ rleak }}|{% render partialName, x: 1 %}|{% include "partials/p" with "W" %}|{% render "partials/p" for list as x %}|{% render "partials/p" with list as x %}',
    { 'partials/p.liquid': '<{{ x }}{{ outer }}{{ n }}{{ page.title }}{% assign leaked = "L" %}{{ forloop.index }}>', 'partials/q.liquid': '{% assign rleak = "R" %}q' },
  ],
  'partial names from variables and from {{ }} in quotes': [
    '{% assign which = "q" %}{% include "partials/{{ which }}" %}|{% render partialName, x: "y" %}|{% for item in items %}{% render "partials/p", x: item.title %}{% endfor %}',
    { 'partials/p.liquid': '<{{ x }}{{ forloop.index }}>', 'partials/q.liquid': 'Q{{ which }}{{ n }}' },
  ],
  'ranges, numbers and operators on odd operands': ['{% for i in (1.."3") %}{{ i | plus: 1 }}{% endfor %}|{{ "a" | append: n }}|{{ n | plus: half }}|{% if obj contains "key" %}o{% endif %}{% if nothing contains "x" %}x{% endif %}{% if obj == obj %}e{% endif %}{% if items[0] == items[0] %}i{% endif %}{% if list > 1 %}g{% endif %}{% if nothing < 1 %}l{% endif %}|{{ block }}|{{ forloop }}'],
  'nested layouts, blocks with defaults, block.super': [
    '{% assign v = "child" %}{% layout "layouts/middle" %}outside blocks{% block title %}Kind {{ v }}{% endblock %}{% block body %}[{{ block.super }}] body{% endblock %}',
    {
      'layouts/outer.liquid': '<title>{% block title %}Outer{% endblock %}</title><main>{% block body %}outer body{% endblock %}</main><foot>{% block foot %}Fuß {{ v }}{% endblock %}</foot>',
      'layouts/middle.liquid': '{% layout "layouts/outer" %}{% block body %}middle({{ block.super }}) {{ v }}{% endblock %}{% block foot %}mid foot{% endblock %}',
    },
  ],
  'layout without blocks keeps the anonymous block': ['{% layout "layouts/plain" %}Inhalt {{ n }}', { 'layouts/plain.liquid': '<body>{% block %}{% endblock %}</body>' }],
  'layout arguments and layout none': ['{% layout "layouts/args", tone: "laut" %}{% block a %}A{{ tone }}{% endblock %}', { 'layouts/args.liquid': '{{ tone }}{% block a %}{% endblock %}' }],
};

function theme(dir: string, engine: 'compiled' | 'liquidjs'): Theme {
  return new Theme({ templateDirs: [dir], basePath: '/', baseUrl: 'https://example.org/', strings: languages['de']!, engine });
}

function renderBoth(main: string, files: Record<string, string> = {}, data: object = DATA): { compiled: string; liquidjs: string; used: boolean } {
  const dir = makeSite({ 'main.liquid': main, ...files });
  temps.push(dir);
  const compiledTheme = theme(dir, 'compiled');
  // Each engine gets its own copy: `increment` writes into the data.
  const compiled = compiledTheme.render('main', structuredClone(data));
  return { compiled, liquidjs: theme(dir, 'liquidjs').render('main', structuredClone(data)), used: compiledTheme.isCompiled('main') };
}

describe('compiled templates render exactly like LiquidJS', () => {
  for (const [name, [main, files]] of Object.entries(SNIPPETS)) {
    it(name, () => {
      const { compiled, liquidjs, used } = renderBoth(main, files);
      expect(compiled).toBe(liquidjs);
      expect(used).toBe(true);
    });
  }

  it('the snippets show what they are about (not all empty)', () => {
    const { liquidjs } = renderBoth(SNIPPETS['escaping of <&"\'']![0]);
    expect(liquidjs).toContain('&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s');
    expect(liquidjs).toContain('<a href="x">');
  });

  it('the theme filters (url, asset, fmt, count_label, month_name, json_script, xml, date_display) give the same', () => {
    const main = "{{ '/a b/' | url }} {{ 'stadtbote.css' | asset }} {{ '/x' | absolute_url }} {{ '2025-03-04' | date_display }} {{ 'Seite {n} von {t}' | fmt: 'n', 2 | fmt: 't', 9 }} {{ 1 | count_label }} {{ n | count_label }} {{ n | month_name }} {{ obj | json_script | raw }} {{ s | xml }}";
    const { compiled, liquidjs, used } = renderBoth(main);
    expect(compiled).toBe(liquidjs);
    expect(used).toBe(true);
  });
});

describe('what is not compiled is rendered by LiquidJS', () => {
  it('a template with cycle/increment falls back, silently and correctly', () => {
    const { compiled, liquidjs, used } = renderBoth('{% for x in list %}{% cycle "a", "b" %}{% increment c %}{% endfor %}{{ s }}');
    expect(used).toBe(false);
    expect(compiled).toBe(liquidjs);
    expect(compiled).toBe('a0b1a2b3a4&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s &#34;Show&#34;&lt;/a&gt;');
  });

  it('a partial reached only at render time with an unsupported tag makes the page fall back', () => {
    const { compiled, liquidjs, used } = renderBoth('{{ n }}{% render partialName, list: list %}', { 'partials/p.liquid': '{% tablerow x in list cols: 2 %}{{ x }}{% endtablerow %}' });
    expect(compiled).toBe(liquidjs);
    expect(compiled).toContain('<tr class="row1">');
    expect(used).toBe(false);
  });

  it('a custom tag is not compiled (LiquidCompiler refuses it)', () => {
    const liquid = new Liquid();
    liquid.registerTag('shout', { render: () => 'LAUT' });
    const compiler = new LiquidCompiler(liquid);
    expect(() => compiler.compile(liquid.parse('a{% shout %}b'))).toThrow(Unsupported);
    expect(compiler.compile(liquid.parse('a{{ x }}b'))({ x: 1 })).toBe('a1b');
  });

  it('LiquidJS options the compiler does not follow (strictVariables) leave templates to LiquidJS', () => {
    const liquid = new Liquid({ strictVariables: true });
    expect(() => new LiquidCompiler(liquid).compile(liquid.parse('{{ x }}'))).toThrow(Unsupported);
  });

  it('errors are LiquidJS\'s own: a missing partial reports as before', () => {
    const dir = makeSite({ 'main.liquid': '{% render "partials/gibt-es-nicht" %}' });
    temps.push(dir);
    expect(() => theme(dir, 'compiled').render('main', {})).toThrow(/gibt-es-nicht/);
  });
});
