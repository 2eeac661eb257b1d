import type { Context, Expression, Liquid } from 'liquidjs';
import { defaultOperators, TokenKind } from '../../util/vendor.js';
import { isObject, readProperty, settle, toValue, truthiness, Unsupported } from './runtime.js';
import type { Evaluate } from './filters.js';

/**
 * Expressions (`a.b[0].size`, `x == 'y' and n > 1`, `(1..n)`) compiled to closures. Property paths
 * become a chain of `readProperty` calls, constants are read once at compile time, and comparisons of
 * plain values (strings, numbers, booleans, nil) are done directly; anything else — drops such as
 * `empty`/`blank`/`nil`, arrays, objects — goes through LiquidJS's own operator, so results match it.
 */

interface TokenFields {
  readonly kind: number;
  readonly content?: unknown;
  readonly variable?: unknown;
  readonly props?: readonly unknown[];
  readonly lhs?: unknown;
  readonly rhs?: unknown;
  readonly operator?: string;
}

type Operator = (...args: unknown[]) => unknown;

export class ExpressionCompiler {
  private readonly own: boolean;
  private readonly truthy: (value: unknown) => boolean;
  private readonly operators: Record<string, Operator>;
  /** Custom operators (an option LiquidJS has) would change meanings: then every operator is LiquidJS's. */
  private readonly standardOperators: boolean;

  constructor(
    liquid: Liquid,
    private readonly context: Context,
  ) {
    this.own = liquid.options.ownPropertyOnly;
    this.truthy = truthiness(liquid.options.jsTruthy);
    this.operators = liquid.options.operators as unknown as Record<string, Operator>;
    this.standardOperators = liquid.options.operators === defaultOperators;
  }

  /** `evalToken`: a literal, a property path, a range (drops are kept, as LiquidJS keeps them). */
  token(input: unknown): Evaluate {
    if (input === undefined || input === null) return () => undefined;
    const token = input as TokenFields;
    if ('content' in token) {
      const content = token.content;
      return () => content;
    }
    if (token.kind === TokenKind.PropertyAccess) return this.propertyAccess(token);
    if (token.kind === TokenKind.Range) return this.range(token);
    throw new Unsupported(`token kind ${token.kind}`);
  }

  /** `evalTokenValue`: the token's value with drops turned into their `valueOf()`. */
  tokenValue(input: unknown): Evaluate {
    const token = input as TokenFields;
    if ('content' in token) {
      const content = toValue(token.content);
      return () => content;
    }
    const evaluate = this.token(input);
    return (state) => toValue(evaluate(state));
  }

  private propertyAccess(token: TokenFields): Evaluate {
    const own = this.own;
    const props = (token.props ?? []).map((prop) => this.tokenValue(prop));
    const constantKeys = (token.props ?? []).every((prop) => 'content' in (prop as TokenFields));
    const keys = constantKeys ? (token.props ?? []).map((prop) => toValue((prop as TokenFields).content)) : [];
    if (token.variable !== undefined) {
      const variable = this.token(token.variable);
      return (state) => {
        let value = variable(state);
        for (const prop of props) value = readProperty(value, prop(state), own);
        return value;
      };
    }
    if (props.length === 0) return () => undefined;
    if (constantKeys) {
      const [root, ...rest] = keys;
      if (rest.length === 0) return (state) => state.lookup(root);
      if (rest.length === 1) {
        const second = rest[0];
        return (state) => readProperty(state.lookup(root), second, own);
      }
      return (state) => {
        let value = state.lookup(root);
        for (const key of rest) value = readProperty(value, key, own);
        return value;
      };
    }
    const [root, ...rest] = props;
    return (state) => {
      let value = state.lookup(root!(state));
      for (const prop of rest) value = readProperty(value, prop(state), own);
      return value;
    };
  }

  private range(token: TokenFields): Evaluate {
    const low = this.tokenValue(token.lhs);
    const high = this.tokenValue(token.rhs);
    return (state) => {
      const items: number[] = [];
      const stop = +(high(state) as number) + 1;
      for (let i = +(low(state) as number); i < stop; i++) items.push(i);
      return items;
    };
  }

  /** `Expression.evaluate`: the parser's postfix order turned into a tree of closures. */
  expression(expression: Expression): Evaluate {
    const postfix = (expression as unknown as { postfix: readonly TokenFields[] }).postfix;
    const operands: Evaluate[] = [];
    for (const token of postfix) {
      if (token.kind !== TokenKind.Operator) {
        operands.push(this.token(token));
        continue;
      }
      const name = token.operator ?? '';
      const right = operands.pop() ?? (() => undefined);
      if (name === 'not') operands.push(this.not(right));
      else operands.push(this.binary(name, operands.pop() ?? (() => undefined), right));
    }
    return operands[0] ?? (() => undefined);
  }

  /** The equality `case`/`when` uses (LiquidJS's `equals`, whatever the `==` operator is). */
  equality(): (left: unknown, right: unknown) => boolean {
    const equals = defaultOperators['=='] as unknown as Operator;
    const context = this.context;
    return (left, right) => (isObject(left) || isObject(right) ? !!settle(equals(left, right, context)) : left === right);
  }

  private not(operand: Evaluate): Evaluate {
    const truthy = this.truthy;
    if (this.standardOperators) return (state) => !truthy(operand(state));
    const operator = this.operators['not'];
    if (!operator) throw new Unsupported('operator not');
    const context = this.context;
    return (state) => settle(operator(operand(state), context));
  }

  private binary(name: string, left: Evaluate, right: Evaluate): Evaluate {
    const slowOperator = this.operators[name];
    if (!slowOperator) throw new Unsupported(`operator ${name}`);
    const context = this.context;
    const slow = (l: unknown, r: unknown): unknown => settle(slowOperator(l, r, context));
    if (!this.standardOperators) return (state) => slow(left(state), right(state));
    const truthy = this.truthy;
    // Both operands are evaluated before the operator runs, as in LiquidJS's postfix evaluation.
    switch (name) {
      case 'and':
        return (state) => {
          const l = left(state);
          const r = right(state);
          return truthy(l) && truthy(r);
        };
      case 'or':
        return (state) => {
          const l = left(state);
          const r = right(state);
          return truthy(l) || truthy(r);
        };
      case '==':
        return (state) => {
          const l = left(state);
          const r = right(state);
          return isObject(l) || isObject(r) ? slow(l, r) : l === r;
        };
      case '!=':
        return (state) => {
          const l = left(state);
          const r = right(state);
          return isObject(l) || isObject(r) ? slow(l, r) : l !== r;
        };
      case 'contains':
        return (state) => {
          const l = left(state);
          const r = right(state);
          if (typeof l === 'string' && !isObject(r)) return l.indexOf(r as string) > -1;
          return slow(l, r);
        };
      default:
        return this.comparison(name, left, right, slow);
    }
  }

  private comparison(name: string, left: Evaluate, right: Evaluate, slow: (l: unknown, r: unknown) => unknown): Evaluate {
    const compare = { '>': (l: never, r: never) => l > r, '<': (l: never, r: never) => l < r, '>=': (l: never, r: never) => l >= r, '<=': (l: never, r: never) => l <= r }[name];
    if (!compare) return (state) => slow(left(state), right(state));
    return (state) => {
      const l = left(state);
      const r = right(state);
      return isObject(l) || isObject(r) ? slow(l, r) : compare(l as never, r as never);
    };
  }
}
