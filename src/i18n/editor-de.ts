/**
 * German texts of the hints Stadtbote gives editors: YAML mistakes, file-name suggestions, dates,
 * placeholders, moved addresses and the dev overlay. Functions, because most of them quote the
 * editor's own text. The English twin in editor-en.ts has the same shape.
 */
export const editorDe = {
  yaml: {
    colon: (key: string) => ({
      reason: `der Wert von „${key}“ enthält einen Doppelpunkt mit Leerzeichen; YAML liest ihn als zweiten Schlüssel`,
      fix: (line: string) => `${key === 'title' ? 'Titel' : 'Wert'} in Anführungszeichen setzen: ${line}`,
    }),
    tab: {
      reason: 'die Zeile ist mit einem Tabulator eingerückt; YAML erlaubt nur Leerzeichen',
      fix: 'den Tabulator durch Leerzeichen ersetzen (zwei je Ebene, z. B. unter image:)',
    },
    unclosedQuote: (key: string, quote: string) => ({
      reason: `das Anführungszeichen ${quote} im Wert von „${key}“ wird nicht geschlossen`,
      fix: `am Ende des Werts ein ${quote} ergänzen; Anführungszeichen im Text als „…“ schreiben`,
    }),
    textAfterQuote: (key: string) => ({
      reason: `im Wert von „${key}“ folgt nach dem schließenden Anführungszeichen noch Text`,
      fix: 'den ganzen Wert in "…" setzen und Anführungszeichen im Text als „…“ schreiben',
    }),
    indentation: {
      reason: 'die Zeile ist anders eingerückt als die Zeilen davor',
      fix: 'Schlüssel einer Ebene beginnen in derselben Spalte: title, date, region, teaser ganz links; src und alt unter image: mit zwei Leerzeichen',
    },
    duplicateKey: (key: string) => ({
      reason: `der Schlüssel „${key}“ steht zweimal im Kopf der Datei`,
      fix: 'eine der beiden Zeilen löschen',
    }),
  },
  didYouMean: (name: string) => `Meinten Sie „${name}“? Dateinamen unterscheiden Groß- und Kleinschreibung`,
  dateMismatch: (fileDay: string, day: string) => ({
    reason: `der Dateiname beginnt mit ${fileDay}, date sagt ${day}`,
    fix: `date oder den Dateinamen angleichen (die Adresse folgt date: /${day.slice(0, 4)}/${day.slice(5)}-…/)`,
  }),
  placeholder: (text: string) => ({
    reason: `der Platzhalter „${text}“ steht noch im Text und würde so veröffentlicht`,
    fix: 'den Platzhalter durch den richtigen Text ersetzen',
  }),
  addressChanged: (from: string, to: string) => ({
    reason: `die Adresse der Meldung hat sich geändert: ${from} → ${to}; die alte Adresse wäre ohne Umleitung nicht mehr erreichbar`,
    fix: (aliasLine: string) => `in den Kopf der Datei schreiben (leitet die alte Adresse um):\n${aliasLine}`,
  }),
  addressGone: (from: string) => ({
    reason: `die Meldung ist nicht mehr da; ihre Adresse ${from} wäre nicht mehr erreichbar`,
    fix: (aliasLine: string) => `wenn eine andere Meldung sie ersetzt, dort in den Kopf schreiben:\n${aliasLine}`,
  }),
  warningsStrict: 'mit --strict zählen Warnungen als Fehler',
  overlay: {
    configTitle: 'Stadtbote: Fehler in der Konfiguration',
    contentTitle: (errors: number) => `Stadtbote: ${errors} Fehler im Inhalt – die Seite zeigt den letzten fehlerfreien Stand`,
    hint: 'Nach dem Speichern der korrigierten Datei lädt die Seite neu.',
    close: 'Hinweis schließen',
    notFoundTitle: 'Nicht gefunden',
    notFoundText: 'Diese Seite gibt es (noch) nicht.',
    hostRefused: (host: string) => `Die Vorschau antwortet nicht unter dem Namen „${host}“. Öffnen Sie sie über http://localhost oder 127.0.0.1.`,
  },
};

export type EditorMessages = typeof editorDe;
