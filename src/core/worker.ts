import { Renderer, type RenderContext } from './render.js';
import type { SourceFile, SourceResult } from './types.js';

export interface RenderTask {
  readonly contextKey: string;
  readonly context: RenderContext;
  readonly sources: readonly SourceFile[];
}

let renderer: Renderer | undefined;
let rendererKey = '';

/** Worker-thread entry: the renderer is built once per thread and reused for every task. */
export default function renderTask(task: RenderTask): SourceResult[] {
  if (!renderer || rendererKey !== task.contextKey) {
    renderer = new Renderer(task.context);
    rendererKey = task.contextKey;
  }
  const r = renderer;
  return task.sources.map((s) => r.renderSource(s));
}
