import { editorMessages } from '../i18n/editor.js';
import type { Problem } from '../model/problem.js';
import { formatProblem, location } from '../report/format.js';
import type { OverlayProblem } from './client.js';

/** What the browser overlay shows while the last build failed, in the site's language. */
export function overlayPayload(problems: readonly Problem[], config: boolean, language: string | undefined): string {
  const t = editorMessages(language).overlay;
  const shown: OverlayProblem[] = problems.map((p) => ({ location: location(p), text: formatProblem(p), severity: p.severity }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return JSON.stringify({ title: config ? t.configTitle : t.contentTitle(errors), problems: shown, hint: t.hint, close: t.close });
}

/** The page for a path the site does not have, when the site has no 404 page of its own. */
export function fallbackNotFound(language: string | undefined): string {
  const t = editorMessages(language).overlay;
  const lang = language === 'en' ? 'en' : 'de';
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${t.notFoundTitle}</title></head><body><h1>${t.notFoundTitle}</h1><p>${t.notFoundText}</p></body></html>`;
}
