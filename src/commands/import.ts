import { importArchive, type ImportOptions, type ImportReport } from '../import/import.js';
import { formatImportReport } from '../import/report.js';

export type { ImportOptions, ImportReport };

/** `stadtbote import SOURCE`: moves an existing archive into the content folder and describes what happened. */
export async function runImport(options: ImportOptions): Promise<{ report: ImportReport; lines: string[] }> {
  const report = await importArchive(options);
  return { report, lines: formatImportReport(report) };
}
