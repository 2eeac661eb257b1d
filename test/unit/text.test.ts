import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER, CONTROL_CHARACTER_IN_TEXT, LONE_SURROGATE, normalizeNewlines, NOT_XML_CHARACTER } from '../../src/util/text.js';

// The character sets as they were written before, as code-unit ranges: the named sets must match them exactly.
const OLD_TEXT_FIELD = new RegExp('[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]');
const OLD_NOT_XML = new RegExp('[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]', 'g');
const OLD_LONE_SURROGATE = new RegExp('[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]', 'g');

const everyCodeUnit = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i));

describe('normalizeNewlines', () => {
  it.each([
    ['a\r\nb', 'a\nb'],
    ['a\rb\r\r\nc', 'a\nb\n\nc'],
    ['\uFEFF---\r\n', '---\n'],
    ['x\uFEFF', 'x\uFEFF'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(normalizeNewlines(input)).toBe(output);
  });
});

describe('character sets', () => {
  it('CONTROL_CHARACTER_IN_TEXT is every control character except tab and line feed', () => {
    for (const c of everyCodeUnit) expect(CONTROL_CHARACTER_IN_TEXT.test(c), c.charCodeAt(0).toString(16)).toBe(OLD_TEXT_FIELD.test(c));
  });

  it('CONTROL_CHARACTER is C0, DEL and C1', () => {
    const hits = everyCodeUnit.filter((c) => CONTROL_CHARACTER.test(c)).map((c) => c.charCodeAt(0));
    expect(hits).toEqual([...Array.from({ length: 0x20 }, (_, i) => i), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)]);
  });

  it('NOT_XML_CHARACTER drops exactly what it did as code-unit ranges, surrogate pairs kept', () => {
    const samples = [...everyCodeUnit, '\ud83d\ude00', 'a\ud83d', '\ude00b', '\ud83d\ud83d\ude00', '\ude00\ud83d'];
    for (const s of samples) expect(s.replace(NOT_XML_CHARACTER, ''), s.charCodeAt(0).toString(16)).toBe(s.replace(OLD_NOT_XML, ''));
  });

  it('LONE_SURROGATE finds only unpaired halves', () => {
    for (const s of ['\ud83d\ude00', 'a\ud83d', '\ude00b', '\ud83d\ud83d\ude00', '\ude00\ud83d', 'ok']) {
      expect(s.replace(LONE_SURROGATE, '')).toBe(s.replace(OLD_LONE_SURROGATE, ''));
    }
  });
});
