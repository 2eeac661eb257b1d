import { readdirSync } from 'node:fs';
import path from 'node:path';
import { article, buildSite, makeSite, tempDir } from '../helpers.js';
import type { BuildReport } from '../../src/build/build.js';
import { openForServers } from './harness.js';

export const BASE_URL = 'https://www.landkreis.example/presse/';
export const FIRST = '/presse/2024/03-01-erste-meldung/';
export const SECOND = '/presse/2025/02-13-zweite-meldung/';

const long = (prefix: string): string => `${prefix}${'langer-pfad-'.repeat(20)}`.slice(0, 115) + '.html';
export const LONG_UNDER_BASE = long('/presse/alt/');
export const LONG_HOST_ROOT = long('/aktuelles/archiv/');

/**
 * Old addresses as a moving district has them, each with the request a browser sends for it and
 * the new address it must answer with. Some aliases are asked for in more than one spelling.
 */
export const OLD_ADDRESSES: readonly { alias: string; requests: string[]; target: string }[] = [
  { alias: '/presse/alt/meldung-1.html', requests: ['/presse/alt/meldung-1.html'], target: FIRST },
  { alias: '/presse/archiv-alt/', requests: ['/presse/archiv-alt/'], target: FIRST },
  { alias: '/presse/cms/meldung/1', requests: ['/presse/cms/meldung/1'], target: FIRST },
  { alias: '/aktuelles/2019/x.html', requests: ['/aktuelles/2019/x.html', '/aktuelles/2019/x.html?utm_source=newsletter'], target: FIRST },
  { alias: 'https://www.landkreis.example/alt/voll.html', requests: ['/alt/voll.html'], target: FIRST },
  { alias: '/presse/meldung.php?id=123', requests: ['/presse/meldung.php?id=123'], target: FIRST },
  { alias: '/presse/meldung.php?id=124', requests: ['/presse/meldung.php?id=124'], target: SECOND },
  {
    alias: '/index.php?id=42&tx_news_pi1[news]=42&tx_news_pi1[controller]=News&tx_news_pi1[action]=detail',
    requests: ['/index.php?id=42&tx_news_pi1[news]=42&tx_news_pi1[controller]=News&tx_news_pi1[action]=detail', '/index.php?id=42&tx_news_pi1%5Bnews%5D=42&tx_news_pi1%5Bcontroller%5D=News&tx_news_pi1%5Baction%5D=detail'],
    target: SECOND,
  },
  { alias: LONG_UNDER_BASE, requests: [LONG_UNDER_BASE], target: SECOND },
  { alias: LONG_HOST_ROOT, requests: [LONG_HOST_ROOT], target: SECOND },
  { alias: '/alt/preis$1.html', requests: ['/alt/preis$1.html', '/alt/preis%241.html'], target: SECOND },
  { alias: '/alt/a%20b.html', requests: ['/alt/a%20b.html'], target: SECOND },
  { alias: '/alt/größe.html', requests: ['/alt/gr%C3%B6%C3%9Fe.html'], target: SECOND },
  { alias: '/alt/(klammer)+plus;x=1,y.html', requests: ['/alt/(klammer)+plus;x=1,y.html'], target: SECOND },
  { alias: '/alt/zitat%22x.html', requests: ['/alt/zitat%22x.html'], target: SECOND },
  { alias: '/alt/stern*:name.html', requests: ['/alt/stern*:name.html'], target: SECOND },
];

export interface ServedTree {
  /** The host's document root; the site is its folder `presse/`. */
  readonly docRoot: string;
  readonly out: string;
  readonly root: string;
  readonly report: BuildReport;
}

const aliasesYaml = (aliases: readonly string[]): string => `aliases:\n${aliases.map((a) => `  - ${JSON.stringify(a)}`).join('\n')}\n`;

/** Builds the test site under /presse/ into a document root, with search on and the aliases above. */
export async function buildServedSite(): Promise<ServedTree> {
  const byTarget = (target: string): string[] => OLD_ADDRESSES.filter((o) => o.target === target).map((o) => o.alias);
  const root = makeSite({
    // With the look on: a coat of arms from static/ and the brand colour's generated stylesheet must pass the CSP too.
    'stadtbote.config.yaml': `title: Landkreis Beispiel\nbaseUrl: ${BASE_URL}\nsearch: true\nregions: [Nordkreis, Südkreis]\nlogo:\n  src: /wappen.svg\n  alt: ""\nbrand:\n  color: "#005a9c"\n`,
    'static/wappen.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="48" viewBox="0 0 40 48"><path d="M2 2h36v22c0 12-9 19-18 22C11 43 2 36 2 24z" fill="#c8102e"/></svg>',
    'content/2024/erste-meldung.md': article({ title: 'Erste Meldung', date: '2024-03-01', region: 'Nordkreis', teaser: 'Die Kreisverwaltung öffnet das Bürgerbüro.' }, 'Das Bürgerbüro im Rathaus hat neue Öffnungszeiten.').replace('---\n', `---\n${aliasesYaml(byTarget(FIRST))}`),
    'content/2025/zweite-meldung.md': article({ title: 'Zweite Meldung', date: '2025-02-13', region: 'Südkreis', teaser: 'Der Kreistag berät den Haushalt.' }, `Der Kreistag im Rathaus berät. Siehe auch [die erste Meldung](${FIRST}) und das [Impressum](/impressum/).`).replace('---\n', `---\n${aliasesYaml(byTarget(SECOND))}`),
    'content/pages/impressum.md': '---\ntitle: Impressum\n---\nLandkreis Beispiel.\n',
  });
  const docRoot = tempDir('stadtbote-docroot-');
  const out = path.join(docRoot, 'presse');
  const report = await buildSite(root, { out, noCache: true });
  openForServers(docRoot);
  return { docRoot, out, root, report };
}

/** The stylesheet's published path in an output folder: theme assets carry a content hash in their names. */
export function publishedCss(out: string): string {
  const name = readdirSync(path.join(out, 'assets')).find((f) => /^stadtbote\.[0-9a-f]{8}\.css$/.test(f));
  if (!name) throw new Error(`no hashed stylesheet in ${out}/assets`);
  return `assets/${name}`;
}
