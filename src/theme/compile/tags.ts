import type { Context, Liquid, Template, Value } from 'liquidjs';
import {
  AssignTag, BlockTag, BreakTag, CaptureTag, CaseTag, CommentTag, ContinueTag, EchoTag, ForTag, IfTag, IncludeTag,
  InlineCommentTag, isFalsy, LayoutTag, LiquidTag, Output, RawTag, RenderTag, TokenKind, UnlessTag,
} from '../../util/vendor.js';
import { ExpressionCompiler } from './expressions.js';
import { compileValue, endsRaw, type Evaluate, type FilterEnv } from './filters.js';
import { compileBlock, compileHash, compileInclude, compileLayout, compileRender, type Render, type TagEnv } from './partials.js';
import { createScope, ForloopDrop, stringify, toEnumerable, toValue, truthiness, Unsupported, type Out, type State } from './runtime.js';

/**
 * LiquidJS's parsed templates (HTML, outputs and the standard tags) compiled into closures that
 * write to one string. A tag is recognised by its exact class: a custom tag, or one of the few tags
 * not compiled here (`cycle`, `increment`, `decrement`, `tablerow`), throws `Unsupported` and the
 * template is rendered by LiquidJS instead.
 */

type Branch = { value: Value; templates: Template[]; test?: (value: unknown) => boolean };

export class TagCompiler {
  readonly expressions: ExpressionCompiler;
  private readonly filterEnv: FilterEnv;
  private readonly truthy: (value: unknown) => boolean;
  private readonly escape: ((this: unknown, value: unknown) => unknown) | undefined;
  private readonly tagEnv: TagEnv;

  constructor(
    private readonly liquid: Liquid,
    private readonly context: Context,
    file: TagEnv['file'],
  ) {
    this.expressions = new ExpressionCompiler(liquid, context);
    this.filterEnv = { liquid, context, compileToken: (token) => this.expressions.token(token) };
    this.truthy = truthiness(liquid.options.jsTruthy);
    this.escape = liquid.options.outputEscape as ((this: unknown, value: unknown) => unknown) | undefined;
    this.tagEnv = { expressions: this.expressions, templates: (templates) => this.templates(templates), file };
  }

  /** `Render.renderTemplates`: in order, stopping after a `break`/`continue` as LiquidJS does. */
  templates(templates: readonly Template[]): Render {
    const parts = templates.map((template) => this.template(template));
    if (parts.length === 1) return parts[0]!;
    return (state, out) => {
      for (const part of parts) {
        part(state, out);
        if (state.breakCalled || state.continueCalled) break;
      }
    };
  }

  value(value: Value): Evaluate {
    return compileValue(value, this.filterEnv, this.expressions.expression(value.initial));
  }

  private template(template: Template): Render {
    const fields = template as unknown as { str?: unknown; token: { kind: number } };
    if (fields.token.kind === TokenKind.HTML && typeof fields.str === 'string') {
      const html = fields.str;
      return (_state, out) => void (out.s += html);
    }
    const type = template.constructor;
    if (type === Output) {
      // The parser already appended the `escape` filter unless `raw` ends the chain.
      const value = this.value((template as Output).value);
      return (state, out) => void (out.s += stringify(toValue(value(state))));
    }
    if (type === IfTag) return this.branches((template as unknown as { branches: Branch[] }).branches, (template as IfTag).elseTemplates ?? []);
    if (type === UnlessTag) return this.branches((template as unknown as { branches: Branch[] }).branches, (template as unknown as { elseTemplates: Template[] }).elseTemplates);
    if (type === ForTag) return this.forLoop(template as ForTag);
    if (type === CaseTag) return this.caseTag(template as unknown as { value: Value; branches: { values: unknown[]; templates: Template[] }[]; elseTemplates: Template[] });
    if (type === AssignTag) return this.assign(template as unknown as { key: string; value: Value });
    if (type === CaptureTag) return this.capture(template as unknown as { variable: string; templates: Template[] });
    if (type === EchoTag) return this.echo((template as unknown as { value?: Value }).value);
    if (type === RawTag) {
      const text = (template as unknown as { tokens: { getText(): string }[] }).tokens.map((token) => token.getText()).join('');
      return (_state, out) => void (out.s += text);
    }
    if (type === CommentTag || type === InlineCommentTag) return () => undefined;
    if (type === BreakTag) return (state) => void (state.breakCalled = true);
    if (type === ContinueTag) return (state) => void (state.continueCalled = true);
    if (type === LiquidTag) return this.templates((template as unknown as { templates: Template[] }).templates);
    if (type === RenderTag) return compileRender(template as never, this.tagEnv);
    if (type === IncludeTag) {
      if (this.liquid.options.jekyllInclude) throw new Unsupported('jekyllInclude');
      return compileInclude(template as never, this.tagEnv);
    }
    if (type === LayoutTag) return compileLayout(template as never, this.tagEnv);
    if (type === BlockTag) return compileBlock(template as never, this.tagEnv);
    throw new Unsupported(`tag ${(template as { name?: string }).name ?? type.name}`);
  }

