import { importDe } from '../import.js';

/**
 * German problem texts of the configuration, command-line and import rules: part of the one
 * message catalogue (i18n/messages-de.ts); conventions as in de-content.ts. The import rules take
 * their words from i18n/import.ts, where the importer's other texts (notes, report) live too.
 */
type S = string;
type N = number | string;
const t = importDe;

export const configDe = {
  'root-missing': {
    missing: ({ folder }: { folder: S }) => ({ reason: `der Ordner der Seite „${folder}“ existiert nicht`, fix: 'den Ordner hinter --root prüfen' }),
  },
  'config-missing': {
    missing: ({ file }: { file: S }) => ({ reason: `die Konfigurationsdatei ${file} existiert nicht`, fix: 'den Pfad hinter --config prüfen' }),
    tooLarge: ({ file, kilobytes }: { file: S; kilobytes: N }) => ({ reason: `die Konfigurationsdatei ${file} ist größer als ${kilobytes} KB`, fix: 'eine stadtbote.config.yaml oder .json verwenden (mit --config DATEI)' }),
    notAFile: ({ file }: { file: S }) => ({ reason: `${file} ist keine gewöhnliche Datei`, fix: 'eine stadtbote.config.yaml oder .json verwenden (mit --config DATEI)' }),
  },
  'config-syntax': {
    yaml: ({ detail }: { detail: S }) => ({ reason: `die Konfiguration ist kein gültiges YAML: ${detail}`, fix: 'die Zeile prüfen: je Zeile „schlüssel: wert“, mit Leerzeichen (nicht Tabulatoren) eingerückt, Texte mit Doppelpunkt in "…"' }),
    json: ({ detail }: { detail: S }) => ({ reason: `die Konfiguration ist kein gültiges JSON: ${detail}`, fix: 'Klammern, Kommas und Anführungszeichen prüfen' }),
    aliases: () => ({ reason: 'die Konfiguration verwendet zu viele YAML-Verweise (*name)', fix: 'die Werte ausschreiben statt sie mit * zu wiederholen' }),
  },
  'config-shape': {
    notMapping: () => ({ reason: 'die Konfiguration besteht nicht aus Angaben der Form „schlüssel: wert“', fix: 'je Zeile eine Angabe schreiben, z. B. title: "Pressemitteilungen"' }),
  },
  'config-value': {
    cms: () => ({ reason: 'cms muss true, false oder eine Gruppe von Angaben mit dem Git-Backend sein', fix: 'cms: true, oder\ncms:\n  backend: github\n  repo: stadt/presse\n  authBaseUrl: https://oauth.example.org' }),
    cmsValue: ({ key, value, hint }: { key: S; value: S; hint: S }) => ({
      reason: value === '' ? `cms.${key} muss ein nicht leerer Text sein` : `cms.${key} „${value}“ ist ungültig`,
      fix: ({ repo: 'als besitzer/name schreiben, z. B. repo: stadt/presse', branch: 'einen Git-Branch angeben, z. B. branch: main', url: 'eine vollständige https://-Adresse angeben', endpoint: 'einen Pfad auf authBaseUrl angeben, z. B. authEndpoint: auth' } as Record<S, S>)[hint] ?? `cms.${key}: "…" schreiben`,
    }),
    cmsBackend: ({ value, known }: { value: S; known: S }) => ({ reason: `cms.backend „${value}“ wird nicht unterstützt`, fix: `eines davon angeben: ${known}` }),
    cmsWorkflow: () => ({ reason: 'cms.editorialWorkflow muss true oder false sein', fix: 'editorialWorkflow: true oder editorialWorkflow: false schreiben' }),
    cmsUnknownKey: ({ key, known }: { key: S; known: S }) => ({ reason: `der Schlüssel „cms.${key}“ ist unbekannt`, fix: `Tippfehler prüfen; bekannt sind: ${known}` }),
    cmsNeedsRepo: ({ backend }: { backend: S }) => ({ reason: `cms.backend ${backend} braucht das Repository`, fix: 'repo: besitzer/name ergänzen' }),
    cmsGithubAuth: () => ({ reason: 'cms.backend github braucht die Adresse eines OAuth-Clients für die Anmeldung', fix: 'authBaseUrl: https://oauth.example.org ergänzen (README, „Web editor“)' }),
    cmsGiteaAppId: () => ({ reason: 'cms.backend gitea braucht die ID einer OAuth-Anwendung auf der Gitea-Instanz', fix: 'appId: die „Client ID“ der Anwendung ergänzen' }),
    cmsGiteaWorkflow: () => ({ reason: 'das Gitea-Backend von Decap CMS hat keinen redaktionellen Ablauf (editorialWorkflow)', fix: 'editorialWorkflow entfernen oder GitHub oder GitLab verwenden' }),
    cmsRepoWithoutBackend: ({ known }: { known: S }) => ({ reason: 'cms.repo ist angegeben, cms.backend aber nicht', fix: `backend: ${known} ergänzen` }),
    logo: () => ({ reason: 'logo muss src und alt enthalten', fix: 'logo:\n  src: /bilder/wappen.png\n  alt: "Wappen des Landkreises"' }),
    logoSrc: ({ given }: { given: S }) => ({ reason: `logo.src muss der Pfad eines Bildes im Inhaltsordner oder in static/ sein, nicht ${given}`, fix: 'logo:\n  src: /bilder/wappen.png\n  alt: "Wappen des Landkreises"' }),
    logoAlt: () => ({ reason: 'logo.alt fehlt: das Logo braucht einen Alternativtext', fix: 'beschreiben, was das Bild zeigt, z. B. alt: "Wappen des Landkreises", oder alt: "", wenn der Titel daneben schon alles sagt' }),
    brand: () => ({ reason: 'brand muss eine Farbe (color:) enthalten', fix: 'eine Farbe angeben:\nbrand:\n  color: "#005a9c"' }),
    brandColor: ({ given }: { given: S }) => ({ reason: `brand.color „${given}“ ist keine CSS-Farbe`, fix: 'als #rrggbb schreiben, z. B. color: "#005a9c" (in Anführungszeichen: # beginnt in YAML einen Kommentar)' }),
    brandTransparent: ({ given }: { given: S }) => ({ reason: `brand.color „${given}“ ist durchscheinend: ihr Kontrast hängt davon ab, was dahinter liegt`, fix: 'eine deckende Farbe verwenden, z. B. "#005a9c"' }),
    listThumbnails: () => ({ reason: 'listThumbnails muss true oder false sein', fix: 'listThumbnails: true oder listThumbnails: false schreiben' }),
    forbiddenKey: ({ key }: { key: S }) => ({ reason: `der Schlüssel „${key}“ ist nicht erlaubt (er bezeichnet einen Teil von JavaScript-Objekten)`, fix: `den Schlüssel „${key}“ entfernen` }),
    notText: ({ key }: { key: S }) => ({ reason: `${key} muss ein nicht leerer Text sein`, fix: `${key}: "…" schreiben` }),
    language: ({ value }: { value: S }) => ({ reason: `die Sprache „${value}“ wird nicht unterstützt`, fix: 'language: de oder language: en schreiben' }),
    timezone: ({ value }: { value: S }) => ({ reason: `timezone „${value}“ ist keine Zeitzone der IANA-Liste`, fix: 'einen Namen wie "Europe/Berlin" schreiben' }),
    wholeNumber: ({ key }: { key: S }) => ({ reason: `${key} muss eine ganze Zahl von 1 bis 1000 sein`, fix: `z. B. ${key}: 10 schreiben` }),
    baseUrl: ({ given }: { given: S }) => ({ reason: `baseUrl „${given}“ ist keine vollständige http(s)-Adresse ohne Benutzername und Passwort`, fix: 'zum Beispiel baseUrl: https://example.org/presse/' }),
    baseUrlFlag: ({ given }: { given: S }) => ({ reason: `--base-url „${given}“ ist keine vollständige http(s)-Adresse ohne Benutzername und Passwort`, fix: 'zum Beispiel --base-url https://example.org/presse/' }),
    basePath: ({ given, detail }: { given: S; detail: S }) => ({ reason: `baseUrl „${given}“: ${detail}`, fix: 'zum Beispiel https://example.org/presse/' }),
    publisher: () => ({ reason: 'publisher muss mindestens einen Namen (name:) enthalten', fix: 'publisher:\n  name: Landeshauptstadt Musterstadt' }),
    regions: () => ({ reason: 'regions muss eine Liste von Regionsnamen sein', fix: 'regions:\n  - Nord\n  - Süd' }),
    allowedHosts: () => ({ reason: 'allowedHosts muss eine Liste von Servernamen sein', fix: 'allowedHosts:\n  - www.beispiel.de' }),
    topics: () => ({ reason: 'topics muss eine Liste von Themennamen sein', fix: 'topics:\n  - Verkehr\n  - Gesundheit' }),
    topicNoLetters: ({ topic }: { topic: S }) => ({ reason: `das Thema „${topic}“ enthält keine Buchstaben oder Ziffern, aus denen sich eine Adresse bilden lässt`, fix: 'das Thema mit Buchstaben schreiben, z. B. - Verkehr' }),
    topicTwice: ({ topic }: { topic: S }) => ({ reason: `das Thema „${topic}“ steht zweimal in der Liste`, fix: 'eine der beiden Zeilen löschen' }),
    topicsShare: ({ seen, topic, slug }: { seen: S; topic: S; slug: S }) => ({ reason: `die Themen „${seen}“ und „${topic}“ bekämen dieselbe Seite /${slug}/`, fix: 'die beiden Themen zusammenfassen oder eines umbenennen' }),
    images: () => ({ reason: 'images muss Angaben der Form „schlüssel: wert“ enthalten', fix: 'images:\n  maxWidth: 2400\n  default: /bilder/wappen.png' }),
    maxWidth: ({ min, max, given }: { min: N; max: N; given: S }) => ({ reason: `images.maxWidth muss eine ganze Zahl von ${min} bis ${max} Pixeln sein, nicht ${given}`, fix: 'zum Beispiel maxWidth: 2400' }),
    defaultImage: ({ given }: { given: S }) => ({ reason: `images.default muss der Pfad eines Bildes im Inhaltsordner sein, nicht ${given}`, fix: 'zum Beispiel default: /bilder/wappen.png (gerechnet ab dem Inhaltsordner)' }),
    footerLinks: () => ({ reason: 'footerLinks muss eine Liste von Einträgen mit label und href sein', fix: 'footerLinks:\n  - label: Impressum\n    href: /impressum/' }),
    boolean: ({ key }: { key: S }) => ({ reason: `${key} muss true oder false sein`, fix: `${key}: true oder ${key}: false schreiben` }),
    rawHtml: ({ value }: { value: S }) => ({ reason: `rawHtml „${value}“ wird nicht unterstützt`, fix: 'rawHtml: none (Standard) oder rawHtml: sanitize schreiben' }),
  },
  'config-unknown-key': {
    unknown: ({ key, known }: { key: S; known: S }) => ({ reason: `der Schlüssel „${key}“ ist unbekannt und wird übergangen`, fix: `Tippfehler prüfen; bekannt sind: ${known}` }),
  },
  'brand-contrast': {
    contrast: ({ given, ratio, counterpart, role, needed, shade, shadeRatio }: { given: S; ratio: S; counterpart: S; role: S; needed: S; shade: S; shadeRatio: S }) => ({
      reason: `brand.color „${given}“ hat einen Kontrast von ${ratio}:1 zu ${counterpart} ${role === 'page' ? 'als Hintergrund weißer Schrift (Kopfleiste, Schaltflächen) und als Linkfarbe auf der weißen Seite' : 'als Linkfarbe auf dem Hellgrau der Fußzeile (#f2f4f7)'}; WCAG 2.1 AA verlangt ${needed}:1 für normalen Text`,
      fix: `einen dunkleren Ton verwenden, z. B. color: "${shade}" (${shadeRatio}:1)`,
    }),
  },
  'output-overlaps-site': {
    overlaps: ({ out, inside, what, where }: { out: S; inside: S; what: S; where: S }) => ({ reason: `der Ausgabeordner ${out} ${inside === 'yes' ? 'liegt innerhalb von' : 'wäre zugleich'}: ${what} (${where}); jeder Bau ersetzt den Ausgabeordner als Ganzes`, fix: 'die Ausgabe in einen eigenen Ordner schreiben, z. B. --out dist' }),
  },
  'invalid-option': {
    initTitle: ({ given }: { given: S }) => ({ reason: `--title „${given}“ ist leer oder enthält Steuerzeichen`, fix: 'den Namen der Seite angeben, z. B. --title "Landkreis Musterland"' }),
    initBaseUrl: ({ given }: { given: S }) => ({ reason: `--base-url „${given}“ ist keine http(s)-Adresse ohne Benutzername, Abfrage (?…) und Anker (#…)`, fix: 'zum Beispiel --base-url https://www.example.org/presse/' }),
    initTimezone: ({ given }: { given: S }) => ({ reason: `--timezone „${given}“ ist keine Zeitzone`, fix: 'zum Beispiel --timezone Europe/Berlin' }),
    initRegion: ({ given }: { given: S }) => ({ reason: `--region „${given}“ enthält keine Buchstaben oder Ziffern, aus denen sich eine Adresse bilden lässt`, fix: 'zum Beispiel --region "Kreis Musterland"' }),
    initUnreadable: ({ folder, code }: { folder: S; code: S }) => ({ reason: `${folder} lässt sich nicht als Ordner lesen (${code})`, fix: 'einen neuen oder leeren Ordner wählen' }),
    initNotEmpty: ({ folder, entries }: { folder: S; entries: S }) => ({ reason: `${folder} ist nicht leer (${entries}); nichts wurde geschrieben`, fix: 'einen neuen oder leeren Ordner wählen, z. B. stadtbote init meine-seite' }),
    empty: ({ flag }: { flag: S }) => ({ reason: `${flag} darf nicht leer sein`, fix: `einen Text angeben, z. B. ${flag} "…"` }),
    control: ({ flag }: { flag: S }) => ({ reason: `${flag} enthält Steuerzeichen`, fix: 'den Text ohne sie neu tippen' }),
    dateForm: ({ given }: { given: S }) => ({ reason: `--date „${given}“ ist kein Datum der Form JJJJ-MM-TT`, fix: 'zum Beispiel --date 2025-02-13' }),
    slug: ({ given, example }: { given: S; example: S }) => ({ reason: `--slug „${given}“ darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten`, fix: `zum Beispiel --slug ${example}` }),
    linkOut: ({ file, target }: { file: S; target: S }) => ({ reason: `der Ordner von ${file} ist eine Verknüpfung aus dem Inhaltsordner hinaus (nach ${target})`, fix: 'die Verknüpfung durch einen echten Ordner ersetzen oder entfernen' }),
    option: ({ detail, fix }: { detail: S; fix: S }) => ({ reason: detail, fix }),
    format: ({ given, known }: { given: S; known: S }) => ({ reason: `--format „${given}“ wird nicht unterstützt`, fix: `eines davon angeben: ${known}` }),
    date: ({ given }: { given: S }) => ({ reason: `--date „${given}“ ist kein gültiges Datum`, fix: 'zum Beispiel --date 2025-02-13' }),
  },
  'cms-local-only': {
    localOnly: () => ({ reason: 'cms nennt kein Git-Backend: die veröffentlichte Seite /admin/ kann nicht speichern, nur `stadtbote dev --cms` kann es', fix: 'unter cms backend und repo ergänzen (README, „Web editor“)' }),
  },
  // stadtbote import
  'import-source': { source: ({ detail, fix }: { detail: S; fix: S }) => ({ reason: detail, fix }) },
  'import-source-missing': { missing: ({ source }: { source: S }) => ({ reason: t.sourceMissing(source), fix: t.sourceMissingFix }) },
  'import-unreachable': { unreachable: ({ url, detail }: { url: S; detail: S }) => ({ reason: t.unreachable(url, detail), fix: t.unreachableFix }) },
  'import-broken-xml': { broken: ({ detail }: { detail: S }) => ({ reason: t.brokenXml(detail), fix: t.brokenXmlFix }) },
  'import-not-a-feed': { notAFeed: ({ root }: { root: S }) => ({ reason: t.notAFeed(root), fix: t.notAFeedFix }) },
  'import-empty': {
    noItems: () => ({ reason: t.noItems, fix: t.noItemsFix }),
    emptyFolder: ({ folder }: { folder: S }) => ({ reason: t.emptyFolder(folder), fix: t.emptyFolderFix }),
  },
  'import-frontmatter': { unreadable: ({ detail }: { detail: S }) => ({ reason: t.frontmatterUnreadable(detail), fix: t.frontmatterFix }) },
  'import-region-map': { unreadable: ({ detail }: { detail: S }) => ({ reason: t.regionMapUnreadable(detail), fix: t.regionMapFix }) },
  'import-no-date': { noDate: ({ item }: { item: S }) => ({ reason: t.noDate(item), fix: t.noDateFix }) },
  'import-no-region': { noRegion: ({ item }: { item: S }) => ({ reason: t.noRegion(item), fix: t.noRegionFix }) },
  'import-unknown-region': { unknown: ({ region, item, known }: { region: S; item: S; known: S }) => ({ reason: t.unknownRegion(region, item, known), fix: t.unknownRegionFix }) },
};
