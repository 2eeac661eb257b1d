import { createRequire } from 'node:module';

import type { AttachmentData, ContactData } from '../model/types.js';
import { describe, type FieldChecker } from './field-checker.js';

type PhoneNumbers = typeof import('libphonenumber-js/min');
let phoneNumbers: PhoneNumbers | undefined;
/**
 * The CommonJS build of the same package (23 ms to load where its 93 ES modules take 60 ms), loaded
 * by the first phone number checked: a build that takes its sources from the cache checks none.
 */
function parsePhoneNumberFromString(...args: Parameters<PhoneNumbers['parsePhoneNumberFromString']>): ReturnType<PhoneNumbers['parsePhoneNumberFromString']> {
  phoneNumbers ??= createRequire(import.meta.url)('libphonenumber-js/min') as PhoneNumbers;
  return phoneNumbers.parsePhoneNumberFromString(...args);
}

const CONTACT_KEYS = ['name', 'role', 'phone', 'email'];
const ATTACHMENT_KEYS = ['src', 'title'];

/**
 * The HTML standard's "valid e-mail address" (what `<input type=email>` accepts): the practical
 * subset of RFC 5322 that a `mailto:` link carries without escaping. Hand-written because the
 * standard defines it as exactly this expression.
 */
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

function listOf(check: FieldChecker, field: string, value: unknown, example: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    check.say('invalid-type', field, (t) => t.notList({ field, found: describe(value, check.language), example }));
    return [];
  }
  return value;
}

function mappingOf(check: FieldChecker, field: string, value: unknown, known: readonly string[], example: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    check.say('invalid-type', field, (t) => t.notMapping({ field, found: describe(value, check.language), example }));
    return undefined;
  }
  const map = value as Record<string, unknown>;
  for (const key of Object.keys(map)) {
    if (!known.includes(key)) check.say('unknown-key', `${field}.${key}`, (t) => t.unknown({ key: `${field}.${key}`, known: known.join(', ') }), 'warning');
  }
  return map;
}

/** `topics: [Verkehr, Gesundheit]`: names, each once; whether the config knows them is checked site-wide (checks/topics.ts). */
export function validateTopics(check: FieldChecker, value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : listOf(check, 'topics', value, 'topics:\n  - Verkehr\n  - Gesundheit');
  const topics: string[] = [];
  list.forEach((item, i) => {
    const topic = check.text(`topics.${i}`, item, true);
    if (topic === undefined) return;
    if (topics.includes(topic)) check.say('invalid-field', `topics.${i}`, (t) => t.topicTwice({ topic }), 'warning');
    else topics.push(topic);
  });
  return topics;
}

/**
 * A phone number as written (`0331 289-1234`, `+49 331 289-1234`) and as a `tel:` URI. Numbers
 * without a country code are read as German ones: a `tel:` URI needs the global form (RFC 3966),
 * and libphonenumber knows which digits make a possible number in each country.
 */
export function phoneUri(phone: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone, 'DE');
  return parsed && parsed.isPossible() ? parsed.getURI() : undefined;
}

/** `contact:` the press contact: name (required), role, phone, email. */
export function validateContact(check: FieldChecker, value: unknown): ContactData | undefined {
  if (value === undefined || value === null) return undefined;
  const example = 'contact:\n  name: Erika Muster\n  role: Pressestelle\n  phone: "+49 331 289-1234"\n  email: presse@example.org';
  const map = mappingOf(check, 'contact', value, CONTACT_KEYS, example);
  if (!map) return undefined;
  const name = check.text('contact.name', map.name, true);
  const role = check.text('contact.role', map.role, false);
  const phone = check.text('contact.phone', map.phone, false);
  const email = check.text('contact.email', map.email, false);
  let uri: string | undefined;
  if (phone !== undefined) {
    uri = phoneUri(phone);
    if (uri === undefined) check.say('invalid-field', 'contact.phone', (t) => t.phone({ phone }));
  }
  if (email !== undefined && !EMAIL.test(email)) check.say('invalid-field', 'contact.email', (t) => t.email({ email }));
  if (name === undefined) return undefined;
  return { name, ...(role ? { role } : {}), ...(phone && uri ? { phone, phoneUri: uri } : {}), ...(email && EMAIL.test(email) ? { email } : {}) };
}

/** `attachments:` downloads, each `{ src, title }`; whether the file exists is checked when the page is rendered. */
export function validateAttachments(check: FieldChecker, value: unknown): AttachmentData[] {
  const example = 'attachments:\n  - src: antrag.pdf\n    title: Antragsformular';
  const result: AttachmentData[] = [];
  listOf(check, 'attachments', value, example).forEach((item, i) => {
    const map = mappingOf(check, `attachments.${i}`, item, ATTACHMENT_KEYS, example);
    if (!map) return;
    const src = check.text(`attachments.${i}.src`, map.src, true);
    const title = check.text(`attachments.${i}.title`, map.title, true);
    if (src !== undefined && title !== undefined) result.push({ src, title });
  });
  return result;
}
