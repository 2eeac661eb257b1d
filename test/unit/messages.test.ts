import { describe, expect, it } from 'vitest';
import { messagesDe } from '../../src/i18n/messages-de.js';
import { messagesEn } from '../../src/i18n/messages-en.js';
import { RULES } from '../../src/model/rules.js';

/**
 * The message catalogue (src/i18n/messages-de.ts, messages-en.ts): every registered rule has its
 * words in German and in English, every line of the command line too, and the two languages are
 * really two. The type already refuses a missing id; this walks the values.
 */

/** Sample values for any message parameter: a text, since parameters are only interpolated or compared. */
const SAMPLE = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? `«${key}»` : undefined) });

/** Every text a catalogue part gives, by its dotted path: strings as they are, functions called with the sample. */
function texts(part: unknown, at: string): [string, unknown][] {
  if (typeof part === 'string') return [[at, part]];
  if (typeof part === 'function') return [[at, (part as (p: unknown) => unknown)(SAMPLE)]];
  if (part && typeof part === 'object') return Object.entries(part).flatMap(([k, v]) => texts(v, `${at}.${k}`));
  return [[at, part]];
}

/** The reasons and fixes of one rule in one language: each message function's result. */
function ruleTexts(catalogue: typeof messagesDe, id: string): { name: string; reason: string; fix?: string }[] {
  const entry = (catalogue.rules as Record<string, Record<string, (p: unknown) => { reason: string; fix?: string }>>)[id] ?? {};
  return Object.entries(entry).map(([name, say]) => ({ name, ...say(SAMPLE) }));
}

/** A text that leaks a template's insides: an empty `{}` or `${…}`, `undefined`, `[object …]`, `NaN`. */
const LEAK = /\{\s*\}|\$\{|\bundefined\b|\[object |\bNaN\b/;

describe('message catalogue', () => {
  const ids = Object.keys(RULES);

  it.each(ids)('%s has a German and an English reason for each of its messages', (id) => {
    const de = ruleTexts(messagesDe, id);
    const en = ruleTexts(messagesEn, id);
    expect(de.length, `${id} has no German message`).toBeGreaterThan(0);
    expect(en.map((m) => m.name)).toEqual(de.map((m) => m.name));
    for (const [i, g] of de.entries()) {
      const e = en[i]!;
      for (const [lang, m] of [['de', g], ['en', e]] as const) {
        expect(m.reason.trim().length, `${id}.${m.name} (${lang}) has an empty reason`).toBeGreaterThan(3);
        expect(m.reason, `${id}.${m.name} (${lang})`).not.toMatch(LEAK);
        if (m.fix !== undefined) expect(m.fix, `${id}.${m.name} (${lang})`).not.toMatch(LEAK);
      }
      // A fix in one language is a fix in the other; one that is only an echo of a parameter may match.
      expect(e.fix === undefined, `${id}.${g.name}: fix in one language only`).toBe(g.fix === undefined);
      if (!/^«\w+»$/.test(g.reason)) expect(g.reason, `${id}.${g.name}: German reason equals the English one`).not.toBe(e.reason);
      if (g.fix !== undefined && !/^«\w+»$/.test(g.fix)) expect(g.fix, `${id}.${g.name}: German fix equals the English one`).not.toBe(e.fix);
    }
  });

  it('has no messages for ids that are not registered', () => {
    expect(Object.keys(messagesDe.rules).sort()).toEqual([...ids].sort());
    expect(Object.keys(messagesEn.rules).sort()).toEqual([...ids].sort());
  });

  it('gives every command-line and overlay line in both languages, German ones differing from English ones', () => {
    const de = texts(messagesDe.ui, 'ui');
    const en = new Map(texts(messagesEn.ui, 'ui'));
    expect(de.length).toBeGreaterThan(30);
    expect([...en.keys()].sort()).toEqual(de.map(([k]) => k).sort());
    // Words that are the same in both languages: the folder static/, an action name used as a key.
    const same = new Set(['ui.folders.static', 'ui.build.cache']);
    for (const [key, text] of de) {
      expect(typeof text, key).toBe('string');
      expect((text as string).length, key).toBeGreaterThan(0);
      expect(text as string, key).not.toMatch(LEAK);
      expect(en.get(key) as string, key).not.toMatch(LEAK);
      if (!same.has(key)) expect(text, `${key} is the same in German and English`).not.toBe(en.get(key));
    }
  });

  it('writes German with German quotation marks and no English reason words', () => {
    for (const id of ids) {
      for (const m of ruleTexts(messagesDe, id)) {
        expect(m.reason, `${id}.${m.name}`).not.toMatch(/\b(?:is not|does not|must be|cannot|which|the file)\b/);
      }
    }
  });
});
