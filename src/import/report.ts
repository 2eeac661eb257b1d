import { importMessages } from '../i18n/import.js';
import type { ImportReport } from './run-types.js';

/**
 * The import's summary as lines for the terminal: what was left out per item (item, old address,
 * what), what to review, what was not overwritten, then the counts.
 */
export function formatImportReport(report: ImportReport): string[] {
  const t = importMessages(report.language);
  const lines: string[] = [];
  const name = (i: ImportReport['items'][number]): string => `${i.file} – ${t.quote(i.title)}${i.oldUrl ? ` (${i.oldUrl})` : ''}`;
  // Only what this run wrote: a second, unchanged run says so in one line instead of repeating the lists.
  const written = report.items.filter((i) => i.status === 'new' || i.status === 'updated');
  const dropped = written.filter((i) => i.dropped.length > 0);
  if (dropped.length > 0) {
    lines.push(t.headingDropped);
    for (const i of dropped) lines.push(`  ${name(i)}: ${summarize(i.dropped).join('; ')}`);
  }
  const noted = written.filter((i) => i.notes.length > 0);
  if (noted.length > 0) {
    lines.push(t.headingNotes);
    for (const i of noted) lines.push(`  ${name(i)}: ${summarize(i.notes).join('; ')}`);
  }
  const kept = report.items.filter((i) => i.status === 'edited' || i.status === 'deleted');
  if (kept.length > 0) {
    lines.push(t.headingSkipped);
    for (const i of kept) lines.push(`  ${i.file}: ${i.status === 'edited' ? t.changedSinceImport : t.deletedSinceImport}`);
  }
  lines.push(t.summaryWritten(report.articles, report.pages, report.media, report.aliases));
  if (report.unchanged + report.skipped > 0) lines.push(t.summaryUnchanged(report.unchanged, report.skipped));
  if (dropped.length > 0) lines.push(t.summaryDropped(dropped.length));
  if (noted.length > 0) lines.push(t.summaryNotes(noted.reduce((n, i) => n + i.notes.length, 0)));
  if (report.dryRun) lines.push(t.dryRun);
  return lines;
}

/** Repeated entries once, with a count: "Skript (3)". */
function summarize(entries: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts].map(([e, n]) => (n > 1 ? `${e} (${n}×)` : e));
}
