/**
 * Messages of `stadtbote import`, in the site's language. Kept apart from the theme's strings
 * (de.ts, en.ts) because they are command output, not page text.
 */
export interface ImportMessages {
  quote(text: string): string;
  sourceMissing(source: string): string;
  sourceMissingFix: string;
  unreachable(url: string, detail: string): string;
  unreachableFix: string;
  httpStatus(url: string, status: number): string;
  tooLarge(url: string, bytes: number): string;
  timeout(url: string, seconds: number): string;
  brokenXml(detail: string): string;
  brokenXmlFix: string;
  notAFeed(root: string): string;
  notAFeedFix: string;
  noItems: string;
  noItemsFix: string;
  emptyFolder(folder: string): string;
  emptyFolderFix: string;
  frontmatterUnreadable(detail: string): string;
  frontmatterFix: string;
  noRegion(item: string): string;
  noRegionFix: string;
  unknownRegion(region: string, item: string, known: string): string;
  unknownRegionFix: string;
  unknownDefaultRegion(region: string, nearest: string | undefined, known: string): string;
  unknownMappedRegion(category: string, region: string, nearest: string | undefined): string;
  noDate(item: string): string;
  noDateFix: string;
  regionMapUnreadable(detail: string): string;
  regionMapFix: string;
  untitled(title: string): string;
  altFromCaption: string;
  altFromTitle: string;
  altFromArticle: string;
  altFallback(title: string): string;
  untitledFallback(day: string): string;
  mediaUnreachable(reason: string): string;
  fileMissing(file: string, code: string): string;
  outsideSource(file: string): string;
  unclosed(elements: string): string;
  mediaRefused(url: string): string;
  mediaUnlocatable(url: string): string;
  changedSinceImport: string;
  linkToUnpublished(href: string): string;
  deletedSinceImport: string;
  pageAliasDropped(address: string): string;
  dropped: {
    script: string;
    style: string;
    iframe: string;
    form: string;
    embed: string;
    media: string;
    gallery: string;
    styleAttribute: string;
    shortcode(name: string): string;
  };
  summaryWritten(articles: number, pages: number, media: number, aliases: number): string;
  summaryUnchanged(unchanged: number, skipped: number): string;
  summaryDropped(items: number): string;
  summaryNotes(items: number): string;
  dryRun: string;
  headingDropped: string;
  headingNotes: string;
  headingSkipped: string;
}

/** A count with its noun in singular or plural. */
function n(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}

