import type { SourceFile } from '../model/types.js';
import type { ArticleLinks, TemplateJob } from '../theme/views.js';
import type { RenderContext } from './renderer.js';
import type { ProgressSlot } from './budget.js';

/**
 * What the render pool sends to its worker threads and what they answer: its own module so that
 * the pool (main thread) and the worker (thread entry) both depend on it and not on each other.
 */

/** One batch for a worker thread; `contextKey` says whether its renderer can be reused. */
export type WorkerTask =
  | {
      readonly kind: 'sources';
      readonly contextKey: string;
      readonly context: RenderContext;
      readonly sources: readonly SourceFile[];
      /** Per source, what its article page is predicted to link to (build/predicted-links.ts): the page is finished in the thread. */
      readonly articleLinks?: readonly (ArticleLinks | undefined)[];
      readonly progress?: ProgressSlot;
    }
  | { readonly kind: 'pages'; readonly contextKey: string; readonly context: RenderContext; readonly pages: readonly TemplateJob[] };
