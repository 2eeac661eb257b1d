import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Theme } from '../../src/theme/engine.js';
import { buildSite, cleanup, copyFixture, readTree, REPO } from '../helpers.js';

/**
 * Differential test of the two template engines on whole sites: the fixture sites are built once
 * with the compiled templates (the default) and once with LiquidJS's own renderer
 * (STADTBOTE_TEMPLATE_ENGINE=liquidjs), and every file of dist/ must be byte for byte the same.
 * While the compiled build runs, every render call is recorded, so the test also proves that every
 * default template was really rendered by the compiled engine, with the build's real views.
 */

const LOOK_CONFIG = 'logo:\n  src: /bilder/rathaus.png\n  alt: "Wappen der Stadt Testhausen"\nbrand:\n  color: "#2e7d32"\nlistThumbnails: true';
/** A site's own templates: the default layout with a footer that uses more of Liquid, and a list item with `cycle` (left to LiquidJS). */
const OWN_FOOTER = `<p class="own">{% capture years %}{% for y in (2023..2025) reversed %}{{ y }}{% unless forloop.last %}, {% endunless %}{% endfor %}{% endcapture %}{{ years }}
{%- case page.kind %}{% when 'article' %} · Meldung{% when 'home', 'list' %} · Liste{% else %} · {{ page.kind | upcase }}{% endcase %}
{%- include 'partials/own-note', note: site.title %}</p>
</body>`;
const OWN_TEMPLATES: Record<string, string> = {
  'partials/own-note.liquid': ' · {{ note | slice: 0, 8 }}{% assign seen = page.title | size %} ({{ seen | at_least: 1 }})',
  'partials/article-item.liquid': '<li class="{% cycle \'odd\', \'even\' %}"><a href="{{ item.url | url }}">{{ item.title }}</a></li>',
};

function withOwnTemplates(root: string): void {
  const dir = path.join(root, 'templates');
  mkdirSync(path.join(dir, 'layouts'), { recursive: true });
  mkdirSync(path.join(dir, 'partials'), { recursive: true });
  const base = readFileSync(path.join(REPO, 'templates', 'layouts', 'base.liquid'), 'utf8');
  writeFileSync(path.join(dir, 'layouts', 'base.liquid'), base.replace('</body>', OWN_FOOTER));
  for (const [rel, text] of Object.entries(OWN_TEMPLATES)) writeFileSync(path.join(dir, rel), text);
  copyFileSync(path.join(REPO, 'templates', 'partials', 'footer.liquid'), path.join(dir, 'partials', 'footer.liquid'));
}

/** label, fixture, config to append, own templates?, templates expected to be left to LiquidJS */
const SITES: [string, string, string?, boolean?, string[]?][] = [
  ['core-basic', 'core-basic'],
  ['archive-site', 'archive-site'],
  ['readers-site', 'readers-site'],
  ['readers-site with logo, brand colour and thumbnails', 'readers-site', LOOK_CONFIG],
  ["readers-site with a site's own templates", 'readers-site', undefined, true, ['partials/article-item']],
];

const temps: string[] = [];
afterAll(() => temps.forEach(cleanup));
afterEach(() => {
  delete process.env['STADTBOTE_TEMPLATE_ENGINE'];
});

interface Rendered {
  readonly name: string;
  readonly compiled: boolean;
}

async function buildWith(fixture: string, config: string | undefined, ownTemplates: boolean | undefined, engine: 'compiled' | 'liquidjs', calls?: Rendered[]): Promise<Map<string, Buffer>> {
  const root = copyFixture(fixture);
  temps.push(root);
  if (config) appendFileSync(path.join(root, 'stadtbote.config.yaml'), `\n${config}\n`);
  if (ownTemplates) withOwnTemplates(root);
  if (engine === 'liquidjs') process.env['STADTBOTE_TEMPLATE_ENGINE'] = 'liquidjs';
  const original = Theme.prototype.render;
  if (calls) {
    Theme.prototype.render = function (this: Theme, name: string, data: object): string {
      const html = original.call(this, name, data);
      calls.push({ name, compiled: this.isCompiled(name) });
      return html;
    };
  }
  try {
    // One thread, so the recording above sees every render and the environment switch reaches the Theme.
    await buildSite(root, { noCache: true, workers: 0, search: false });
  } finally {
    Theme.prototype.render = original;
    delete process.env['STADTBOTE_TEMPLATE_ENGINE'];
  }
  return readTree(path.join(root, 'dist'));
}

describe('compiled templates and LiquidJS build the same sites', () => {
  for (const [label, fixture, config, ownTemplates, leftToLiquidjs = []] of SITES) {
    it(`${label}: every file of dist/ is byte for byte the same`, async () => {
      const calls: Rendered[] = [];
      const compiled = await buildWith(fixture, config, ownTemplates, 'compiled', calls);
      const liquidjs = await buildWith(fixture, config, ownTemplates, 'liquidjs');
      expect([...compiled.keys()]).toEqual([...liquidjs.keys()]);
      for (const [rel, bytes] of liquidjs) expect(compiled.get(rel)?.toString('utf8'), rel).toBe(bytes.toString('utf8'));
      // The compiled engine really rendered every template the build used.
      expect(calls.length).toBeGreaterThan(0);
      expect([...new Set(calls.filter((call) => !call.compiled).map((call) => call.name))]).toEqual(leftToLiquidjs);
      if (ownTemplates) {
        const home = compiled.get('index.html')?.toString('utf8') ?? '';
        expect(home).toContain('<p class="own">2025, 2024, 2023 · Liste · Stadtbot');
        // Each list item is rendered on its own (and cached), so `cycle` starts afresh: always 'odd'.
        expect(home).toContain('<li class="odd"><a href=');
      }
    });
  }

  it('the default theme\'s templates are all covered by the builds above', async () => {
    const calls: Rendered[] = [];
    await buildWith('readers-site', LOOK_CONFIG, false, 'compiled', calls);
    const names = new Set(calls.map((call) => call.name));
    for (const name of ['article', 'list', 'page', '404', 'archive', 'regions', 'topics', 'partials/article-item', 'partials/article-context', 'partials/header', 'partials/footer', 'partials/head-links']) {
      expect(names, name).toContain(name);
    }
  });
});
