import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { INIT_DEFAULTS, initSite, type SiteAnswers } from './init.js';
import { defaultLanguage, messages } from '../model/messages.js';

/**
 * Asks for what `init` was not told on the command line, one question at a time, with the default
 * in brackets (Enter takes it). Only on a terminal: scripts and CI get the flags and defaults.
 */
export async function askSiteQuestions(given: Partial<SiteAnswers>, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<Partial<SiteAnswers>> {
  const rl = createInterface({ input, output });
  try {
    const ask = async (question: string, fallback: string): Promise<string> => {
      const answer = (await rl.question(`${question} [${fallback}]: `)).trim();
      return answer === '' ? fallback : answer;
    };
    const title = given.title ?? (await ask('Name der Seite (z. B. Landkreis Musterland – Pressemitteilungen)', INIT_DEFAULTS.title));
    const baseUrl = given.baseUrl ?? (await ask('Adresse, unter der die Seite erscheint', INIT_DEFAULTS.baseUrl));
    const timezone = given.timezone ?? (await ask('Zeitzone', INIT_DEFAULTS.timezone));
    const regions =
      given.regions && given.regions.length > 0
        ? given.regions
        : (await ask('Regionen, durch Kommas getrennt (leer: beliebige)', '-'))
            .split(',')
            .map((r) => r.trim())
            .filter((r) => r !== '' && r !== '-');
    return { title, baseUrl, timezone, regions };
  } finally {
    rl.close();
  }
}

export interface InitFlags {
  title?: string;
  baseUrl?: string;
  timezone?: string;
  region?: string[];
  stadtbote?: string;
}

/** `stadtbote init` as the command line runs it: flags, questions on a terminal, then the lines to print. */
export async function initFromFlags(dir: string, flags: InitFlags, interactive: boolean): Promise<string[]> {
  let answers: Partial<SiteAnswers> = {
    ...(flags.title !== undefined ? { title: flags.title } : {}),
    ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
    ...(flags.timezone !== undefined ? { timezone: flags.timezone } : {}),
    ...(flags.region !== undefined ? { regions: flags.region } : {}),
  };
  if (interactive) answers = await askSiteQuestions(answers);
  const result = initSite({ dir, ...answers, ...(flags.stadtbote !== undefined ? { stadtbote: flags.stadtbote } : {}) });
  const cd = path.relative(process.cwd(), result.root) || '.';
  // Before the new site's config is read: German unless STADTBOTE_LANG=en (model/messages.ts).
  const t = messages(defaultLanguage()).ui.init;
  return [
    ...result.files.map((file) => `  ${file}`),
    t.created({ root: result.root }),
    `  cd ${cd}`,
    '  npm install',
    `  npx stadtbote dev              ${t.preview}`,
    `  npx stadtbote check --strict   ${t.check}`,
    t.fillIn,
  ];
}
