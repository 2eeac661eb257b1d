/**
 * Who writes a generated file. The output claims (write/claims.ts) compare owners for equality (the
 * same owner may claim a path twice), so an owner is a language-independent id; `ownerWords` says it
 * in the site's language when a clash is reported. Ids are made here and nowhere else, so the words
 * can never fall out of step with them; an owner not made here is a file of the site (its path).
 */
const GENERATORS = {
  searchPage: { en: 'the search page', de: 'die Suchseite' },
  searchIndex: { en: 'the search index', de: 'der Suchindex' },
  notFoundPage: { en: 'the 404 page', de: 'die Seite „nicht gefunden“ (404.html)' },
  siteFeeds: { en: 'the site feeds', de: 'die Feeds der Website' },
  sitemap: { en: 'the sitemap', de: 'die Sitemap' },
  apache: { en: 'the Apache configuration', de: 'die Apache-Konfiguration (.htaccess)' },
  nginx: { en: 'the nginx configuration', de: 'die nginx-Konfiguration' },
  netlify: { en: 'the Netlify and Cloudflare configuration', de: 'die Netlify- und Cloudflare-Konfiguration' },
  webEditor: { en: 'the web editor (cms)', de: 'der Web-Editor (cms)' },
} as const;

/** Generators named with a detail: the English id is `prefix + detail + suffix`. */
const NAMED = {
  regionFeeds: { en: ['the feeds of region ', ''], de: ['die Feeds der Region ', ''] },
  topicFeeds: { en: ['the feeds of topic ', ''], de: ['die Feeds des Themas ', ''] },
  generatedPage: { en: ['the generated page ', ''], de: ['die erzeugte Seite ', ''] },
  configAsset: { en: ['the config (assets/', ')'], de: ['die Konfiguration (assets/', ')'] },
  webEditorFile: { en: ['the web editor (', ')'], de: ['der Web-Editor (', ')'] },
} as const;

export type GeneratorOwner = keyof typeof GENERATORS;
export type NamedOwner = keyof typeof NAMED;

/** The id of a generator: `owner('sitemap')`, or with its detail: `owner('regionFeeds', 'Potsdam')`. */
export function owner(kind: GeneratorOwner): string;
export function owner(kind: NamedOwner, detail: string): string;
export function owner(kind: GeneratorOwner | NamedOwner, detail?: string): string {
  if (kind in GENERATORS) return GENERATORS[kind as GeneratorOwner].en;
  const [before, after] = NAMED[kind as NamedOwner].en;
  return `${before}${detail ?? ''}${after}`;
}

/** The owner of an old address's redirect page: the article's file and the alias. */
export function aliasOwner(file: string, alias: string): string {
  return `${file} (alias ${alias})`;
}

/** Whether an owner is one of the generators (and not a file of the site an editor can change). */
export function isGeneratorOwner(id: string): boolean {
  return Object.values(GENERATORS).some((g) => g.en === id) || Object.values(NAMED).some(({ en: [before, after] }) => id.startsWith(before) && id.endsWith(after));
}

/** An owner id in the site's words (`die Suchseite`, `content/a.md (alte Adresse /x/)`); ids of other kinds are paths and stay as they are. */
export function ownerWords(id: string, language: string): string {
  if (language === 'en') return id;
  for (const g of Object.values(GENERATORS)) if (g.en === id) return g.de;
  for (const { en, de } of Object.values(NAMED)) {
    if (id.startsWith(en[0]) && id.endsWith(en[1]) && id.length >= en[0].length + en[1].length) return `${de[0]}${id.slice(en[0].length, id.length - en[1].length)}${de[1]}`;
  }
  const alias = /^(.*) \(alias (.*)\)$/s.exec(id);
  return alias ? `${alias[1]} (alte Adresse ${alias[2]})` : id;
}
