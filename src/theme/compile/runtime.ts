import { Drop, toValueSync } from '../../util/vendor.js';

/**
 * What compiled templates need at render time: the scope stack, LiquidJS's property reads and
 * stringification, ported one to one from LiquidJS 10 (`Context.readProperty`, `stringify`,
 * `toEnumerable`, `isFalsy`, `ForloopDrop`, `BlockDrop`) but without generators. Why hand-written:
 * LiquidJS runs every lookup, filter and tag through generators driven by `toValueSync`; on a
 * 10,000-article template edit that was ~6 s of 18 s CPU (~3 µs per `{{ }}`), the largest cost left.
 */

/** Thrown where a template uses something the compiler does not translate: the page falls back to LiquidJS. */
export class Unsupported extends Error {
  constructor(what: string) {
    super(`not compiled: ${what}`);
    this.name = 'Unsupported';
  }
}

/** The output being written (LiquidJS's emitter): a string grown in place. */
export interface Out {
  s: string;
}

export type Scope = Record<string, unknown>;
/** A block's renderer as LiquidJS keeps it in the `blocks` register: (block drop, output). */
export type BlockRender = (superBlock: BlockDrop, out: Out) => void;

/** LiquidJS's `blockMode` register values (`BlockMode.OUTPUT` / `BlockMode.STORE`). */
export const OUTPUT = 0;
export const STORE = 1;

export interface Registers {
  blocks?: Record<string, BlockRender>;
  blockMode?: number;
  blockStack?: unknown[];
  [key: string]: unknown;
}

/** LiquidJS's `createScope`: a scope without prototype, so `key in scope` sees only what was put there. */
export function createScope(from?: Scope): Scope {
  const scope = Object.create(null) as Scope;
  if (from) Object.assign(scope, from);
  return scope;
}

/** One LiquidJS `Context`: scopes (frames[0] is the bottom scope assign writes to), environment, globals. */
export class State {
  readonly frames: Scope[];
  readonly registers: Registers = {};
  breakCalled = false;
  continueCalled = false;

  constructor(
    readonly env: Scope,
    readonly globals: Scope,
    readonly own: boolean,
    bottom: Scope = createScope(),
  ) {
    this.frames = [bottom];
  }

  /** `Context.findScope` then `readProperty`: the innermost scope holding the name, else the data, else globals. */
  lookup(name: unknown): unknown {
    const key = name as string;
    const frames = this.frames;
    for (let i = frames.length - 1; i >= 0; i--) {
      const frame = frames[i]!;
      if (key in frame) return readProperty(frame, key, this.own);
    }
    return readProperty(key in this.env ? this.env : this.globals, key, this.own);
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

export function isIterator(value: unknown): boolean {
  const v = value as { next?: unknown; throw?: unknown; return?: unknown } | null | undefined;
  return !!v && typeof v.next === 'function' && typeof v.throw === 'function' && typeof v.return === 'function';
}

/** Runs what a LiquidJS helper returned as a generator to its value (as LiquidJS's `yield` would). */
export function settle(value: unknown): unknown {
  return isIterator(value) ? toValueSync(value) : value;
}

export function toValue(value: unknown): unknown {
  return value instanceof Drop && typeof (value as { valueOf?: unknown }).valueOf === 'function' ? value.valueOf() : value;
}

export function stringify(input: unknown): string {
  const value = toValue(input);
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((x) => stringify(x)).join('');
  return String(value);
}

export function isObject(value: unknown): value is object {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** Liquid truthiness: only false, nil and undefined are false (jsTruthy off), else JavaScript's. */
export function truthiness(jsTruthy: boolean): (value: unknown) => boolean {
  if (jsTruthy) return (value) => !!toValue(value);
  return (value) => {
    const v = toValue(value);
    return !(v === false || v === undefined || v === null);
  };
}

function readArrayElement(arr: unknown[], index: number, own: boolean): unknown {
  const i = index < 0 ? arr.length + index : index;
  if (own && !hasOwn.call(arr, i)) return undefined;
  return arr[i];
}

function readSize(obj: Record<string, unknown>): unknown {
  if (hasOwn.call(obj, 'size') || obj['size'] !== undefined) return obj['size'];
  if (Array.isArray(obj) || typeof obj === 'string') return (obj as { length: number }).length;
  if (typeof obj === 'object') return Object.keys(obj).length;
  return undefined;
}

function toLiquid(value: unknown): unknown {
  const v = value as { toLiquid?: () => unknown } | null | undefined;
  if (v && typeof v.toLiquid === 'function') return toLiquid(v.toLiquid());
  return value;
}

/** `Context.readProperty`: own properties only (ownPropertyOnly), methods of drops called, `size`/`first`/`last`. */
export function readProperty(input: unknown, rawKey: unknown, own: boolean): unknown {
  const obj = toLiquid(input) as Record<string, unknown> | null | undefined;
  const key = toValue(rawKey) as string;
  if (obj === null || obj === undefined) return obj;
  if (Array.isArray(obj) && typeof key === 'number') return readArrayElement(obj, key, own);
  const value = own && !hasOwn.call(obj, key) && !(obj instanceof Drop) ? undefined : obj[key];
  if (value === undefined && obj instanceof Drop) return settle(obj.liquidMethodMissing(key, undefined as never));
  if (typeof value === 'function') return settle((value as () => unknown).call(obj));
  if (key === 'size') return readSize(obj);
  if (key === 'first') return Array.isArray(obj) ? readArrayElement(obj, 0, own) : own && !hasOwn.call(obj, 'first') ? undefined : obj['first'];
  if (key === 'last') return Array.isArray(obj) ? readArrayElement(obj, -1, own) : own && !hasOwn.call(obj, 'last') ? undefined : obj['last'];
  return value;
}

/** What `for` iterates: arrays as they are, a non-empty string as one item, iterables, objects as [key, value]. */
export function toEnumerable(input: unknown): unknown[] {
  const value = toValue(input);
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.length > 0) return [value];
  if (isObject(value) && Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
  if (isObject(value)) return Object.keys(value).map((key) => [key, (value as Scope)[key]]);
  return [];
}

/** LiquidJS's `forloop` (same fields in the same order, so `{{ forloop }}` prints the same JSON). */
export class ForloopDrop extends Drop {
  i = 0;
  length: number;
  name: string;
  constructor(length: number, collection: string, variable: string | undefined) {
    super();
    this.length = length;
    this.name = `${variable}-${collection}`;
  }
  next(): void {
    this.i++;
  }
  index0(): number {
    return this.i;
  }
  index(): number {
    return this.i + 1;
  }
  first(): boolean {
    return this.i === 0;
  }
  last(): boolean {
    return this.i === this.length - 1;
  }
  rindex(): number {
    return this.length - this.i;
  }
  rindex0(): number {
    return this.length - this.i - 1;
  }
  override valueOf(): string {
    return JSON.stringify(this);
  }
}

/** LiquidJS's `block` drop: `{{ block.super }}` renders the layout's version of the block. */
export class BlockDrop extends Drop {
  constructor(readonly superBlockRender: (out: Out) => unknown = () => '') {
    super();
  }
  super(): string {
    const out: Out = { s: '' };
    this.superBlockRender(out);
    return out.s;
  }
}
