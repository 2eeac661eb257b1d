import { editorDe, type EditorMessages } from './editor-de.js';
import { editorEn } from './editor-en.js';

export type { EditorMessages } from './editor-de.js';

/** The editors' hints in the site's language; German unless the site says `language: en`. */
export function editorMessages(language: string | undefined): EditorMessages {
  return language === 'en' ? editorEn : editorDe;
}
