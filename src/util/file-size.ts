/**
 * "PDF, 245 KB": what a download link says about its file. Sizes in units of 1024 bytes, as file
 * managers show them, in the site's number format (German: "1,2 MB").
 */
export function fileSizeLabel(bytes: number, locale: string): string {
  const number = (value: number, digits: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} ${locale.startsWith('de') ? 'Bytes' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}

/** The file type as readers know it: the extension in capitals (`PDF`, `DOCX`, `ODT`). */
export function fileTypeLabel(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toUpperCase();
}
