import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, cleanup, copyFixture } from '../helpers.js';

// The recommended preset as it is: what a user running `npx html-validate` on the output gets.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** Output file of each page type in the readers fixture. */
const FILES: Record<string, string> = {
  home: 'index.html',
  home2: 'seite/2/index.html',
  region: 'regionen/potsdam/index.html',
  regionPage2: 'regionen/potsdam/seite/2/index.html',
  regionYear: 'regionen/potsdam/2024/index.html',
  year: '2024/index.html',
  month: '2023/07/index.html',
  archive: 'archiv/index.html',
  regions: 'regionen/index.html',
  topic: 'themen/breitband/index.html',
  topicYear: 'themen/breitband/2023/index.html',
  topics: 'themen/index.html',
  articleWithImage: '2023/07-17-breitbandausbau-kommt-voran-in-cottbus/index.html',
  articleWithoutImage: '2023/09-13-rathaus-fuehrt-e-akte-ein-in-landkreis-barnim/index.html',
  search: 'suche/index.html',
  notFound: '404.html',
  impressum: 'impressum/index.html',
  datenschutz: 'datenschutz/index.html',
  barrierefreiheit: 'barrierefreiheit/index.html',
  leichteSprache: 'leichte-sprache/index.html',
};

let root: string;

beforeAll(async () => {
  root = copyFixture('readers-site');
  await buildSite(root, { baseUrl: 'https://example.org/presse/' });
});

afterAll(() => cleanup(root));

describe('generated HTML is valid (html-validate, recommended rules)', () => {
  it.each(Object.entries(FILES))('%s', async (_name, file) => {
    const html = readFileSync(path.join(root, 'dist', file), 'utf8');
    const report = await validator.validateString(html, file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });

  it('reports real errors (the validator is not switched off)', async () => {
    const html = readFileSync(path.join(root, 'dist', FILES.home!), 'utf8').replace('<main', '<main><div><p>unclosed</main');
    const report = await validator.validateString(html, 'broken.html');
    expect(report.valid).toBe(false);
  });
});
