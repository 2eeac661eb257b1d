/**
 * German problem texts of the body, site-wide and editors' rules: part of the one message
 * catalogue (i18n/messages-de.ts); conventions as in de-content.ts.
 */
type S = string;
type N = number | string;

export const siteDe = {
  // body
  'too-complex': {
    nestedTooDeep: () => ({ reason: 'der Text ist so tief verschachtelt, dass er nicht gelesen werden kann', fix: 'Zitate, Listen und Hervorhebungen weniger tief verschachteln' }),
    underlines: ({ max }: { max: N }) => ({ reason: `mehr als ${max} Zeilen bestehen nur aus „=“ oder „-“ (Unterstreichungen oder Trennlinien)`, fix: 'Zwischenüberschriften als „## Überschrift“ schreiben und die übrigen Zeilen löschen' }),
    footnotes: ({ max }: { max: N }) => ({ reason: `mehr als ${max} Fußnoten`, fix: 'den Text teilen oder die Anmerkungen als verlinktes Dokument veröffentlichen' }),
    footnoteMarks: ({ max }: { max: N }) => ({ reason: `mehr als ${max} Fußnotenzeichen („[^…]“)`, fix: 'den Text teilen oder die Anmerkungen als verlinktes Dokument veröffentlichen' }),
    definitions: ({ max }: { max: N }) => ({ reason: `mehr als ${max} Linkdefinitionen („[name]: adresse“)`, fix: 'die Links direkt in den Text schreiben oder die Liste als verlinktes Dokument veröffentlichen' }),
    brackets: ({ max }: { max: N }) => ({ reason: `mehr als ${max} Links, Bilder oder eckige Klammern („[“)`, fix: 'den Text teilen oder lange Linklisten als verlinktes Dokument veröffentlichen' }),
    lines: ({ max }: { max: N }) => ({ reason: `mehr als ${max} Zeilen Text`, fix: 'den Text teilen oder als verlinktes Dokument (PDF) veröffentlichen' }),
    emphasis: ({ max }: { max: N }) => ({ reason: `mehr als ${max} Hervorhebungszeichen („*“, „_“, „~“) in einem Absatz`, fix: 'die wiederholten Hervorhebungen entfernen oder den Absatz mit Leerzeilen teilen' }),
    indent: ({ indent, max }: { indent: N; max: N }) => ({ reason: `die Zeile ist um ${indent} Spalten eingerückt; erlaubt sind höchstens ${max} (tief verschachtelte Listen machen den Bau langsam)`, fix: 'die Liste flacher machen oder die Leerzeichen am Zeilenanfang löschen' }),
    nesting: ({ max }: { max: N }) => ({ reason: `Zitate oder Listen sind mehr als ${max} Ebenen tief verschachtelt`, fix: 'flacher schreiben; eine Meldung braucht höchstens wenige Ebenen' }),
    delimiterRun: ({ count, max }: { count: N; max: N }) => ({ reason: `${count} Hervorhebungs- oder Klammerzeichen hintereinander; erlaubt sind höchstens ${max}`, fix: 'die wiederholten Zeichen löschen oder in einen Code-Block setzen' }),
    backtickRun: ({ count, max }: { count: N; max: N }) => ({ reason: `${count} Backticks (\`) hintereinander; erlaubt sind höchstens ${max}`, fix: 'einen Code-Block mit drei Backticks verwenden' }),
    tableCells: ({ max }: { max: N }) => ({ reason: `Tabellen mit mehr als ${max} Zellen („|“) sind nicht erlaubt`, fix: 'die Tabelle teilen oder die Daten als Datei (CSV) veröffentlichen und verlinken' }),
  },
  markdown: {
    parser: ({ detail }: { detail: S }) => ({ reason: `Markdown-Fehler: ${detail}`, fix: 'die Stelle im Text prüfen' }),
  },
  'unsafe-link': {
    scheme: ({ href, scheme }: { href: S; scheme: S }) => ({ reason: `der Link „${href}“ verwendet ${scheme}:, das ist nicht erlaubt`, fix: 'auf eine http(s)-Adresse, mailto: oder tel: verlinken' }),
  },
  'link-outside': {
    outside: ({ href }: { href: S }) => ({ reason: `der Link „${href}“ führt aus dem Inhaltsordner hinaus`, fix: 'auf eine Datei im Inhaltsordner verlinken oder eine vollständige Adresse (https://…) angeben' }),
  },
  'missing-file': {
    link: ({ href, suggestion }: { href: S; suggestion: S }) => ({ reason: `der Link „${href}“ zeigt auf eine Datei, die es nicht gibt`, fix: suggestion || 'den Dateinamen prüfen oder den Link entfernen' }),
    download: ({ field, src, suggestion }: { field: S; src: S; suggestion: S }) => ({ reason: `${field} „${src}“ gibt es nicht`, fix: suggestion || 'den Dateinamen prüfen; die Datei neben die Meldung oder in den Inhaltsordner legen' }),
    downloadOutside: ({ field, src }: { field: S; src: S }) => ({ reason: `${field} „${src}“ führt aus dem Inhaltsordner hinaus`, fix: 'die Datei neben die Meldung oder in den Inhaltsordner legen' }),
  },
  'broken-link': {
    missing: ({ target, suggestion }: { target: S; suggestion: S }) => ({ reason: `der Link führt zu ${target}, diese Datei gibt es nicht`, fix: suggestion || 'Dateiname und Ordner der verlinkten Meldung prüfen' }),
    unpublished: ({ target }: { target: S }) => ({ reason: `der Link führt zu ${target}, diese Meldung wird nicht veröffentlicht (Entwurf, geplant, abgelaufen oder fehlerhaft)`, fix: 'den Link entfernen, bis die Meldung erscheint, oder deren Fehler beheben' }),
    sitePage: ({ href }: { href: S }) => ({ reason: `der Link „${href}“ zeigt auf eine Seite dieser Website, die es nicht gibt`, fix: 'die Adresse prüfen; eine Meldung über ihre Markdown-Datei verlinken (../2025/datei.md)' }),
  },
  'image-outside': {
    body: ({ src }: { src: S }) => ({ reason: `das Bild „${src}“ liegt außerhalb des Inhaltsordners`, fix: 'das Bild in den Inhaltsordner legen' }),
    frontmatter: ({ src }: { src: S }) => ({ reason: `image.src „${src}“ liegt außerhalb des Inhaltsordners`, fix: 'das Bild neben die Meldung oder in den Inhaltsordner legen' }),
  },
  'missing-image': {
    body: ({ src, looked, suggestion }: { src: S; looked: S; suggestion: S }) => ({ reason: `das Bild „${src}“ gibt es nicht (gesucht: ${looked})`, fix: suggestion || 'den Dateinamen prüfen oder das Bild in den Ordner legen' }),
    frontmatter: ({ src, looked, suggestion }: { src: S; looked: S; suggestion: S }) => ({ reason: `das Bild image.src „${src}“ gibt es nicht (gesucht: ${looked})`, fix: suggestion || 'Dateinamen und Ordner prüfen oder das Bild neben die Meldung legen' }),
  },
  'external-image': {
    url: ({ src }: { src: S }) => ({ reason: `image.src „${src}“ ist eine Adresse, keine Datei: Bilder werden aus dem Inhaltsordner veröffentlicht, nie von fremden Servern geladen`, fix: 'das Bild neben der Meldung speichern und seinen Dateinamen angeben' }),
  },
  'external-resource': {
    bodyImage: ({ src, host }: { src: S; host: S }) => ({ reason: `das Bild „${src}“ wird von einem fremden Server geladen (${host})`, fix: 'das Bild in den Inhaltsordner kopieren oder den Server in der Konfiguration unter allowedHosts eintragen' }),
    page: ({ first, more, kind, host, url }: { first: S; more: N; kind: S; host: S; url: S }) => ({ reason: `/${first}${more === 0 || more === '0' ? '' : ` und ${more} weitere ${more === 1 || more === '1' ? 'Datei' : 'Dateien'}`} ${more === 0 || more === '0' ? 'lädt' : 'laden'} ${({ script: 'ein Skript', style: 'ein Stylesheet', font: 'eine Schrift', image: 'ein Bild', iframe: 'einen Rahmen (iframe)', media: 'ein Video oder Audio', connection: 'Daten' } as Record<S, S>)[kind] ?? kind} von einem fremden Server (${host}): ${url}`, fix: `die Datei in die Seite kopieren (templates/assets/ oder static/) oder „${host}“ in der Konfiguration unter allowedHosts eintragen` }),
  },
  // the site as a whole
  'unknown-region': {
    suggest: ({ region, nearest }: { region: S; nearest: S }) => ({ reason: `die Region „${region}“ ist nicht bekannt. Meinten Sie „${nearest}“?`, fix: `region: ${nearest} schreiben` }),
    unknown: ({ region, known }: { region: S; known: S }) => ({ reason: `die Region „${region}“ ist nicht bekannt`, fix: `eine dieser Regionen schreiben: ${known} (oder die Region in der Konfiguration unter regions ergänzen)` }),
    noneListed: ({ region }: { region: S }) => ({ reason: `die Region „${region}“ ist nicht bekannt: die Konfiguration nennt keine Regionen`, fix: `in der Konfiguration regions: [${region}] ergänzen` }),
  },
  'unknown-topic': {
    suggest: ({ topic, nearest }: { topic: S; nearest: S }) => ({ reason: `das Thema „${topic}“ ist nicht bekannt. Meinten Sie „${nearest}“?`, fix: `„${nearest}“ unter topics schreiben` }),
    unknown: ({ topic, known }: { topic: S; known: S }) => ({ reason: `das Thema „${topic}“ ist nicht bekannt`, fix: `eines dieser Themen schreiben: ${known} (oder das Thema in der Konfiguration unter topics ergänzen)` }),
    noneListed: ({ topic }: { topic: S }) => ({ reason: `das Thema „${topic}“ ist nicht bekannt: die Konfiguration nennt keine Themen`, fix: `in der Konfiguration topics: [${topic}] ergänzen` }),
  },
  'region-spelling': {
    spelled: ({ region, seen, file }: { region: S; seen: S; file: S }) => ({ reason: `die Region „${region}“ ist in ${file} „${seen}“ geschrieben`, fix: `eine Schreibweise verwenden, z. B. region: ${seen}` }),
  },
  'alias-other-host': {
    otherHost: ({ alias, aliasHost, host, path }: { alias: S; aliasHost: S; host: S; path: S }) => ({ reason: `die alte Adresse „${alias}“ liegt auf einem anderen Server (${aliasHost}); diese Seite wird von ${host} ausgeliefert`, fix: `nur alte Adressen von ${host} lassen sich hierher umleiten: den Pfad schreiben (${path}), wenn die alte Seite auf diesem Server lag, sonst die Zeile löschen` }),
  },
  'alias-doubled-base-path': {
    doubled: ({ alias, basePath, single }: { alias: S; basePath: S; single: S }) => ({ reason: `die alte Adresse „${alias}“ wiederholt den Basispfad ${basePath}; eine alte Adresse wird so geschrieben, wie sie war, ab dem Server, ohne erneut den Basispfad`, fix: `${single} schreiben, wenn das die alte Adresse war` }),
  },
  'alias-clash': {
    clash: ({ alias, file, other }: { alias: S; file: S; other: S }) => ({ reason: `die alte Adresse „${alias}“ ist auch eine alte Adresse von ${file} („${other}“); Server unterscheiden die beiden nicht (Groß- und Kleinschreibung zählen gleich)`, fix: 'die alte Adresse nur in einer Meldung angeben' }),
  },
  'image-metadata': {
    copied: ({ file, blocks }: { file: S; blocks: S }) => ({ reason: `${file} wird Byte für Byte mit seinen ${blocks}-Metadaten veröffentlicht; sie können Seriennummer der Kamera, Urheber und GPS-Position enthalten`, fix: 'Fotos in den Inhaltsordner legen, dort werden sie ohne Metadaten veröffentlicht, oder diese vorher entfernen (exiftool -all= DATEI)' }),
  },
  'default-image': {
    outside: ({ src }: { src: S }) => ({ reason: `images.default „${src}“ liegt außerhalb des Inhaltsordners`, fix: 'den Pfad eines Bildes im Inhaltsordner angeben, z. B. /bilder/wappen.png' }),
    missing: ({ src, looked }: { src: S; looked: S }) => ({ reason: `images.default „${src}“ gibt es nicht (gesucht: ${looked})`, fix: 'Dateinamen und Ordner prüfen, gerechnet ab dem Inhaltsordner' }),
    notRaster: ({ src }: { src: S }) => ({ reason: `images.default „${src}“ ist kein JPEG-, PNG-, WebP-, AVIF- oder GIF-Bild`, fix: 'ein Foto oder eine Grafik als JPEG, PNG oder WebP angeben' }),
  },
  'logo-image': {
    outside: ({ src }: { src: S }) => ({ reason: `logo.src „${src}“ liegt außerhalb des Inhaltsordners und von static/`, fix: 'den Pfad eines Bildes im Inhaltsordner oder in static/ angeben, z. B. /bilder/wappen.png' }),
    notImage: ({ src }: { src: S }) => ({ reason: `logo.src „${src}“ ist kein Bild`, fix: 'das Logo als SVG (in static/), PNG, JPEG, WebP oder AVIF angeben' }),
    unreadable: ({ src }: { src: S }) => ({ reason: `logo.src „${src}“ lässt sich nicht als Bild lesen oder hat keine Größe`, fix: 'das Logo neu exportieren; ein SVG braucht width und height oder eine viewBox am <svg>-Element' }),
    missing: ({ src }: { src: S }) => ({ reason: `logo.src „${src}“ gibt es weder im Inhaltsordner noch in static/`, fix: 'Dateinamen und Ordner prüfen, gerechnet ab dem Ordner (content/bilder/wappen.png ist /bilder/wappen.png)' }),
  },
  'render-budget': {
    time: ({ seconds }: { seconds: N }) => ({ reason: `die Datei braucht länger als ${seconds} s, um gelesen zu werden, und wurde angehalten (Zeitbudget)`, fix: 'den Text auf mehrere Meldungen aufteilen oder sein Markdown vereinfachen (sehr lange Listen, gehäufte Hervorhebungen, tiefe Verschachtelung); lange Dokumente gehören als PDF-Anhang zur Meldung' }),
    memory: ({ megabytes }: { megabytes: N }) => ({ reason: `die Datei braucht mehr als ${megabytes} MB Speicher, um gelesen zu werden, und wurde angehalten (Speicherbudget)`, fix: 'den Text auf mehrere Meldungen aufteilen oder sein Markdown vereinfachen (sehr lange Listen, gehäufte Hervorhebungen, tiefe Verschachtelung); lange Dokumente gehören als PDF-Anhang zur Meldung' }),
  },
  'file-system': {
    EACCES: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: keine Berechtigung`, fix: 'dem Benutzer, der die Seite baut, Zugriff geben (chmod/chown) oder einen anderen Ordner wählen' }),
    EPERM: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: der Vorgang ist nicht erlaubt`, fix: 'dem Benutzer, der die Seite baut, Zugriff geben (chmod/chown) oder einen anderen Ordner wählen' }),
    ENOENT: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: die Datei gibt es nicht (während des Baus entfernt, oder eine Verknüpfung zeigt ins Leere)`, fix: 'den Pfad prüfen; neu bauen, sobald die Datei wieder da ist' }),
    ENOTDIR: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: ein Teil des Pfads ist eine Datei, wo ein Ordner sein müsste`, fix: 'die Datei, die anstelle des Ordners steht, entfernen oder umbenennen' }),
    EISDIR: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: es ist ein Ordner, wo eine Datei sein müsste`, fix: 'den Ordner entfernen oder umbenennen' }),
    ELOOP: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: Verknüpfungen führen im Kreis`, fix: 'die Verknüpfung entfernen, die auf sich selbst zurückführt' }),
    ENOSPC: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: der Datenträger ist voll`, fix: 'Platz auf dem Datenträger schaffen oder die Ausgabe mit --out auf einen anderen schreiben' }),
    EDQUOT: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: das Speicherkontingent ist aufgebraucht`, fix: 'im Kontingent Platz schaffen oder die Ausgabe mit --out woandershin schreiben' }),
    EROFS: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: das Dateisystem ist schreibgeschützt`, fix: 'die Ausgabe mit --out in einen beschreibbaren Ordner schreiben' }),
    ENAMETOOLONG: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: der Pfad ist für das Dateisystem zu lang`, fix: 'kürzere Ordner- und Dateinamen verwenden' }),
    EMFILE: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: zu viele Dateien sind geöffnet`, fix: 'die Grenze für offene Dateien erhöhen (ulimit -n) und neu bauen' }),
    EIO: ({ action, file }: { action: S; file: S }) => ({ reason: `${file} kann nicht ${action} werden: der Datenträger meldet einen Lese- oder Schreibfehler`, fix: 'den Datenträger prüfen; die Seite auf einen intakten kopieren' }),
    other: ({ action, file, code }: { action: S; file: S; code: S }) => ({ reason: `${file} kann nicht ${action} werden (${code})`, fix: 'Pfad und Datenträger prüfen, dann neu bauen' }),
  },
  'cache-unwritable': {
    notWritten: ({ detail }: { detail: S }) => ({ reason: `der Zwischenspeicher (Build-Cache) konnte nicht geschrieben werden; die Seite ist veröffentlicht, der nächste Bau beginnt ohne ihn (${detail})`, fix: 'die Datei oder den Ordner im Weg entfernen, Schreibrechte geben oder in der Konfiguration ein anderes cacheDir wählen' }),
    folderUnusable: ({ detail }: { detail: S }) => ({ reason: `der Ordner des Zwischenspeichers (Build-Cache) ist nicht nutzbar; es wird ohne ihn gebaut (${detail})`, fix: 'die Datei oder den Ordner im Weg entfernen, Schreibrechte geben oder in der Konfiguration ein anderes cacheDir wählen' }),
  },
  'invalid-url': {
    characters: ({ owner, path, detail, alias }: { owner: S; path: S; detail: S; alias: S }) => ({ reason: `${owner} würde /${path} schreiben; diese Adresse ${detail}`, fix: alias === 'yes' ? 'die alte Adresse ändern' : 'die Datei umbenennen: nur Buchstaben, Ziffern und „-“' }),
  },
  'duplicate-url': {
    sameOutput: ({ owner, path, other }: { owner: S; path: S; other: S }) => ({ reason: `${owner} würde als /${path} veröffentlicht, ebenso wie ${other} (mit anderem Inhalt)`, fix: 'eine der beiden Dateien umbenennen' }),
    samePath: ({ owner, path, existing, alias }: { owner: S; path: S; existing: S; alias: S }) => ({ reason: `${owner} schreibt /${path}, und ${existing} schreibt dieselbe Adresse`, fix: alias === 'yes' ? 'die alte Adresse entfernen oder ändern' : 'einer der beiden Meldungen einen anderen slug, ein anderes Datum oder einen anderen Dateinamen geben' }),
    spelling: ({ owner, path, existing, other, alias }: { owner: S; path: S; existing: S; other: S; alias: S }) => ({ reason: `${owner} schreibt /${path} und ${existing} schreibt /${other}: auf Servern, die Groß- und Kleinschreibung oder Unicode-Schreibweisen nicht unterscheiden, ist das eine Datei`, fix: alias === 'yes' ? 'die alte Adresse entfernen oder ändern' : 'einer der beiden Meldungen einen anderen slug, ein anderes Datum oder einen anderen Dateinamen geben' }),
    fileAndFolder: ({ owner, path, existing, other, alias }: { owner: S; path: S; existing: S; other: S; alias: S }) => ({ reason: `${owner} schreibt /${path}, aber /${other} (geschrieben von: ${existing}) kann nicht zugleich Datei und Ordner sein`, fix: alias === 'yes' ? 'die alte Adresse entfernen oder ändern' : 'einer der beiden Meldungen einen anderen slug, ein anderes Datum oder einen anderen Dateinamen geben' }),
  },
  'missing-footer-page': {
    missing: ({ label, href, file }: { label: S; href: S; file: S }) => ({ reason: `der Link „${label}“ in der Fußzeile zeigt auf ${href}, diese Seite gibt es nicht`, fix: `${file} mit einem title anlegen oder footerLinks in der Konfiguration ändern` }),
  },
  template: {
    syntax: ({ detail }: { detail: S }) => ({ reason: `die Vorlage (Template) enthält einen Liquid-Fehler: ${detail}`, fix: 'die Liquid-Schreibweise berichtigen ({{ wert }}, {% tag %} … {% endtag %}); das Standard-Theme im Stadtbote-Paket zeigt jede Vorlage' }),
  },
  // editors' checks
  'address-changed': {
    changed: ({ from, to, aliasLine }: { from: S; to: S; aliasLine: S }) => ({ reason: `die Adresse der Meldung hat sich geändert: ${from} → ${to}; die alte Adresse wäre ohne Umleitung nicht mehr erreichbar`, fix: `in den Kopf der Datei schreiben (leitet die alte Adresse um):\n${aliasLine}` }),
  },
  'address-gone': {
    gone: ({ from, aliasLine }: { from: S; aliasLine: S }) => ({ reason: `die Meldung ist nicht mehr da; ihre Adresse ${from} wäre nicht mehr erreichbar`, fix: `wenn eine andere Meldung sie ersetzt, dort in den Kopf schreiben:\n${aliasLine}` }),
  },
  'date-mismatch': {
    mismatch: ({ fileDay, day, year, monthDay }: { fileDay: S; day: S; year: S; monthDay: S }) => ({ reason: `der Dateiname beginnt mit ${fileDay}, date sagt ${day}`, fix: `date oder den Dateinamen angleichen (die Adresse folgt date: /${year}/${monthDay}-…/)` }),
  },
  placeholder: {
    left: ({ text }: { text: S }) => ({ reason: `der Platzhalter „${text}“ steht noch im Text und würde so veröffentlicht`, fix: 'den Platzhalter durch den richtigen Text ersetzen' }),
  },
};
