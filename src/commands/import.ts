import type { ImportOptions, ImportReport } from '../import/import.js';

export type { ImportOptions, ImportReport };

/**
 * `stadtbote import SOURCE`: moves an existing archive into the content folder and describes what
 * happened. The importer (HTML to Markdown, WordPress exports, feeds, TOML) is loaded when an import
 * runs, not with the library: every build loaded it for nothing (with the preview server, 152 of
 * the command line's 696 modules).
 */
export async function runImport(options: ImportOptions): Promise<{ report: ImportReport; lines: string[] }> {
  const [{ importArchive }, { formatImportReport }] = await Promise.all([import('../import/import.js'), import('../import/report.js')]);
  const report = await importArchive(options);
  return { report, lines: formatImportReport(report) };
}