/** A download limit in words: megabytes, or bytes below one. */
function size(bytes: number, locale: string, unit: string): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Math.round(mb).toLocaleString(locale)} MB` : `${bytes.toLocaleString(locale)} ${unit}`;
}

export const importDe: ImportMessages = {
  quote: (s) => `„${s}“`,
  sourceMissing: (s) => `die Quelle „${s}“ gibt es nicht (weder Datei noch Ordner noch http(s)-Adresse)`,
  sourceMissingFix: 'geben Sie eine Feed- oder WordPress-Exportdatei, einen Ordner mit Beiträgen oder eine http(s)-Adresse an',
  unreachable: (u, d) => `„${u}“ ist nicht erreichbar (${d})`,
  unreachableFix: 'prüfen Sie die Adresse und die Netzverbindung, oder laden Sie die Datei herunter und geben Sie sie als Datei an',
  httpStatus: (u, s) => `„${u}“ antwortet mit HTTP-Status ${s}`,
  tooLarge: (u, b) => `„${u}“ ist größer als ${size(b, 'de-DE', 'Bytes')}`,
  timeout: (u, s) => `„${u}“ hat nicht innerhalb von ${s.toLocaleString('de-DE')} Sekunden geantwortet`,
  brokenXml: (d) => `die Datei ist kein gültiges XML: ${d}`,
  brokenXmlFix: 'exportieren Sie die Datei neu; eine abgebrochene Übertragung endet oft mitten im XML',
  notAFeed: (r) => `die Datei ist weder ein RSS- oder Atom-Feed noch ein WordPress-Export (Wurzelelement <${r}>)`,
  notAFeedFix: 'geben Sie einen RSS-2.0-, RSS-1.0- oder Atom-Feed oder eine WordPress-Exportdatei (WXR) an',
  noItems: 'die Quelle enthält keine Beiträge',
  noItemsFix: 'prüfen Sie, ob der Export Beiträge enthält (WordPress: Werkzeuge → Daten exportieren → Alle Inhalte)',
  emptyFolder: (f) => `im Ordner „${f}“ gibt es keine Beiträge (Markdown- oder HTML-Dateien mit Frontmatter)`,
  emptyFolderFix: 'geben Sie den Ordner einer Jekyll-, Hugo- oder Eleventy-Website an (mit _posts/, content/ oder posts/)',
  frontmatterUnreadable: (d) => `die Frontmatter ist nicht lesbar: ${d}`,
  frontmatterFix: 'korrigieren Sie die YAML- (---) oder TOML-Frontmatter (+++) der Datei',
  noRegion: (i) => `für ${i} ist keine Region bekannt: keine Kategorie und kein Schlagwort steht in der Regionszuordnung`,
  noRegionFix: 'geben Sie eine Standardregion an (--region "Name") oder ordnen Sie Kategorien Regionen zu (--region-map regionen.yaml)',
  unknownRegion: (r, i, k) => `die Region „${r}“ für ${i} steht nicht in der Liste regions der Konfiguration (${k})`,
  unknownRegionFix: 'korrigieren Sie die Regionszuordnung oder ergänzen Sie regions in stadtbote.config.yaml',
  unknownDefaultRegion: (r, n, k) => `--region „${r}“ steht nicht in der Liste regions der Konfiguration${n ? `; meinten Sie „${n}“?` : ` (${k})`}`,
  unknownMappedRegion: (c, r, n) => `„${c}: ${r}“: die Region steht nicht in der Liste regions der Konfiguration${n ? `; meinten Sie „${n}“?` : ''}`,
  noDate: (i) => `${i} hat kein Datum`,
  noDateFix: 'ergänzen Sie das Datum in der Quelle (pubDate, published, date)',
  regionMapUnreadable: (d) => `die Regionszuordnung ist nicht lesbar: ${d}`,
  regionMapFix: 'schreiben Sie je Zeile „Kategorie: Region“, z. B. Stadtentwicklung: Potsdam',
  untitled: (t) => `ohne Titel; Titel aus dem Text gebildet: „${t}“`,
  altFromCaption: 'Bild ohne Alternativtext; die Bildunterschrift wurde übernommen – bitte prüfen',
  altFromTitle: 'Bild ohne Alternativtext; der Bildtitel wurde übernommen – bitte prüfen',
  altFromArticle: 'Bild ohne Alternativtext; ein Text aus dem Titel der Meldung wurde eingesetzt – bitte das Bild beschreiben',
  altFallback: (title) => `Bild zur Meldung „${title}“`,
  untitledFallback: (day) => `Meldung vom ${day.split('-').reverse().join('.')}`,
  mediaUnreachable: (r) => `Bild oder Anhang weggelassen: ${r}`,
  fileMissing: (f, c) => `„${f}“ ist nicht lesbar (${c})`,
  outsideSource: (f) => `„${f}“ liegt außerhalb des Quellordners`,
  unclosed: (e) => `nicht geschlossene Elemente ${e}; die Datei endet vorzeitig`,
  mediaRefused: (u) => `Datei „${u}“ hat einen Typ, den Stadtbote nicht veröffentlicht; weggelassen`,
  mediaUnlocatable: (u) => `Bild „${u}“ ist in den Text eingebettet oder hat keine Adresse, unter der es zu finden ist; weggelassen`,
  changedSinceImport: 'seit dem letzten Import bearbeitet; nicht überschrieben (--force überschreibt)',
  linkToUnpublished: (h) => `Link auf einen Entwurf oder geplanten Beitrag (${h}) entfernt, der Linktext bleibt`,
  deletedSinceImport: 'seit dem letzten Import gelöscht; nicht wieder angelegt (--force legt sie neu an)',
  pageAliasDropped: (a) => `alte Adresse „${a}“ der Seite wird nicht weitergeleitet (Seiten haben keine aliases)`,
  dropped: {
    script: 'Skript',
    style: 'Stylesheet',
    iframe: 'eingebetteter Rahmen (iframe)',
    form: 'Formular',
    embed: 'eingebettetes Objekt',
    media: 'Video oder Audio',
    gallery: 'Galerie',
    styleAttribute: 'style-Attribute',
    shortcode: (n) => `Shortcode ${n}`,
  },
  summaryWritten: (a, p, m, al) =>
    `Importiert: ${n(a, 'Meldung', 'Meldungen')}, ${n(p, 'Seite', 'Seiten')}, ${n(m, 'Bild oder Anhang', 'Bilder und Anhänge')}, ${n(al, 'alte Adresse', 'alte Adressen')} (aliases).`,
  summaryUnchanged: (u, s) => `Unverändert: ${u}; nicht überschrieben: ${s}.`,
  summaryDropped: (c) => `Bei ${n(c, 'Beitrag', 'Beiträgen')} wurde etwas weggelassen (siehe oben).`,
  summaryNotes: (c) => `${n(c, 'Hinweis', 'Hinweise')} zum Prüfen (siehe oben).`,
  dryRun: 'Probelauf (--dry-run): nichts wurde geschrieben.',
  headingDropped: 'Weggelassen:',
  headingNotes: 'Bitte prüfen:',
  headingSkipped: 'Nicht überschrieben:',
};

export const importEn: ImportMessages = {
  quote: (s) => `"${s}"`,
  sourceMissing: (s) => `source "${s}" does not exist (neither a file, a folder nor an http(s) address)`,
  sourceMissingFix: 'give a feed or WordPress export file, a folder of posts or an http(s) address',
  unreachable: (u, d) => `"${u}" cannot be reached (${d})`,
  unreachableFix: 'check the address and the network, or download the file and give it as a file',
  httpStatus: (u, s) => `"${u}" answers with HTTP status ${s}`,
  tooLarge: (u, b) => `"${u}" is larger than ${size(b, 'en-GB', 'bytes')}`,
  timeout: (u, s) => `"${u}" did not answer within ${s.toLocaleString('en-GB')} seconds`,
  brokenXml: (d) => `the file is not valid XML: ${d}`,
  brokenXmlFix: 'export the file again; an interrupted transfer often ends in the middle of the XML',
  notAFeed: (r) => `the file is neither an RSS or Atom feed nor a WordPress export (root element <${r}>)`,
  notAFeedFix: 'give an RSS 2.0, RSS 1.0 or Atom feed or a WordPress export file (WXR)',
  noItems: 'the source holds no posts',
  noItemsFix: 'check that the export holds posts (WordPress: Tools → Export → All content)',
  emptyFolder: (f) => `folder "${f}" holds no posts (Markdown or HTML files with frontmatter)`,
  emptyFolderFix: 'give the folder of a Jekyll, Hugo or Eleventy site (with _posts/, content/ or posts/)',
  frontmatterUnreadable: (d) => `the frontmatter cannot be read: ${d}`,
  frontmatterFix: "correct the file's YAML (---) or TOML (+++) frontmatter",
  noRegion: (i) => `no region is known for ${i}: none of its categories or tags is in the region map`,
  noRegionFix: 'give a default region (--region "Name") or map categories to regions (--region-map regions.yaml)',
  unknownRegion: (r, i, k) => `region "${r}" for ${i} is not in the configuration's regions (${k})`,
  unknownRegionFix: 'correct the region map or add the region to regions in stadtbote.config.yaml',
  unknownDefaultRegion: (r, n, k) => `--region "${r}" is not in the configuration's regions${n ? `; did you mean "${n}"?` : ` (${k})`}`,
  unknownMappedRegion: (c, r, n) => `"${c}: ${r}": the region is not in the configuration's regions${n ? `; did you mean "${n}"?` : ''}`,
  noDate: (i) => `${i} has no date`,
  noDateFix: 'add the date in the source (pubDate, published, date)',
  regionMapUnreadable: (d) => `the region map cannot be read: ${d}`,
  regionMapFix: 'write one "Category: Region" per line, e.g. Urban development: Potsdam',
  untitled: (t) => `untitled; title made from the text: "${t}"`,
  altFromCaption: 'image without alt text; its caption was used – please review',
  altFromTitle: "image without alt text; the image's title was used – please review",
  altFromArticle: "image without alt text; a text from the article's title was used – please describe the image",
  altFallback: (title) => `Image for "${title}"`,
  untitledFallback: (day) => `News of ${day}`,
  mediaUnreachable: (r) => `image or attachment left out: ${r}`,
  fileMissing: (f, c) => `"${f}" cannot be read (${c})`,
  outsideSource: (f) => `"${f}" is outside the source folder`,
  unclosed: (e) => `elements ${e} are not closed; the file ends too early`,
  mediaRefused: (u) => `file "${u}" has a type Stadtbote does not publish; left out`,
  mediaUnlocatable: (u) => `image "${u}" is embedded in the text or has no address to fetch it from; left out`,
  changedSinceImport: 'edited since the last import; not overwritten (--force overwrites)',
  linkToUnpublished: (h) => `link to a draft or scheduled post (${h}) removed, its text kept`,
  deletedSinceImport: 'deleted since the last import; not written again (--force writes it)',
  pageAliasDropped: (a) => `old address "${a}" of the page is not redirected (pages have no aliases)`,
  dropped: {
    script: 'script',
    style: 'style sheet',
    iframe: 'embedded frame (iframe)',
    form: 'form',
    embed: 'embedded object',
    media: 'video or audio',
    gallery: 'gallery',
    styleAttribute: 'style attributes',
    shortcode: (n) => `shortcode ${n}`,
  },
  summaryWritten: (a, p, m, al) =>
    `Imported: ${n(a, 'article', 'articles')}, ${n(p, 'page', 'pages')}, ${n(m, 'image or attachment', 'images and attachments')}, ${n(al, 'old address', 'old addresses')} (aliases).`,
  summaryUnchanged: (u, s) => `Unchanged: ${u}; not overwritten: ${s}.`,
  summaryDropped: (c) => `Something was left out of ${n(c, 'post', 'posts')} (see above).`,
  summaryNotes: (c) => `${n(c, 'note', 'notes')} to review (see above).`,
  dryRun: 'Dry run (--dry-run): nothing was written.',
  headingDropped: 'Left out:',
  headingNotes: 'Please review:',
  headingSkipped: 'Not overwritten:',
};

export function importMessages(language: string): ImportMessages {
  return language === 'en' ? importEn : importDe;
}
