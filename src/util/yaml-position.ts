import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';

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
  let node: unknown = doc.contents;
  let keyNode: YamlNode | undefined;
  for (const part of field.split('.')) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
      if (!pair) break;
      keyNode = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)];
      if (!item) break;
      keyNode = item as YamlNode;
      node = item;
    } else break;
  }
  if (!keyNode?.range) return undefined;
  const pos = counter.linePos(keyNode.range[0]);
  return { line: pos.line, column: pos.col };
}
