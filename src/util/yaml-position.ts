import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { isMap, isScalar, isSeq } from './vendor.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Where a key starts in a parsed YAML document, for messages: `region`, or dotted for nested keys
 * and list items (`image.alt`, `aliases.2`). When the path goes deeper than the document, the
 * deepest key that is there (an `image.alt` that is missing points at `image`); undefined when not
 * even the first key is there. `counter` is the LineCounter the document was parsed with.
 */
export function keyPosition(doc: Document, counter: LineCounter, field: string): Position | undefined {
  const { keyNode } = keyLookup(doc, field);
  if (!keyNode?.range) return undefined;
  const pos = counter.linePos(keyNode.range[0]);
  return { line: pos.line, column: pos.col };
}

/**
 * The deepest key (or list item) of a dotted field that is in the document, and the value node when
 * all of the field is there (`value` undefined otherwise).
 */
export function keyLookup(doc: Document, field: string): { keyNode?: YamlNode; value?: unknown } {
  let node: unknown = doc.contents;
  let keyNode: YamlNode | undefined;
  for (const part of field.split('.')) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
      if (!pair) return { keyNode };
      keyNode = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)];
      if (!item) return { keyNode };
      keyNode = item as YamlNode;
      node = item;
    } else return { keyNode };
  }
  return { keyNode, value: node };
}