  /** `if`/`elsif`/`else` and `unless` (whose first branch is taken when its value is falsy). */
  private branches(branches: readonly Branch[], elseTemplates: readonly Template[]): Render {
    const truthy = this.truthy;
    const compiled = branches.map((branch) => ({
      value: this.value(branch.value),
      negate: branch.test === isFalsy,
      body: this.templates(branch.templates),
    }));
    const otherwise = this.templates(elseTemplates);
    return (state, out) => {
      for (const branch of compiled) {
        if (truthy(branch.value(state)) !== branch.negate) {
          branch.body(state, out);
          return;
        }
      }
      otherwise(state, out);
    };
  }

  private forLoop(tag: ForTag): Render {
    const collection = this.expressions.token(tag.collection);
    const hashTokens = tag.hash.hash;
    const hash = compileHash(tag.hash, this.tagEnv);
    const hasHash = Object.keys(hashTokens).length > 0;
    const body = this.templates(tag.templates);
    const otherwise = this.templates(tag.elseTemplates);
    const collectionText = tag.collection.getText();
    const continueKey = `continue-${tag.variable}-${collectionText}`;
    const variable = tag.variable;
    return (state, out) => {
      let items = toEnumerable(collection(state));
      if (!items.length) {
        otherwise(state, out);
        return;
      }
      let modifiers: Record<string, unknown> = {};
      if (hasHash) {
        // `offset: continue` reads where the last loop over the same collection stopped.
        state.frames.push(createScope({ continue: ((state.registers[continueKey] as object | undefined) ||= {}) }));
        modifiers = hash(state);
        state.frames.pop();
        if (modifiers['offset'] !== undefined) items = items.slice(modifiers['offset'] as number);
        if (modifiers['limit'] !== undefined) items = items.slice(0, modifiers['limit'] as number);
        if (modifiers['reversed'] !== undefined) items = [...items].reverse();
      }
      state.registers[continueKey] = ((modifiers['offset'] as number) || 0) + items.length;
      const forloop = new ForloopDrop(items.length, collectionText, variable);
      const scope = createScope({ forloop });
      state.frames.push(scope);
      for (const item of items) {
        scope[variable] = item;
        state.continueCalled = state.breakCalled = false;
        body(state, out);
        if (state.breakCalled) break;
        forloop.next();
      }
      state.continueCalled = state.breakCalled = false;
      state.frames.pop();
    };
  }

  private caseTag(tag: { value: Value; branches: { values: unknown[]; templates: Template[] }[]; elseTemplates: Template[] }): Render {
    const target = this.value(tag.value);
    const equals = this.expressions.equality();
    const branches = tag.branches.map((branch) => ({ values: branch.values.map((token) => this.expressions.token(token)), body: this.templates(branch.templates) }));
    const otherwise = this.templates(tag.elseTemplates);
    return (state, out) => {
      const wanted = toValue(target(state));
      let hit = false;
      // Every `when` that matches renders, as in LiquidJS (only the inner loop stops at a match).
      for (const branch of branches) {
        for (const value of branch.values) {
          if (equals(wanted, value(state))) {
            branch.body(state, out);
            hit = true;
            break;
          }
        }
      }
      if (!hit) otherwise(state, out);
    };
  }

  private assign(tag: { key: string; value: Value }): Render {
    const key = tag.key;
    const value = this.value(tag.value);
    return (state) => void (state.frames[0]![key] = value(state));
  }

  private capture(tag: { variable: string; templates: Template[] }): Render {
    const key = tag.variable;
    const body = this.templates(tag.templates);
    return (state) => {
      const captured: Out = { s: '' };
      body(state, captured);
      state.frames[0]![key] = captured.s;
    };
  }

  private echo(value: Value | undefined): Render {
    if (!value) return () => undefined;
    const evaluate = this.value(value);
    const escape = !endsRaw(value) ? this.escape : undefined;
    const self = { context: this.context, token: undefined, liquid: this.liquid };
    return (state: State, out: Out) => {
      let result = toValue(evaluate(state));
      if (escape) result = escape.call(self, result);
      out.s += stringify(result);
    };
  }
}
