import type { WorkerTask } from './messages.js';
import { Renderer } from './renderer.js';
import { MarkdownStage } from './markdown-stage.js';
import type { SourceResult } from '../model/types.js';
import { markSourceStart } from './budget.js';
import { move } from 'piscina';
import { packResults } from './transfer.js';

let renderer: Renderer | undefined;
let rendererKey = '';

/**
 * Worker-thread entry: the renderer is built once per thread and reused for every task. The batch's
 * results go back packed in one moved buffer (render/transfer.ts says why).
 */
export default function runTask(task: WorkerTask): ReturnType<typeof move> {
  if (!renderer || rendererKey !== task.contextKey) {
    renderer = new Renderer(task.context);
    // Threads render what the Markdown cache does not have: they parse.
    renderer.useMarkdownStage(MarkdownStage);
    rendererKey = task.contextKey;
  }
  const r = renderer;
  // The render budget's watchdog reads which source runs since when (render/budget.ts).
  const results: SourceResult[] | string[] =
    task.kind === 'sources' ? task.sources.map((s, i) => (markSourceStart(task.progress, i), r.renderSource(s, task.articleLinks?.[i]))) : task.pages.map((p) => r.renderPage(p.template, p.chrome, p.data));
  return move(packResults(results));
}
