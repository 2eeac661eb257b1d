/**
 * Labels and hints of the web editor's forms (Decap CMS, `/admin/`), in the site's language.
 * Decap's own buttons and messages come with the CMS (`locale`); these name Stadtbote's fields.
 */
export interface CmsStrings {
  readonly pageTitle: string;
  readonly noscript: string;
  readonly articles: string;
  readonly article: string;
  readonly articlesHint: string;
  readonly pages: string;
  readonly page: string;
  readonly pagesHint: string;
  readonly title: string;
  readonly titleHint: string;
  readonly pageTitleHint: string;
  readonly slug: string;
  readonly slugHint: string;
  readonly slugPattern: string;
  readonly date: string;
  readonly datePattern: string;
  readonly region: string;
  readonly regionHint: string;
  readonly regionPattern: string;
  readonly topics: string;
  readonly teaser: string;
  readonly teaserHint: string;
  readonly image: string;
  readonly imageSrc: string;
  readonly imageAlt: string;
  readonly imageAltHint: string;
  readonly imageCaption: string;
  readonly imageCredit: string;
  /** Error when the image has a value but this field ({field}) is empty. */
  readonly requiredWithImage: string;
  readonly body: string;
  readonly description: string;
  readonly descriptionHint: string;
  readonly updated: string;
  readonly updatedHint: string;
}

const de: CmsStrings = {
  pageTitle: 'Redaktion',
  noscript: 'Die Redaktionsoberfläche braucht JavaScript.',
  articles: 'Meldungen',
  article: 'Meldung',
  articlesHint: 'Eine Meldung je Datei; sie erscheint nach dem Veröffentlichen mit dem nächsten Build der Website.',
  pages: 'Seiten',
  page: 'Seite',
  pagesHint: 'Feste Seiten wie Impressum, Datenschutz und Erklärung zur Barrierefreiheit.',
  title: 'Titel',
  titleHint: 'Die Überschrift der Meldung.',
  pageTitleHint: 'Aus dem Titel einer neuen Seite wird ihre Adresse gebildet (Umlaute ohne Punkte, ö → o); sie bleibt danach fest.',
  slug: 'URL-Kürzel',
  slugHint: 'Leer lassen: wird beim ersten Speichern aus dem Titel gebildet (ä → ae, ß → ss) und bleibt danach fest, damit die Adresse gleich bleibt. Nur a–z, 0–9 und einzelne Bindestriche.',
  slugPattern: 'Nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, z. B. neue-digitalstrategie',
  date: 'Datum',
  datePattern: 'Datum im Format JJJJ-MM-TT, z. B. 2025-02-13',
  region: 'Region',
  regionHint: 'Stadt, Kreis oder Land, z. B. Kreis Recklinghausen; je Name entsteht eine Regionsseite.',
  regionPattern: 'Den Namen der Region eintragen, z. B. Potsdam',
  topics: 'Themen',
  teaser: 'Vorspann',
  teaserHint: 'Ein bis zwei Sätze, höchstens etwa {max} Zeichen: Einleitung der Meldung, Text in Listen und Feeds, Beschreibung für Suchmaschinen.',
  image: 'Bild',
  imageSrc: 'Bilddatei',
  imageAlt: 'Alternativtext',
  imageAltHint: 'Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen können. Pflichtfeld, sobald ein Bild gewählt ist.',
  imageCaption: 'Bildunterschrift',
  imageCredit: 'Bildquelle',
  requiredWithImage: 'Fehlt: {field}. Ein Bild braucht die Bilddatei und einen Alternativtext.',
  body: 'Text',
  description: 'Beschreibung',
  descriptionHint: 'Ein Satz für Suchmaschinen (optional).',
  updated: 'Stand',
  updatedHint: 'Tag der letzten Überarbeitung (optional), Format JJJJ-MM-TT.',
};

const en: CmsStrings = {
  pageTitle: 'Editing',
  noscript: 'The editor needs JavaScript.',
  articles: 'News',
  article: 'News item',
  articlesHint: 'One news item per file; it appears with the next build of the site after publishing.',
  pages: 'Pages',
  page: 'Page',
  pagesHint: 'Standalone pages such as the legal notice, privacy policy and accessibility statement.',
  title: 'Title',
  titleHint: 'The headline.',
  pageTitleHint: 'A new page’s address is made from its title (accents dropped); it stays fixed afterwards.',
  slug: 'URL slug',
  slugHint: 'Leave empty: made from the title on the first save and kept afterwards, so that the address stays. Only a–z, 0–9 and single hyphens.',
  slugPattern: 'Only lowercase letters a–z, digits and single hyphens, e.g. new-digital-strategy',
  date: 'Date',
  datePattern: 'A date of the form YYYY-MM-DD, e.g. 2025-02-13',
  region: 'Region',
  regionHint: 'City, district or state; each name gets a region page.',
  regionPattern: 'Enter the name of the region, e.g. Potsdam',
  topics: 'Topics',
  teaser: 'Teaser',
  teaserHint: 'One or two sentences, at most about {max} characters: the lead, the list entry, the feed summary, the description for search engines.',
  image: 'Image',
  imageSrc: 'Image file',
  imageAlt: 'Alternative text',
  imageAltHint: 'What the image shows, for people who cannot see it. Required once an image is chosen.',
  imageCaption: 'Caption',
  imageCredit: 'Credit',
  requiredWithImage: 'Missing: {field}. An image needs its file and an alternative text.',
  body: 'Text',
  description: 'Description',
  descriptionHint: 'One sentence for search engines (optional).',
  updated: 'Revised',
  updatedHint: 'Day of the last revision (optional), YYYY-MM-DD.',
};

export const cmsStrings: Readonly<Record<'de' | 'en', CmsStrings>> = { de, en };
