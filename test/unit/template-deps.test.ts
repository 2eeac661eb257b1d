import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSite, REPO } from '../helpers.js';
import { reachableTemplates } from '../../src/theme/template-deps.js';
import { SOURCE_PAGE_TEMPLATES } from '../../src/render/page-templates.js';
import { templateFingerprints } from '../../src/theme/engine.js';

const THEME = path.join(REPO, 'templates');

/** The whole fingerprint, and the one of what `article.liquid` reaches. */
function fingerprintsOf(dirs: readonly string[]): { all: string; article: string } {
  const fingerprints = templateFingerprints(dirs);
  return { all: fingerprints.all, article: fingerprints.kinds({ article: ['article'] }).article };
}

describe('reachableTemplates', () => {
  it('follows layout and render tags of the default theme from the sources’ templates, and no further', () => {
    expect(reachableTemplates([THEME], SOURCE_PAGE_TEMPLATES)).toEqual([
      'article.liquid',
      'layouts/base.liquid',
      'page.liquid',
      'partials/article-context.liquid',
      'partials/article-item.liquid',
      'partials/footer.liquid',
      'partials/head-extra.liquid',
      'partials/head-links.liquid',
      'partials/header.liquid',
    ]);
    // The list entries come rendered (`item.html`): the list's templates do not reach the entry's.
    expect(reachableTemplates([THEME], ['list'])).toEqual(['layouts/base.liquid', 'list.liquid', 'partials/article-list.liquid', 'partials/head-extra.liquid', 'partials/pagination.liquid']);
  });

  it('resolves names as LiquidJS does: the first folder wins, `.liquid` is added, include, `{% liquid %}` lines and `layout none` count', () => {
    const site = makeSite({
      'seite.liquid': "{% layout 'rahmen' %}{% include \"teile/a\" %}",
      'rahmen.liquid': '{% liquid\n  assign x = 1\n  render "teile/b.liquid"\n%}',
      'teile/b.liquid': '{% layout none %}{% render "teile/c" %}',
    });
    const theme = makeSite({ 'teile/a.liquid': 'A', 'teile/b.liquid': 'B (verdeckt)', 'teile/c.liquid': "{% render 'teile/a' %}" });
    expect(reachableTemplates([site, theme], ['seite'])).toEqual(['rahmen.liquid', 'seite.liquid', 'teile/a.liquid', 'teile/b.liquid', 'teile/c.liquid']);
    // The default theme's b.liquid is hidden: what it would name is not followed.
    const hidden = makeSite({ 'seite.liquid': "{% render 'b' %}", 'b.liquid': 'B' });
    const below = makeSite({ 'b.liquid': "{% render 'unerreicht' %}" });
    expect(reachableTemplates([hidden, below], ['seite'])).toEqual(['b.liquid', 'seite.liquid']);
  });

  it('gives up where a name is known only while rendering, leaves the folders, or the text is no Liquid', () => {
    for (const text of ['{% render name %}', "{% include 'teile/{{ art }}' %}", '{% liquid\nrender name\n%}', "{% render '../aussen' %}", '{% render "offen', "{% layout '' %}"]) {
      const dir = makeSite({ 'seite.liquid': `<p>{% render 'fest' %}</p>${text}`, 'fest.liquid': 'F' });
      expect(reachableTemplates([dir], ['seite']), text).toBeUndefined();
    }
  });

  it('makes the sources’ fingerprint the whole theme’s where a name is computed, and keeps it through an edit of a list template', () => {
    const dir = makeSite({ 'article.liquid': "{% render 'teil' %}", 'teil.liquid': 'T', 'list.liquid': 'L1', 'style.css': 'p{}' });
    const a = fingerprintsOf([dir]);
    writeFileSync(path.join(dir, 'list.liquid'), 'L2');
    const b = fingerprintsOf([dir]);
    expect(a.all).not.toBe(b.all);
    expect(a.article).toBe(b.article);
    // A file that is no template (its hashed name is on every page), a partial the article renders: both count.
    for (const [file, text] of [['style.css', 'p{color:red}'], ['teil.liquid', 'T2']] as const) {
      writeFileSync(path.join(dir, file), text);
      expect(fingerprintsOf([dir]).article, file).not.toBe(b.article);
    }
    // A site's own copy of the partial, ahead of the theme's, counts too.
    const site = makeSite({ 'teil.liquid': 'eigenes T' });
    expect(fingerprintsOf([site, dir]).article).not.toBe(fingerprintsOf([dir]).article);
    writeFileSync(path.join(dir, 'article.liquid'), '{% render name %}');
    const dynamic = fingerprintsOf([dir]);
    expect(dynamic.article).toBe(dynamic.all);
  });
});
