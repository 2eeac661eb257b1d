import type { WorkerTask } from './messages.js';
import { Renderer } from './renderer.js';
import type { SourceResult } from '../model/types.js';
import { markSourceStart } from './budget.js';

let renderer: Renderer | undefined;
let rendererKey = '';

/** Worker-thread entry: the renderer is built once per thread and reused for every task. */
export default function runTask(task: WorkerTask): SourceResult[] | string[] {
  if (!renderer || rendererKey !== task.contextKey) {
    renderer = new Renderer(task.context);
    rendererKey = task.contextKey;
  }
  const r = renderer;
  // The render budget's watchdog reads which source runs since when (render/budget.ts).
  if (task.kind === 'sources') return task.sources.map((s, i) => (markSourceStart(task.progress, i), r.renderSource(s)));
  return task.pages.map((p) => r.renderPage(p.template, p.chrome, p.data));
}
