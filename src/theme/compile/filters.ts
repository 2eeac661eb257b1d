import type { Context, Liquid, Value } from 'liquidjs';
import { settle, Unsupported, type State } from './runtime.js';

/**
 * Filter chains compiled once: each filter's handler is LiquidJS's own (the `Filter` the parser
 * resolved from `liquid.filters`), called with the `this` LiquidJS gives it ({ context, token,
 * liquid }), so every filter keeps LiquidJS's semantics; only the generator plumbing around it is gone.
 */

export type Evaluate = (state: State) => unknown;

/** The fields of LiquidJS's `Filter` read here (`handler` and `token` are private in its typings). */
interface FilterFields {
  readonly name: string;
  readonly raw: boolean;
  readonly args: readonly unknown[];
  readonly handler: (this: unknown, ...args: unknown[]) => unknown;
  readonly token: unknown;
}

/**
 * Filters that evaluate an expression against the *current* scope (`where_exp`, `group_by_exp`, …
 * push onto `this.context`): a shared context cannot stand in for the render's, so they are not compiled.
 */
function readsRenderScope(name: string): boolean {
  return name.endsWith('_exp');
}

export interface FilterEnv {
  readonly liquid: Liquid;
  /** A context for filters' `this.context` (options, memory limit, `spawn`); filters that need the render's scope are excluded above. */
  readonly context: Context;
  readonly compileToken: (token: unknown) => Evaluate;
}

type Apply = (value: unknown, state: State) => unknown;

/** A text the `escape` filter would change. */
const NEEDS_ESCAPE = /[&<>"']/;

function compileFilter(filter: FilterFields, env: FilterEnv): Apply {
  if (readsRenderScope(filter.name)) throw new Unsupported(`filter ${filter.name}`);
  const self = { context: env.context, token: filter.token, liquid: env.liquid };
  const handler = filter.handler;
  if (handler === env.liquid.filters['escape'] && filter.args.length === 0) {
    // LiquidJS's `escape`, which ends every `{{ }}` (the output escape LiquidJS appends goes by the
    // function, not by its name), replaces through a callback even in a text with nothing to replace
    // (10,000 article pages: 0.12 s). A string without `&<>"'` comes back as it is, counted against
    // the memory limit as LiquidJS counts it; anything else goes to the filter.
    const limit = env.context.memoryLimit;
    return (value) => {
      if (typeof value !== 'string' || NEEDS_ESCAPE.test(value)) return settle(handler.call(self, value));
      limit.use(value.length);
      return value;
    };
  }
  // An argument is a token, or [name, token] for keyword arguments (`| sort_natural: key: 'x'`).
  const args = filter.args.map((arg) => {
    if (Array.isArray(arg)) {
      const key = arg[0] as string;
      const evaluate = env.compileToken(arg[1]);
      return (state: State): unknown => [key, evaluate(state)];
    }
    return env.compileToken(arg);
  });
  if (args.length === 0) return (value) => settle(handler.call(self, value));
  if (args.length === 1) {
    const first = args[0]!;
    return (value, state) => settle(handler.call(self, value, first(state)));
  }
  return (value, state) => settle(handler.apply(self, [value, ...args.map((arg) => arg(state))]));
}

/** `Value.value`: the initial expression, then each filter in turn. */
export function compileValue(value: Value, env: FilterEnv, initial: Evaluate): Evaluate {
  const filters = (value.filters as unknown as FilterFields[]).map((filter) => compileFilter(filter, env));
  if (filters.length === 0) return initial;
  if (filters.length === 1) {
    const only = filters[0]!;
    return (state) => only(initial(state), state);
  }
  return (state) => {
    let result = initial(state);
    for (const apply of filters) result = apply(result, state);
    return result;
  };
}

/** Whether a value's last filter is `raw` (then the output is not escaped). */
export function endsRaw(value: Value): boolean {
  const filters = value.filters as unknown as FilterFields[];
  return filters.length > 0 && filters[filters.length - 1]!.raw;
}
