/**
 * German texts of the command line and the dev overlay that are not a problem's reason or fix:
 * report words, summaries, progress, `new`/`check`/`build`/`dev` lines. Part of the one message
 * catalogue (i18n/messages-de.ts); parameters are only interpolated or compared.
 */
type S = string;
type N = number | string;

/** `1 Meldung`, `2 Meldungen`: the German nouns the summaries count. */
const plural = (n: N, one: S, many: S): S => `${n} ${n === 1 || n === '1' ? one : many}`;

export const uiDe = {
  report: {
    error: 'Fehler',
    warning: 'Warnung',
    fix: 'Lösung',
    totals: ({ errors, warnings }: { errors: N; warnings: N }) => `${errors} Fehler, ${plural(warnings, 'Warnung', 'Warnungen')}`,
    moreWarnings: ({ count, more }: { count: N; more: S }) => `${more === 'yes' ? plural(count, 'weitere Warnung', 'weitere Warnungen') : plural(count, 'Warnung', 'Warnungen')} (mit --verbose werden sie aufgelistet)`,
    didYouMean: ({ name }: { name: S }) => `Meinten Sie „${name}“? Dateinamen unterscheiden Groß- und Kleinschreibung`,
    internal: ({ detail }: { detail: S }) => `stadtbote: unerwarteter Fehler: ${detail}`,
  },
  found: {
    empty: 'ein leerer Wert',
    list: 'eine Liste',
    mapping: 'eine Gruppe von Angaben (schlüssel: wert)',
  },
  /** How a file-system problem names what could not be done: `… kann nicht gelesen werden`. */
  fsAction: { open: 'geöffnet', read: 'gelesen', write: 'geschrieben', mkdir: 'als Ordner angelegt', rename: 'umbenannt', scandir: 'aufgelistet', stat: 'angesehen', lstat: 'angesehen', link: 'verknüpft', unlink: 'entfernt', rmdir: 'entfernt', realpath: 'verfolgt', use: 'benutzt' } as Record<S, S>,
  /** The site's folders as problems name them: `führt aus dem Inhaltsordner hinaus`. */
  folders: { content: 'dem Inhaltsordner', templates: 'dem Vorlagenordner', static: 'static/' },
  build: {
    progress: ({ done, total, percent, eta }: { done: N; total: N; percent: N; eta: S }) => `Baue ${done}/${total} Quellen · ${percent} % · noch ${eta} s`,
    summary: ({ pages, articles, seconds, files, writes, cache }: { pages: N; articles: N; seconds: S; files: N; writes: S; cache: S }) =>
      `${plural(pages, 'Seite', 'Seiten')} aus ${plural(articles, 'Meldung', 'Meldungen')} gebaut in ${seconds} s (${plural(files, 'Datei', 'Dateien')}${writes}; Zwischenspeicher: ${cache}).`,
    writes: ({ written, linked, removed }: { written: N; linked: N; removed: N }) => `, ${written} geschrieben, ${linked} unverändert übernommen, ${removed} entfernt`,
    cache: ({ state }: { state: S }) => ({ hit: 'genutzt', missing: 'noch leer', invalid: 'unbrauchbar, neu angelegt', stale: 'Vorlagen, Einstellungen oder Version geändert, Seiten neu erzeugt (Markdown aus dem Zwischenspeicher)', partial: 'Vorlagen geändert, die keine Meldungsseite nutzt: Meldungsseiten aus dem Zwischenspeicher, die übrigen Seiten neu erzeugt', off: 'aus' } as Record<S, S>)[state] ?? state,
    excluded: ({ drafts, future, expired }: { drafts: N; future: N; expired: N }) => `Nicht veröffentlicht: ${plural(drafts, 'Entwurf', 'Entwürfe')}, ${future} geplant, ${expired} abgelaufen.`,
    nextScheduled: ({ date, file }: { date: S; file: S }) => `Die nächste geplante Meldung erscheint am ${date} (${file}); dann neu bauen.`,
    serverOnly: ({ count, list, more }: { count: N; list: S; more: N }) =>
      `${plural(count, 'alte Adresse', 'alte Adressen')} außerhalb des Basispfads oder mit Abfrage (?…) ${count === 1 || count === '1' ? 'wird' : 'werden'} nur von den Server-Dateien umgeleitet (nginx-*.conf, .htaccess, _redirects): ${list}${more === 0 || more === '0' ? '' : ` und ${more} weitere (--verbose listet sie)`}`,
  },
  check: {
    noProblems: 'Keine Probleme gefunden.',
  },
  init: {
    created: ({ root }: { root: S }) => `Stadtbote-Website in ${root} angelegt. Weiter geht es so:`,
    preview: '# Vorschau im Browser',
    check: '# das prüft die CI vor dem Veröffentlichen',
    fillIn: 'Vor dem Veröffentlichen die Seiten in content/pages/ ausfüllen (jedes „[bitte ergänzen: …]“); README.md erklärt den Rest.',
  },
  /** Mistakes on the command line itself, as commander finds them (cli/usage.ts puts them into these words). */
  usage: {
    unknownOption: ({ option }: { option: S }) => `Fehler: unbekannte Option „${option}“`,
    unknownCommand: ({ command }: { command: S }) => `Fehler: unbekannter Befehl „${command}“`,
    missingOption: ({ option }: { option: S }) => `Fehler: die Option „${option}“ fehlt`,
    missingValue: ({ option }: { option: S }) => `Fehler: der Option „${option}“ fehlt ihr Wert`,
    missingArgument: ({ argument }: { argument: S }) => `Fehler: die Angabe „${argument}“ fehlt`,
    tooManyArguments: 'Fehler: zu viele Angaben',
    help: '(Hilfe: mit --help aufrufen)',
  },
  new: {
    exists: ({ file }: { file: S }) => `stadtbote: ${file} gibt es schon; nichts wurde geschrieben`,
  },
  dev: {
    exposed: ({ host }: { host: S }) => `stadtbote: Warnung: --host ${host} macht die Vorschau (mit Entwürfen) im Netz erreichbar; mit --host 127.0.0.1 bleibt sie auf diesem Rechner`,
    failed: ({ detail }: { detail: S }) => `stadtbote: der Bau ist fehlgeschlagen: ${detail}`,
    cms: ({ url }: { url: S }) => `Web-Editor: ${url} (speichert in diesen Ordner)`,
    badPort: ({ flag, value }: { flag: S; value: S }) => `stadtbote: ${flag} „${value}“ ist keine Portnummer (0–65535)`,
    cannotListen: ({ host, port, code }: { host: S; port: S; code: S }) => `stadtbote: auf ${host}:${port} kann nicht gelauscht werden (${code}); mit --port oder --host einen anderen wählen`,
    started: ({ url }: { url: S }) => `Stadtbote-Vorschau: ${url} (Strg-C beendet sie)`,
    rebuilding: ({ count }: { count: N }) => `Baue neu (${plural(count, 'geänderte Datei', 'geänderte Dateien')}) …`,
    changed: ({ files }: { files: S }) => `Geändert: ${files}`,
    searchUpdated: ({ articles }: { articles: N }) => `Suchindex aktualisiert (${plural(articles, 'Meldung', 'Meldungen')}).`,
    stopped: 'Vorschau beendet.',
  },
  overlay: {
    configTitle: 'Stadtbote: Fehler in der Konfiguration',
    contentTitle: ({ errors }: { errors: N }) => `Stadtbote: ${errors} Fehler im Inhalt – die Seite zeigt den letzten fehlerfreien Stand`,
    hint: 'Nach dem Speichern der korrigierten Datei lädt die Seite neu.',
    close: 'Hinweis schließen',
    notFoundTitle: 'Nicht gefunden',
    notFoundText: 'Diese Seite gibt es (noch) nicht.',
    hostRefused: ({ host }: { host: S }) => `Die Vorschau antwortet nicht unter dem Namen „${host}“. Öffnen Sie sie über http://localhost oder 127.0.0.1.`,
  },
};
