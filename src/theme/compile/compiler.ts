import type { Liquid, LookupType, Template } from 'liquidjs';
import { Context } from '../../util/vendor.js';
import { TagCompiler } from './tags.js';
import type { Render } from './partials.js';
import { isObject, State, Unsupported, type Out, type Scope } from './runtime.js';

/** LiquidJS options whose effects are not compiled (the Theme sets none of them): with any on, LiquidJS renders. */
const UNCOMPILED_OPTIONS = ['strictVariables', 'lenientIf', 'keepOutputType', 'catchAllErrors', 'groupedExpressions', 'orderedFilterParameters'] as const;

/** A compiled template: the data of one page in, its HTML out. */
export type CompiledTemplate = (data: object) => string;

/**
 * Compiles LiquidJS's parsed templates for one `Liquid` instance (its options, filters and file
 * lookup). Partials and layouts are parsed by LiquidJS (its cache, its folders) and compiled on
 * first use. `compile` throws `Unsupported` for what it does not translate; rendering can throw it
 * too (a partial first reached at render time) — callers then render with LiquidJS.
 */
export class LiquidCompiler {
  private readonly tags: TagCompiler;
  private readonly files = new Map<string, Render>();
  private readonly globals: Scope;
  private readonly own: boolean;

  constructor(private readonly liquid: Liquid) {
    const context = new Context({}, liquid.options, { sync: true }, { liquid });
    this.tags = new TagCompiler(liquid, context, (name, lookup) => this.file(name, lookup));
    this.globals = liquid.options.globals as Scope;
    this.own = liquid.options.ownPropertyOnly;
  }

  compile(templates: readonly Template[]): CompiledTemplate {
    const options = this.liquid.options as unknown as Record<string, unknown>;
    for (const option of UNCOMPILED_OPTIONS) if (options[option]) throw new Unsupported(`option ${option}`);
    const render = this.tags.templates(templates);
    return (data) => {
      const env = (isObject(data) ? data : Object(data)) as Scope;
      const out: Out = { s: '' };
      render(new State(env, this.globals, this.own), out);
      return out.s;
    };
  }

  private file(name: string, lookup: LookupType): Render {
    const key = `${lookup}\u0000${name}`;
    let render = this.files.get(key);
    if (!render) {
      render = this.tags.templates(this.liquid.parseFileSync(name, lookup));
      this.files.set(key, render);
    }
    return render;
  }
}
