import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultLanguage, type Language } from '../model/messages.js';

/** The names config.ts looks for, in its order (kept here so this module needs nothing from config.ts). */
const CONFIG_NAMES = ['stadtbote.config.yaml', 'stadtbote.config.yml', 'stadtbote.config.json'];

/** Only the head of the file is read: `language:` sits near the top, and a huge file is config.ts's to refuse. */
const HEAD_BYTES = 64 * 1024;

/**
 * The language a config text asks for, found even when the text is not valid YAML or JSON: a line
 * `language: en` (or `"language": "en"`) at the top level. Messages about a broken config are then
 * in the language its editor chose; without such a line, `defaultLanguage()` (German).
 */
export function languageOfConfigText(text: string): Language {
  const m = /^(?:"language"|language)\s*:\s*["']?(de|en)\b/m.exec(text);
  return m ? (m[1] as Language) : defaultLanguage();
}

/**
 * The site's message language, for the command line's own lines (summaries, problem reports) and
 * for problems found before the config is read: `language:` of the config file `--config` or the
 * site folder names, else `defaultLanguage()`. Never throws; config.ts reports what is wrong.
 */
export function siteLanguage(options: { root?: string | undefined; config?: string | undefined }): Language {
  const root = path.resolve(options.root ?? '.');
  const file = options.config ? path.resolve(options.config) : CONFIG_NAMES.map((n) => path.join(root, n)).find((p) => existsSync(p));
  if (!file) return defaultLanguage();
  try {
    // A pipe or a device would hang the read: only a regular file is looked into.
    if (!statSync(file).isFile()) return defaultLanguage();
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
      return languageOfConfigText(buffer.subarray(0, read).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return defaultLanguage();
  }
}
