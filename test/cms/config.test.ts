import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { localCmsConfig } from '../../src/cms/local-backend.js';
import { findExternalResources } from '../../src/checks/external-resources.js';
import { resolveSite, type ResolvedSite } from '../../src/config/config.js';
import { ConfigError } from '../../src/model/errors.js';
import { decapConfig } from '../../src/outputs/cms/decap-config.js';
import { article, buildSite, cleanup, makeSite } from '../helpers.js';

const roots: string[] = [];
function site(config: string, files: Record<string, string> = {}): string {
  const root = makeSite({ 'stadtbote.config.yaml': config, 'content/2025/2025-02-13-a.md': article(), ...files });
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) cleanup(r);
});

function problemsOf(config: string): { field?: string; reason: string }[] {
  try {
    resolveSite({ root: site(config) });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => ({ field: p.field, reason: p.reason }));
    throw err;
  }
  return [];
}

type Fields = { name: string; widget: string; required?: boolean; options?: string[]; pattern?: string[]; fields?: Fields }[];
function articleFields(config: Record<string, unknown>): Fields {
  return ((config.collections as { name: string; fields: Fields }[]).find((c) => c.name === 'articles')!).fields;
}

describe('the cms config key', () => {
  it('is off by default and on with cms: true (local editing only, branch main)', () => {
    expect(resolveSite({ root: site('title: T\n') }).config.cms).toBe(false);
    const local = resolveSite({ root: site('cms: true\n') });
    expect(local.config.cms).toEqual({ branch: 'main', editorialWorkflow: false });
    // The published editor could not save: said once, as a warning.
    expect(local.warnings.map((w) => w.ruleId)).toEqual(['cms-local-only']);
    expect(resolveSite({ root: site('cms:\n  backend: gitlab\n  repo: stadt/presse\n') }).warnings).toEqual([]);
  });

  it('reports every wrong value at once, naming the field', () => {
    expect(problemsOf('cms: yes please\n')).toEqual([expect.objectContaining({ field: 'cms' })]);
    const problems = problemsOf('cms:\n  backend: bitbucket\n  repo: nur-ein-name\n  editorialWorkflow: ja\n  colour: blue\n');
    expect(problems.map((p) => p.field).sort()).toEqual(['cms.backend', 'cms.colour', 'cms.editorialWorkflow', 'cms.repo']);
  });

  it('refuses a GitHub backend without an OAuth client of its own (Netlify would get the login) and Gitea without an app id', () => {
    expect(problemsOf('cms:\n  backend: github\n  repo: stadt/presse\n')).toEqual([expect.objectContaining({ field: 'cms.authBaseUrl' })]);
    expect(problemsOf('cms:\n  backend: gitea\n  repo: stadt/presse\n')).toEqual([expect.objectContaining({ field: 'cms.appId' })]);
    expect(problemsOf('cms:\n  backend: github\n  repo: stadt/presse\n  authBaseUrl: https://oauth.example.org\n')).toEqual([]);
  });
});

