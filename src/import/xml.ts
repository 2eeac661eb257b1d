import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportMessages } from '../i18n/import.js';
import { failImport } from './problems.js';

/** A parsed XML element: attributes as `@_name`, text as `#text`, children by their qualified name. */
export type XmlNode = Record<string, unknown>;

/** Elements that may repeat in feeds and WordPress exports; always read as lists. */
const REPEATING = new Set(['item', 'entry', 'category', 'link', 'wp:postmeta', 'wp:category', 'wp:tag', 'wp:term', 'wp:author', 'media:content', 'enclosure', 'wp:comment']);

/**
 * Atom `content`/`summary` of type `xhtml` is markup inside the XML: kept as raw text, so that the
 * HTML keeps its order (a JSON-like tree loses the order of mixed text and elements).
 */
const RAW = ['feed.entry.content', 'feed.entry.summary'];

/** Parses XML with fast-xml-parser after validating it, so broken XML is a message with line and column. */
export function parseXml(text: string, display: string, t: ImportMessages): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    // "Invalid '["rss","channel"]' found": the validator's words for elements left open at the end.
    const open = /^Invalid '\[(.*)\]' found/s.exec(msg)?.[1];
    const detail = open ? t.unclosed(open.replace(/\s+/g, '').replace(/"/g, '').split(',').map((e) => `<${e}>`).join(', ')) : msg;
    const at = open ? { line: text.split('\n').length, column: 1 } : { line, column: col };
    failImport(display, t.brokenXml(detail), t.brokenXmlFix, 'import-broken-xml', at);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // DOCTYPE entities are expanded with the parser's limits (no "billion laughs").
    processEntities: { enabled: true, maxEntitySize: 10_000, maxExpandedLength: 1_000_000, maxEntityCount: 100 },
    // Numeric character references (`&#60;`, `&#x3C;`) are XML, but fast-xml-parser decodes them only with this.
    htmlEntities: true,
    stopNodes: RAW,
    isArray: (name) => REPEATING.has(name),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (err) {
    return failImport(display, t.brokenXml((err as Error).message), t.brokenXmlFix, 'import-broken-xml');
  }
}

/**
 * The text of a raw (stop-node) element whose content is escaped or CDATA text (Atom `type="html"`
 * or `"text"`): parsed again as the content of an element, which decodes entities and CDATA.
 */
export function decodeXmlText(raw: string): string {
  const parser = new XMLParser({ parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: true, textNodeName: '#text' });
  return textOf((parser.parse(`<x>${raw}</x>`) as XmlNode).x);
}

/** Text content of an element that may be a string, a `{ '#text' }` node or missing. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return '';
}

export function attrOf(value: unknown, name: string): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) return textOf((value as XmlNode)[`@_${name}`]);
  return '';
}

export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
