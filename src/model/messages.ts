import { messagesDe, type MessageCatalogue } from '../i18n/messages-de.js';
import { messagesEn } from '../i18n/messages-en.js';
import type { RuleId } from './rules.js';

export type { MessageCatalogue } from '../i18n/messages-de.js';

/** The languages a site can be written in (`language:` in the config); German by default. */
export type Language = 'de' | 'en';

/**
 * The catalogue is keyed by rule id. i18n/ sits below model/ and cannot import `RuleId`, so the
 * check is made here: a rule id without messages, or messages for an id that is not registered,
 * makes this line fail to compile.
 */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const keyedByRuleId: SameKeys<keyof MessageCatalogue['rules'], RuleId> = true;
void keyedByRuleId;

/** One problem's words: why, and what to do. */
export interface ProblemText {
  readonly reason: string;
  readonly fix?: string;
}

/** The messages in the site's language: English for `language: en`, German for anything else. */
export function messages(language: string | undefined): MessageCatalogue {
  return language === 'en' ? messagesEn : messagesDe;
}

/** The messages' rule part: `rulesIn(language)['missing-image'].body({ … })` gives reason and fix. */
export function rulesIn(language: string | undefined): MessageCatalogue['rules'] {
  return messages(language).rules;
}

/**
 * The language of messages before a site's config is read (a missing config, a command-line
 * mistake): `STADTBOTE_LANG=en` asks for English, anything else is German. LANG is not used on
 * purpose: build machines and CI runners usually say en_US whatever language their sites are in.
 */
export function defaultLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return env.STADTBOTE_LANG?.toLowerCase().startsWith('en') ? 'en' : 'de';
}
