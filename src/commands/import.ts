import type { ImportOptions, ImportReport } from '../import/import.js';

export type { ImportOptions, ImportReport };

/**
 * `stadtbote import SOURCE`: moves an existing archive into the content folder and describes what
 * happened. The importer (HTML to Markdown, WordPress, feeds, TOML: some 150 modules) is loaded
 * when an import runs, not with the library: every build and `dev` start would pay for it.
 */
export async function runImport(options: ImportOptions): Promise<{ report: ImportReport; lines: string[] }> {
  const [{ importArchive }, { formatImportReport }] = await Promise.all([import('../import/import.js'), import('../import/report.js')]);
  const report = await importArchive(options);
  return { report, lines: formatImportReport(report) };
}
