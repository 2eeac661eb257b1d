import type { Hash, Template } from 'liquidjs';
import { LookupType } from '../../util/vendor.js';
import type { ExpressionCompiler } from './expressions.js';
import type { Evaluate } from './filters.js';
import { BlockDrop, createScope, ForloopDrop, OUTPUT, STORE, toEnumerable, Unsupported, State, type BlockRender, type Out, type Scope } from './runtime.js';

/**
 * `render`, `include`, `layout` and `block`, compiled with LiquidJS's scoping: `render` sees only its
 * arguments and the globals (a new context), `include` sees and writes the outer scope, a layout gets
 * the child's blocks through the `blocks` register and a block can print `{{ block.super }}`.
 */

export type Render = (state: State, out: Out) => void;

export interface TagEnv {
  readonly expressions: ExpressionCompiler;
  readonly templates: (templates: readonly Template[]) => Render;
  /** A partial or layout by name, compiled on first use (a recursive partial is not compiled ahead). */
  readonly file: (name: string, lookup: LookupType) => Render;
}

/** The fields of LiquidJS's render/include/layout tags read here (private in its typings). */
interface FileTagFields {
  readonly file?: unknown;
  readonly hash?: Hash;
  readonly args?: Hash;
  readonly with?: { value: unknown; alias?: string };
  readonly forBinding?: { value: { getText(): string }; alias?: string };
  readonly withVar?: unknown;
  readonly templates?: Template[];
}

/** `renderFilePath`: a fixed name, a quoted name with `{{ }}` in it, or an expression. */
function compileFilePath(file: unknown, env: TagEnv): (state: State) => unknown {
  if (typeof file === 'string') return () => file;
  if (Array.isArray(file)) {
    const render = env.templates(file as Template[]);
    return (state) => {
      const out: Out = { s: '' };
      render(state, out);
      return out.s;
    };
  }
  return env.expressions.token(file);
}

function fileName(value: unknown): string {
  // LiquidJS asserts a truthy path; a path that is no string is left to LiquidJS as a whole.
  if (!value) throw new Error(`illegal file path "${String(value)}"`);
  if (typeof value !== 'string') throw new Unsupported('a partial path that is no string');
  return value;
}

/** `Hash.render`: each `key: value` of a tag, a bare key meaning true. */
export function compileHash(hash: Hash | undefined, env: TagEnv): (state: State) => Scope {
  const entries = Object.entries(hash?.hash ?? {}).map(([key, token]): [string, Evaluate] => [key, token === undefined ? () => true : env.expressions.token(token)]);
  return (state) => {
    const scope = createScope();
    for (const [key, value] of entries) scope[key] = value(state);
    return scope;
  };
}

export function compileRender(tag: FileTagFields, env: TagEnv): Render {
  const path = compileFilePath(tag.file, env);
  const hash = compileHash(tag.hash, env);
  const withValue = tag.with ? env.expressions.token(tag.with.value) : undefined;
  const withAlias = tag.with?.alias;
  const forBinding = tag.forBinding;
  const forValue = forBinding ? env.expressions.token(forBinding.value) : undefined;
  const forText = forBinding ? forBinding.value.getText() : '';
  return (state, out) => {
    const name = fileName(path(state));
    const scope = hash(state);
    const child = new State({}, state.globals, state.own, scope);
    if (withValue) scope[withAlias || name] = withValue(state);
    const partial = env.file(name, LookupType.Partials);
    if (!forValue) {
      partial(child, out);
      return;
    }
    const collection = toEnumerable(forValue(state));
    const alias = forBinding!.alias;
    const forloop = new ForloopDrop(collection.length, forText, alias);
    scope['forloop'] = forloop;
    for (const item of collection) {
      scope[alias as string] = item;
      partial(child, out);
      forloop.next();
    }
  };
}

export function compileInclude(tag: FileTagFields, env: TagEnv): Render {
  const path = compileFilePath(tag.file, env);
  const hash = compileHash(tag.hash, env);
  const withVar = tag.withVar ? env.expressions.token(tag.withVar) : undefined;
  return (state, out) => {
    const name = fileName(path(state));
    const { registers } = state;
    const savedBlocks = registers.blocks;
    const savedMode = registers.blockMode;
    registers.blocks = {};
    registers.blockMode = OUTPUT;
    const scope = hash(state);
    if (withVar) scope[name] = withVar(state);
    const partial = env.file(name, LookupType.Partials);
    state.frames.push(scope);
    partial(state, out);
    state.frames.pop();
    registers.blocks = savedBlocks;
    registers.blockMode = savedMode;
  };
}

export function compileLayout(tag: FileTagFields, env: TagEnv): Render {
  const body = env.templates(tag.templates ?? []);
  if (tag.file === undefined) {
    return (state, out) => {
      state.registers.blockMode = OUTPUT;
      body(state, out);
    };
  }
  const path = compileFilePath(tag.file, env);
  const args = compileHash(tag.args, env);
  return (state, out) => {
    const layout = env.file(fileName(path(state)), LookupType.Layouts);
    const { registers } = state;
    // The child's own output is kept only as the anonymous block; its blocks are stored for the layout.
    registers.blockMode = STORE;
    const stored: Out = { s: '' };
    body(state, stored);
    const blocks = (registers.blocks ||= {});
    if (blocks[''] === undefined) blocks[''] = (_parent, target) => void (target.s += stored.s);
    registers.blockMode = OUTPUT;
    state.frames.push(args(state));
    layout(state, out);
    state.frames.pop();
  };
}

export function compileBlock(tag: Template & { block: string; templates: Template[] }, env: TagEnv): Render {
  const name = tag.block;
  const body = env.templates(tag.templates);
  return (state, out) => {
    const { registers } = state;
    const renderChild = (registers.blocks ||= {})[name];
    const renderCurrent: BlockRender = (superBlock, target) => {
      const stack = (registers.blockStack ||= []);
      if (stack.includes(tag)) throw new Error('block tag cannot be nested');
      stack.push(tag);
      state.frames.push(createScope({ block: superBlock }));
      body(state, target);
      state.frames.pop();
      stack.pop();
    };
    const blockRender: BlockRender = renderChild
      ? (superBlock, target) => renderChild(new BlockDrop((inner) => renderCurrent(superBlock, inner)), target)
      : renderCurrent;
    if (registers.blockMode === STORE) (registers.blocks ||= {})[name] = blockRender;
    else blockRender(new BlockDrop(), out);
  };
}
