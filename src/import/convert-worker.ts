import { importMessages } from '../i18n/import.js';
import { toMdast, type Converted } from './convert.js';
import type { SourceItem } from './types.js';

export interface ConvertTask {
  readonly language: string;
  readonly bodies: readonly ConvertInput[];
}

export type ConvertInput = Pick<SourceItem, 'body' | 'autoParagraphs' | 'leadFigureIsImage'>;

/** One body to mdast, without positions: they mean nothing in the new file and would only be copied between threads. */
export function convertBody(input: ConvertInput, language: string): Converted {
  const converted = toMdast(input.body, { autoParagraphs: input.autoParagraphs ?? false, leadFigure: input.leadFigureIsImage ?? false }, importMessages(language));
  const stack: object[] = [converted.tree];
  while (stack.length > 0) {
    const node = stack.pop() as { position?: unknown; children?: object[] };
    delete node.position;
    if (node.children) stack.push(...node.children);
  }
  return converted;
}

/** Worker-thread entry: converts a batch of bodies. */
export default function convertBatch(task: ConvertTask): Converted[] {
  return task.bodies.map((body) => convertBody(body, task.language));
}
