import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanup, copyFixture, readTree, REPO, runCli } from '../helpers.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
}
interface GitlabJob {
  image?: string;
  stage?: string;
  script: string[];
  artifacts: { paths: string[] };
  cache: { paths: string[] };
}

const load = <T>(rel: string): T => parse(readFileSync(path.join(REPO, rel), 'utf8')) as T;

/** The arguments a CI command line passes to `npm run build --`, with CI variables filled in. */
function buildArgs(command: string, vars: Record<string, string>): string[] {
  const m = /npm run build -- (.*)$/m.exec(command);
  if (!m) return [];
  let line = m[1]!;
  for (const [k, v] of Object.entries(vars)) line = line.replaceAll(k, v);
  return line.split(/\s+/).map((a) => a.replace(/^"|"$/g, ''));
}

/** Runs `npm run build -- ARGS` the way npm would, through the package's build script. */
function runBuildScript(root: string, args: string[]): ReturnType<typeof runCli> {
  const script = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.build!;
  const words = script.split(/\s+/);
  // `node bin/stadtbote.js build` in this repo; `stadtbote build` in a site that depends on it
  const cliArgs = words[0] === 'node' ? words.slice(2) : words.slice(1);
  return runCli([...cliArgs, '--root', root, ...args.map((a) => (a === 'public' || a === 'dist' ? path.join(root, a) : a))], { cwd: root });
}

describe('GitHub Actions workflow for GitHub Pages', () => {
  const wf = load<Workflow>('.github/workflows/pages.yml');
  const steps = wf.jobs.build!.steps;
  const step = (action: string): Step | undefined => steps.find((s) => s.uses?.startsWith(`${action}@`));

  it('checks out, sets up Node 24, restores the build cache and uploads dist', () => {
    expect(step('actions/checkout')).toBeDefined();
    expect(String(step('actions/setup-node')?.with?.['node-version'])).toBe('24');
    expect(step('actions/configure-pages')?.id).toBe('pages');
    // The previous output is cached too, so unchanged pages are neither rendered nor rewritten.
    expect(String(step('actions/cache')?.with?.path).trim().split('\n')).toEqual(['.stadtbote-cache', 'dist']);
    expect(step('actions/upload-pages-artifact')?.with?.path).toBe('dist');
    expect(wf.jobs.deploy!.needs).toBe('build');
    expect(wf.jobs.deploy!.environment?.name).toBe('github-pages');
    expect(wf.jobs.deploy!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('builds with npm ci and npm run build under the Pages URL, and that command works', () => {
    const run = steps.map((s) => s.run ?? '').join('\n');
    expect(run).toMatch(/npm ci && npm run build -- --base-url "\$\{\{ steps\.pages\.outputs\.base_url \}\}\/"/);
    const args = buildArgs(run, { '${{ steps.pages.outputs.base_url }}': 'https://owner.github.io/repo' });
    const root = copyFixture('archive-site');
    try {
      const r = runBuildScript(root, args);
      expect(r.code, r.stderr).toBe(0);
      const files = readTree(path.join(root, 'dist'));
      expect(files.get('index.html')!.toString()).toMatch(/href="\/repo\/assets\/stadtbote\.[0-9a-f]{8}\.css"/);
      expect(files.get('robots.txt')!.toString()).toContain('Sitemap: https://owner.github.io/repo/sitemap.xml');
    } finally {
      cleanup(root);
    }
  });
});

describe('GitLab CI for GitLab Pages', () => {
  const ci = load<Record<string, GitlabJob | string>>('.gitlab-ci.yml');
  const pages = ci.pages as GitlabJob;

  it('has a pages job on Node 24 that publishes public/ and keeps the build cache', () => {
    expect(pages.image ?? ci.image).toBe('node:24');
    expect(pages.artifacts.paths).toEqual(['public']);
    expect(pages.cache.paths.map((p) => p.replace(/\/$/, ''))).toEqual(expect.arrayContaining(['.stadtbote-cache', 'public']));
  });

  it('builds with npm ci and npm run build into public/ under the Pages URL, and that command works', () => {
    const script = pages.script.join('\n');
    expect(script).toMatch(/npm ci\b/);
    expect(script).toContain('npm run build -- --base-url "$CI_PAGES_URL/" --out public');
    const root = copyFixture('archive-site');
    try {
      const r = runBuildScript(root, buildArgs(script, { $CI_PAGES_URL: 'https://group.gitlab.io/project' }));
      expect(r.code, r.stderr).toBe(0);
      const files = readTree(path.join(root, 'public'));
      expect(files.get('feed.xml')!.toString()).toContain('<atom:link href="https://group.gitlab.io/project/feed.xml" rel="self"');
    } finally {
      cleanup(root);
    }
  });
});

describe.runIf(existsSync(path.join(REPO, 'README.md')))('README', () => {
  it('documents the commands the CI files run', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm run build');
  });
});