describe('the generated Decap config', () => {
  const resolved = (config: string): ResolvedSite => resolveSite({ root: site(config) });

  it('offers the configured regions as a select and the build rules as form rules, in German', () => {
    const config = decapConfig(resolved('regions: [Cottbus, Potsdam]\ncms: true\n'), { branch: 'main', editorialWorkflow: false });
    expect(config.locale).toBe('de');
    const fields = articleFields(config);
    expect(fields.map((f) => f.name)).toEqual(['title', 'date', 'region', 'teaser', 'image', 'slug', 'body']);
    expect(fields.find((f) => f.name === 'region')).toMatchObject({ widget: 'select', options: ['Cottbus', 'Potsdam'], required: true, label: 'Region' });
    const date = fields.find((f) => f.name === 'date')!;
    expect(date).toMatchObject({ required: true, format: 'YYYY-MM-DD' });
    expect(new RegExp(date.pattern![0]!).test('2025-02-13')).toBe(true);
    expect(new RegExp(date.pattern![0]!).test('13.02.2025')).toBe(false);
    const image = fields.find((f) => f.name === 'image')!;
    expect(image.widget).toBe('image-object');
    expect(image.fields!.map((f) => f.name)).toEqual(['src', 'alt', 'caption', 'credit']);
    const slug = fields.find((f) => f.name === 'slug')!;
    expect(new RegExp(slug.pattern![0]!).test('buergerbuero')).toBe(true);
    expect(new RegExp(slug.pattern![0]!).test('Bürgerbüro')).toBe(false);
  });

  it('asks for a region as text with a pattern when none are configured, and offers topics once the config lists them', () => {
    const free = articleFields(decapConfig(resolved('cms: true\n'), { branch: 'main', editorialWorkflow: false })).find((f) => f.name === 'region')!;
    expect(free.widget).toBe('string');
    expect(new RegExp(free.pattern![0]!).test('Kreis Recklinghausen')).toBe(true);
    expect(new RegExp(free.pattern![0]!).test(' - ')).toBe(false);
    const base = resolved('cms: true\n');
    const withTopics = { ...base, config: { ...base.config, topics: ['Verkehr', 'Bildung'] } } as ResolvedSite;
    expect(articleFields(decapConfig(withTopics, { branch: 'main', editorialWorkflow: false })).find((f) => f.name === 'topics')).toMatchObject({ widget: 'select', multiple: true, options: ['Verkehr', 'Bildung'] });
  });

  it('names files as `stadtbote new` does and keeps images next to the article', () => {
    const config = decapConfig(resolved('cms: true\n'), { branch: 'main', editorialWorkflow: false });
    const [articles, pages] = config.collections as Record<string, unknown>[];
    expect(articles).toMatchObject({ folder: 'content', path: '{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}', slug: '{{fields.slug}}', media_folder: '', public_folder: '' });
    expect(pages).toMatchObject({ folder: 'content/pages' });
  });

  it('takes backend, branch, login and editorial workflow from the config', () => {
    const cms = resolved('cms:\n  backend: gitlab\n  repo: stadt/presse\n  branch: redaktion\n  appId: abc123\n  authBaseUrl: https://gitlab.example.org\n  editorialWorkflow: true\n').config.cms;
    expect(cms).not.toBe(false);
    const config = decapConfig(resolved('cms: true\n'), cms as Exclude<typeof cms, false>);
    expect(config.backend).toEqual({ name: 'gitlab', repo: 'stadt/presse', branch: 'redaktion', base_url: 'https://gitlab.example.org', app_id: 'abc123', auth_type: 'pkce' });
    expect(config.publish_mode).toBe('editorial_workflow');
  });

  it('points at the local backend only as served by dev, without the workflow decap-server cannot do in file mode', () => {
    const served = parse(localCmsConfig('backend:\n  name: github\npublish_mode: editorial_workflow\n', 'http://127.0.0.1:4711/api/v1')) as Record<string, unknown>;
    expect(served).toEqual({ backend: { name: 'github' }, local_backend: { url: 'http://127.0.0.1:4711/api/v1' } });
  });
});

describe('/admin/ in the built site', () => {
  it('is absent unless cms is on', async () => {
    const root = site('search: false\n');
    await buildSite(root);
    expect(existsSync(path.join(root, 'dist/admin'))).toBe(false);
  });

  it('serves Decap from the site (versioned folder), noindex, outside sitemap and search, under the base path', async () => {
    const root = site('search: false\ncms: true\nbaseUrl: https://example.org/presse/\n');
    await buildSite(root);
    const admin = path.join(root, 'dist/admin');
    const html = readFileSync(path.join(admin, 'index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('data-pagefind-ignore="all"');
    expect(findExternalResources(html, 'example.org')).toEqual([]);
    const settings = JSON.parse(/<script type="application\/json" id="stadtbote-cms">(.*?)<\/script>/.exec(html)![1]!) as { decapScript: string; styles: string[] };
    expect(settings.decapScript).toMatch(/^decap-cms-\d+\.\d+\.\d+\/decap-cms\.js$/);
    expect(settings.styles).toEqual(['/presse/assets/stadtbote.css']);
    expect(existsSync(path.join(admin, settings.decapScript))).toBe(true);
    // The chunks Decap loads from beside its script are there too.
    expect(readdirSync(path.join(admin, path.dirname(settings.decapScript))).filter((f) => /^\d+\.decap-cms\.js$/.test(f)).length).toBeGreaterThan(10);
    expect(readFileSync(path.join(root, 'dist/sitemap.xml'), 'utf8')).not.toContain('admin');
    expect(parse(readFileSync(path.join(admin, 'config.yml'), 'utf8'))).toMatchObject({ locale: 'de', site_url: 'https://example.org/presse/' });
  });
});
