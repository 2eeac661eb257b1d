/**
 * German problem texts of the content rules (content folder, files, frontmatter, body): part of the
 * one message catalogue (i18n/messages-de.ts). Each rule id holds its message functions; each
 * returns the reason and, where the editor can act, the fix (what to write where). Parameters are
 * only interpolated or compared, never otherwise used, so that test/unit/messages.test.ts can call
 * every function with sample values.
 */
type S = string;
type N = number | string;

/** How a value is written: `date: 2025-02-13` in the frontmatter, `--date 2025-02-13` on the command line. */
const as = (field: string): string => (field.startsWith('--') ? `${field} ` : `${field}: `);

export const contentDe = {
  // content folder and files
  'content-missing': {
    missing: ({ folder }: { folder: S }) => ({ reason: `der Inhaltsordner ${folder} existiert nicht`, fix: 'den Ordner content/ anlegen oder mit --content ORDNER einen anderen nennen' }),
  },
  'unreadable-file': {
    tooLarge: ({ megabytes, max }: { megabytes: S; max: N }) => ({ reason: `die Datei ist ${megabytes} MB groß; eine Meldung darf höchstens ${max} MB haben`, fix: 'den Text teilen oder Anhänge aus dem Markdown herausnehmen' }),
    binary: () => ({ reason: 'die Datei ist keine Textdatei (binär), sondern z. B. ein Bild oder Word-Dokument mit der Endung .md', fix: 'die Datei entfernen oder ihr die richtige Endung geben' }),
    notUtf8: () => ({ reason: 'die Datei ist nicht als UTF-8 gespeichert; Umlaute würden falsch erscheinen', fix: 'die Datei als UTF-8 speichern (in den meisten Editoren: „Speichern mit Kodierung“ → UTF-8)' }),
    folder: () => ({ reason: 'der Ordner kann nicht gelesen werden', fix: 'dem Benutzer, der die Seite baut, Leserechte geben' }),
  },
  'broken-symlink': {
    dangling: () => ({ reason: 'die Verknüpfung (symbolischer Link) zeigt ins Leere', fix: 'die Verknüpfung löschen' }),
  },
  'symlink-outside': {
    outside: ({ folder }: { folder: S }) => ({ reason: `die Verknüpfung (symbolischer Link) führt aus ${folder} hinaus`, fix: `die Datei selbst in ${folder} ablegen, statt sie zu verknüpfen` }),
  },
  'symlink-folder': {
    folder: () => ({ reason: 'einer Verknüpfung auf einen Ordner wird nicht gefolgt: seine Dateien stünden doppelt oder endlos in der Liste', fix: 'die Dateien einzeln verknüpfen oder den Ordner hierher verschieben' }),
  },
  'active-content': {
    notPublished: () => ({ reason: 'diese Art Datei wird aus dem Inhaltsordner nicht veröffentlicht: HTML, SVG, XML, Skripte und unbekannte Typen könnten unter der Adresse der Seite Programme ausführen', fix: 'Bilder als JPEG, PNG oder WebP, Dokumente als PDF ablegen; eigene Dateien der Seite gehören nach static/' }),
    svg: ({ ext }: { ext: S }) => ({ reason: `die Datei heißt ${ext}, ist aber eine SVG-Grafik (ein XML-Dokument, das Skripte enthalten kann); sie wird nicht als Bild veröffentlicht`, fix: 'die Grafik als PNG oder WebP exportieren; ein geprüftes SVG kommt nach static/' }),
  },
  'invalid-image': {
    unreadable: ({ detail }: { detail: S }) => ({ reason: `das Bild kann nicht gelesen werden: ${detail}`, fix: 'das Bild neu als JPEG, PNG oder WebP exportieren' }),
    mismatch: ({ ext, format }: { ext: S; format: S }) => ({ reason: `die Datei heißt ${ext}, ist aber ${format === '' ? 'in einem unbekannten Format' : `eine ${format}-Datei`}; sie wird nicht als Bild veröffentlicht`, fix: 'das Bild neu als JPEG, PNG oder WebP unter passendem Namen exportieren' }),
    notRaster: ({ src }: { src: S }) => ({ reason: `image.src „${src}“ ist kein JPEG-, PNG-, WebP-, AVIF- oder GIF-Bild`, fix: 'ein Foto oder eine Grafik als JPEG, PNG oder WebP angeben' }),
  },
  // frontmatter
  frontmatter: {
    colon: ({ key, line }: { key: S; line: S }) => ({ reason: `der Wert von „${key}“ enthält einen Doppelpunkt mit Leerzeichen; YAML liest ihn als zweiten Schlüssel`, fix: `${key === 'title' ? 'Titel' : 'Wert'} in Anführungszeichen setzen: ${line}` }),
    tab: () => ({ reason: 'die Zeile ist mit einem Tabulator eingerückt; YAML erlaubt nur Leerzeichen', fix: 'den Tabulator durch Leerzeichen ersetzen (zwei je Ebene, z. B. unter image:)' }),
    unclosedQuote: ({ key, quote }: { key: S; quote: S }) => ({ reason: `das Anführungszeichen ${quote} im Wert von „${key}“ wird nicht geschlossen`, fix: `am Ende des Werts ein ${quote} ergänzen; Anführungszeichen im Text als „…“ schreiben` }),
    textAfterQuote: ({ key }: { key: S }) => ({ reason: `im Wert von „${key}“ folgt nach dem schließenden Anführungszeichen noch Text`, fix: 'den ganzen Wert in "…" setzen und Anführungszeichen im Text als „…“ schreiben' }),
    indentation: () => ({ reason: 'die Zeile ist anders eingerückt als die Zeilen davor', fix: 'Schlüssel einer Ebene beginnen in derselben Spalte: title, date, region, teaser ganz links; src und alt unter image: mit zwei Leerzeichen' }),
    duplicateKey: ({ key }: { key: S }) => ({ reason: `der Schlüssel „${key}“ steht zweimal im Kopf der Datei`, fix: 'eine der beiden Zeilen löschen' }),
    missing: () => ({ reason: 'die Datei beginnt nicht mit einem Kopf (Frontmatter) zwischen zwei Zeilen „---“', fix: 'ganz oben eine Zeile --- schreiben, darunter title:, date:, region:, teaser: und wieder eine Zeile ---' }),
    notClosed: () => ({ reason: 'der Kopf der Datei wird nicht mit einer Zeile „---“ geschlossen', fix: 'unter der letzten Angabe (z. B. teaser:) eine Zeile --- einfügen' }),
    notMapping: () => ({ reason: 'der Kopf der Datei besteht nicht aus Angaben der Form „schlüssel: wert“', fix: 'je Zeile eine Angabe schreiben, z. B. title: "Überschrift"' }),
    invalid: ({ detail }: { detail: S }) => ({ reason: `der Kopf der Datei ist kein gültiges YAML: ${detail}`, fix: 'den Kopf zwischen den beiden Zeilen „---“ prüfen: je Zeile „schlüssel: wert“, Texte mit Doppelpunkt in "…"' }),
    tag: ({ detail }: { detail: S }) => ({ reason: `der Kopf der Datei enthält ein YAML-Tag (${detail}); Tags wie !!js/function sind nicht erlaubt`, fix: 'das Tag (das Wort mit !) entfernen' }),
    aliases: () => ({ reason: 'der Kopf der Datei verwendet YAML-Anker oder -Verweise (&name, *name)', fix: 'die Werte ausschreiben statt sie mit * zu wiederholen' }),
    otherLanguage: ({ detail }: { detail: S }) => ({ reason: `der Kopf der Datei ist in einer anderen Sprache geschrieben (${detail})`, fix: 'den Kopf als YAML zwischen zwei Zeilen „---“ schreiben' }),
  },
  'missing-field': {
    missing: ({ field }: { field: S }) => ({ reason: `die Angabe ${field} fehlt`, fix: `im Kopf der Datei eine Zeile „${as(field)}…“ ergänzen` }),
    empty: ({ field }: { field: S }) => ({ reason: `die Angabe ${field} ist leer`, fix: `hinter „${field}:“ den Wert schreiben, z. B. ${as(field)}"…"` }),
  },
  'invalid-type': {
    notText: ({ field, found }: { field: S; found: S }) => ({ reason: `${field} muss ein Text sein, gefunden: ${found}`, fix: `${as(field)}"…" in eine Zeile schreiben` }),
    numberAsText: ({ field, value }: { field: S; value: S }) => ({ reason: `${field} ist als Zahl geschrieben (${value}); hier gehört ein Text hin`, fix: `den Text in Anführungszeichen setzen: ${as(field)}"…"` }),
    notDate: ({ field, found }: { field: S; found: S }) => ({ reason: `${field} muss ein Datum sein, gefunden: ${found}`, fix: `${as(field)}JJJJ-MM-TT schreiben, z. B. ${as(field)}2025-02-13` }),
    notBoolean: ({ field, found }: { field: S; found: S }) => ({ reason: `${field} muss true oder false sein, gefunden: ${found}`, fix: `${as(field)}true oder ${as(field)}false schreiben` }),
    imageNotMapping: ({ found }: { found: S }) => ({ reason: `image muss src und alt enthalten, gefunden: ${found}`, fix: 'image:\n  src: foto.jpg\n  alt: "Beschreibung des Bildes"' }),
    aliasesNotList: ({ found }: { found: S }) => ({ reason: `aliases muss eine Liste alter Adressen sein, gefunden: ${found}`, fix: 'aliases:\n  - /alt/meldung-123.html' }),
    aliasNotText: ({ found }: { found: S }) => ({ reason: `eine alte Adresse (alias) muss ein Pfad sein, gefunden: ${found}`, fix: 'die Adresse als Pfad schreiben, z. B. - /alt/meldung-123.html' }),
    notList: ({ field, found, example }: { field: S; found: S; example: S }) => ({ reason: `${field} muss eine Liste sein, gefunden: ${found}`, fix: example }),
    notMapping: ({ field, found, example }: { field: S; found: S; example: S }) => ({ reason: `${field} muss Angaben der Form „schlüssel: wert“ enthalten, gefunden: ${found}`, fix: example }),
  },
  'invalid-field': {
    controlCharacter: ({ field, code }: { field: S; code: S }) => ({ reason: `${field} enthält das unsichtbare Steuerzeichen U+${code}`, fix: 'den Text neu tippen; Steuerzeichen kommen meist beim Kopieren aus anderen Programmen mit' }),
    empty: ({ field }: { field: S }) => ({ reason: `${field} ist leer`, fix: `hinter ${as(field)}einen Text schreiben` }),
    tooLong: ({ field, length, max }: { field: S; length: N; max: N }) => ({ reason: `${field} ist ${length} Zeichen lang; erlaubt sind höchstens ${max}`, fix: 'kürzen; lange Texte gehören in den Haupttext' }),
    slugCharacters: ({ slug, example }: { slug: S; example: S }) => ({ reason: `slug „${slug}“ darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten`, fix: `zum Beispiel slug: ${example}` }),
    slugTooLong: ({ length, max }: { length: N; max: N }) => ({ reason: `slug ist ${length} Zeichen lang; erlaubt sind höchstens ${max}`, fix: 'kürzen; wenige Wörter genügen' }),
    regionNoLetters: ({ region }: { region: S }) => ({ reason: `region „${region}“ enthält keine Buchstaben oder Ziffern, aus denen sich eine Adresse bilden lässt`, fix: 'den Namen der Region schreiben, z. B. region: Potsdam' }),
    regionInvisible: ({ region, character }: { region: S; character: S }) => ({ reason: `region „${region}“ enthält das unsichtbare Zeichen ${character}`, fix: 'den Namen der Region neu tippen; unsichtbare Zeichen kommen beim Kopieren aus anderen Programmen mit' }),
    topicTwice: ({ topic }: { topic: S }) => ({ reason: `das Thema „${topic}“ steht zweimal in der Liste`, fix: 'jedes Thema nur einmal nennen' }),
    phone: ({ phone }: { phone: S }) => ({ reason: `contact.phone „${phone}“ ist keine mögliche Telefonnummer`, fix: 'mit Vorwahl schreiben, z. B. phone: "0331 289-1234" oder "+49 331 289-1234"' }),
    email: ({ email }: { email: S }) => ({ reason: `contact.email „${email}“ ist keine E-Mail-Adresse`, fix: 'als name@example.org schreiben, ohne „mailto:“ und ohne Leerzeichen' }),
    alias: ({ alias, fault, limit, detail }: { alias: S; fault: S; limit: N; detail: S }) => ({
      reason: `die alte Adresse „${alias}“ ${({ control: 'enthält Steuerzeichen', backslash: 'enthält einen Backslash (\\)', hash: 'enthält „#“: der Teil danach erreicht den Server nie', space: 'enthält Leerzeichen', invalidUrl: 'ist keine gültige Adresse', credentials: 'enthält Benutzername oder Passwort', doubleSlashStart: 'beginnt mit „//“', noSlash: 'muss mit „/“ beginnen (der Pfad ab dem Server) oder eine vollständige Adresse dieser Seite sein', emptyQuery: 'endet mit „?“ ohne Abfrage', badPercent: 'enthält ein „%“, das keinen gültigen %XX-Code beginnt', pathGuard: `ist als Pfad unbrauchbar (${detail})`, encodedControl: 'enthält kodierte Steuerzeichen wie %00', encodedSlash: 'enthält einen kodierten Schrägstrich (%2F); Server lehnen solche Pfade ab', doubleSlash: 'enthält „//“; Server fassen die Schrägstriche vor dem Vergleich zusammen', apacheVariable: 'enthält „${“, das Apache als Variable liest', longSegment: `hat einen Teil, der länger als ${limit} Bytes ist (Dateisysteme erlauben 255)`, longPath: `hat einen Pfad, der länger als ${limit} Bytes ist`, longQuery: `hat eine Abfrage, die länger als ${limit} Bytes ist` } as Record<S, S>)[fault] ?? 'ist ungültig'}`,
      fix: ({ hash: 'den Teil „#…“ weglassen', space: 'ein Leerzeichen in einer Adresse als %20 schreiben', doubleSlashStart: 'die vollständige Adresse (https://server/pfad) oder den Pfad ab dem Server (/pfad) schreiben', emptyQuery: 'das „?“ weglassen', badPercent: 'ein „%“ selbst als %25 schreiben', pathGuard: 'ein „%“ selbst als %25 schreiben' } as Record<S, S>)[fault] ?? 'die alte Adresse so schreiben, wie sie war, z. B. /aktuelles/2019/meldung-123.html, /presse/meldung.php?id=123 oder https://www.example.org/alt/x.html',
    }),
  },
  'invalid-date': {
    yearOnly: ({ field, value, example }: { field: S; value: S; example: S }) => ({ reason: `${field} ${value} ist nur eine Jahreszahl oder Zahl; erwartet wird ein ganzes Datum JJJJ-MM-TT`, fix: `z. B. ${as(field)}${example}-01-31 schreiben` }),
    notADate: ({ field, value }: { field: S; value: S }) => ({ reason: `${field} „${value}“ ist kein Datum; erwartet wird JJJJ-MM-TT oder Datum mit Uhrzeit wie 2025-02-13T09:30:00+01:00`, fix: `${as(field)}JJJJ-MM-TT schreiben, z. B. ${as(field)}2025-02-13` }),
    notRealDay: ({ field, value }: { field: S; value: S }) => ({ reason: `${field} „${value}“ gibt es im Kalender nicht`, fix: `Tag und Monat prüfen und ${as(field)}JJJJ-MM-TT schreiben, z. B. ${as(field)}2025-02-13` }),
    badTime: ({ field, value }: { field: S; value: S }) => ({ reason: `${field} „${value}“ hat eine unmögliche Uhrzeit`, fix: 'die Uhrzeit als hh:mm zwischen 00:00 und 23:59 schreiben' }),
    badOffset: ({ field, value }: { field: S; value: S }) => ({ reason: `${field} „${value}“ hat eine unmögliche Zeitzonenangabe`, fix: 'die Zeitzone weglassen (es gilt die der Seite) oder z. B. +01:00 schreiben' }),
  },
  'unknown-key': {
    unknown: ({ key, known }: { key: S; known: S }) => ({ reason: `die Angabe „${key}“ ist unbekannt und wird übergangen`, fix: `Tippfehler prüfen; bekannt sind: ${known}` }),
  },
  'missing-alt': {
    frontmatter: () => ({ reason: 'das Bild hat keinen Alternativtext', fix: 'unter image: „alt: …“ ergänzen und beschreiben, was zu sehen ist; für ein reines Schmuckbild alt: "" schreiben' }),
    body: ({ src }: { src: S }) => ({ reason: `das Bild „${src}“ hat keinen Alternativtext`, fix: 'zwischen den eckigen Klammern beschreiben, was zu sehen ist: ![Beschreibung](bild.jpg)' }),
  },
};
