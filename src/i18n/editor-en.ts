import type { EditorMessages } from './editor-de.js';

/** English texts of the editors' hints (sites with `language: en`); see editor-de.ts. */
export const editorEn: EditorMessages = {
  yaml: {
    colon: (key: string) => ({
      reason: `the value of "${key}" contains a colon followed by a space; YAML reads it as a second key`,
      fix: (line: string) => `put the ${key === 'title' ? 'title' : 'value'} in quotes: ${line}`,
    }),
    tab: {
      reason: 'the line is indented with a tab; YAML allows only spaces',
      fix: 'replace the tab with spaces (two per level, e.g. under image:)',
    },
    unclosedQuote: (key: string, quote: string) => ({
      reason: `the quote ${quote} in the value of "${key}" is never closed`,
      fix: `add a closing ${quote} at the end of the value; write quotes inside the text as “…”`,
    }),
    textAfterQuote: (key: string) => ({
      reason: `the value of "${key}" goes on after its closing quote`,
      fix: 'put the whole value in "…" and write quotes inside the text as “…”',
    }),
    indentation: {
      reason: 'the line is indented differently from the lines before it',
      fix: 'keys of one level start in the same column: title, date, region, teaser at the very left; src and alt under image: with two spaces',
    },
    duplicateKey: (key: string) => ({
      reason: `the key "${key}" appears twice in the frontmatter`,
      fix: 'delete one of the two lines',
    }),
  },
  didYouMean: (name: string) => `did you mean "${name}"? File names are case-sensitive`,
  dateMismatch: (fileDay: string, day: string) => ({
    reason: `the file name starts with ${fileDay}, but date says ${day}`,
    fix: `make date and the file name agree (the address follows date: /${day.slice(0, 4)}/${day.slice(5)}-…/)`,
  }),
  placeholder: (text: string) => ({
    reason: `the placeholder "${text}" is still in the text and would be published`,
    fix: 'replace the placeholder with the real text',
  }),
  addressChanged: (from: string, to: string) => ({
    reason: `the article's address changed: ${from} → ${to}; without a redirect the old address would answer 404`,
    fix: (aliasLine: string) => `add to the frontmatter (redirects the old address):\n${aliasLine}`,
  }),
  addressGone: (from: string) => ({
    reason: `the article is gone; its address ${from} would answer 404`,
    fix: (aliasLine: string) => `if another article replaces it, add to that article's frontmatter:\n${aliasLine}`,
  }),
  warningsStrict: 'with --strict, warnings count as errors',
  overlay: {
    configTitle: 'Stadtbote: error in the configuration',
    contentTitle: (errors: number) => `Stadtbote: ${errors} content error${errors === 1 ? '' : 's'} – the page shows the last good build`,
    hint: 'The page reloads when the corrected file is saved.',
    close: 'Close',
    notFoundTitle: 'Not found',
    notFoundText: 'This page does not exist (yet).',
    hostRefused: (host: string) => `The preview does not answer under the name "${host}". Open it via http://localhost or 127.0.0.1.`,
  },
};
