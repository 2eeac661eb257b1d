import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Guards the layout of src/: folders form layers, imports only point down, no folder imports one
 * that imports it back, and no file or function grows past what one reader can hold in mind.
 * The rank order is the project's (tools/helper-common.md, README "Development").
 */
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Rank of each top-level folder (or root file) of src/: 0 is the top; an import may only go to an equal or higher rank. */
const RANKS: Record<string, number> = {
  'cli.ts': 0,
  cli: 0,
  'index.ts': 0,
  commands: 1,
  dev: 1,
  import: 1,
  cms: 1,
  build: 2,
  outputs: 3,
  search: 3,
  render: 4,
  checks: 5,
  write: 5,
  cache: 5,
  theme: 5,
  markdown: 5,
  content: 5,
  config: 5,
  report: 5,
  model: 6,
  util: 7,
  i18n: 7,
  'version.ts': 7,
};

/** Folders held to a narrower rule than their rank: they may import only these (and themselves). */
const ONLY_FROM: Record<string, readonly string[]> = {
  model: ['util', 'i18n'],
  theme: ['model', 'util', 'i18n'],
  markdown: ['model', 'util', 'i18n'],
  config: ['model', 'util', 'i18n'],
};

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 150;

/**
 * Functions over the limit that another branch is rewriting, by `file:name`, with the reason. The
 * list only shrinks: an entry whose function is back under the limit fails the test until removed.
 */
const KNOWN_LONG: Record<string, string> = {};

interface SourceInfo {
  readonly rel: string;
  readonly imports: readonly string[];
  readonly lines: number;
  readonly functions: readonly { name: string; line: number; lines: number }[];
}

function listTs(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...listTs(path.join(dir, entry.name), `${rel}/`));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out.sort();
}

function functionName(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText(sf);
  return '(anonymous)';
}

/** Every relative import (static, re-export, dynamic) resolved to a path under src/, and every function's length. */
function analyse(rel: string): SourceInfo {
  const text = readFileSync(path.join(SRC, rel), 'utf8');
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports: string[] = [];
  const functions: { name: string; line: number; lines: number }[] = [];
  const addSpecifier = (spec: ts.Expression | undefined): void => {
    if (!spec || !ts.isStringLiteralLike(spec) || !spec.text.startsWith('.')) return;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec.text)).replace(/\.js$/, '.ts');
    imports.push(target);
  };
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) addSpecifier(node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) addSpecifier(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) addSpecifier(node.argument.literal as ts.Expression);
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = lineOf(node.getStart(sf));
      functions.push({ name: functionName(node, sf), line: start, lines: lineOf(node.getEnd()) - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { rel, imports, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), functions };
}

/** `build/build.ts` → `build`; `cli.ts` → `cli.ts`. */
const layerOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel);

/** Strongly connected components with more than one member (Tarjan), each sorted: the cycles of a graph. */
function cyclesOf(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
      } while (w !== v);
      if (members.length > 1) cycles.push(members.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return cycles;
}

const files = listTs(SRC).map(analyse);

describe('layers of src/', () => {
  it('knows the rank of every folder (a new folder gets a place in the order first)', () => {
    expect(files.map((f) => layerOf(f.rel)).filter((l) => RANKS[l] === undefined)).toEqual([]);
  });

  it('every relative import names a file that exists', () => {
    const known = new Set(files.map((f) => f.rel));
    expect(files.flatMap((f) => f.imports.filter((i) => !known.has(i)).map((i) => `${f.rel} → ${i}`))).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const f of files) {
      const from = layerOf(f.rel);
      const edges = graph.get(from) ?? new Set<string>();
      graph.set(from, edges);
      for (const i of f.imports) if (layerOf(i) !== from) edges.add(layerOf(i));
    }
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('has no cycle between files', () => {
    const graph = new Map(files.map((f) => [f.rel, new Set(f.imports)]));
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('imports only point down the rank order', () => {
    const upward: string[] = [];
    for (const f of files) {
      const from = layerOf(f.rel);
      for (const i of f.imports) {
        const to = layerOf(i);
        if (to === from) continue;
        const allowed = ONLY_FROM[from];
        if ((RANKS[to] ?? -1) < (RANKS[from] ?? 99) || (allowed && !allowed.includes(to))) upward.push(`${f.rel} → ${i}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it(`no source file is longer than ${MAX_FILE_LINES} lines`, () => {
    expect(files.filter((f) => f.lines > MAX_FILE_LINES).map((f) => `${f.rel}: ${f.lines} lines`)).toEqual([]);
  });

  it(`no function is longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap((f) => f.functions.filter((fn) => fn.lines > MAX_FUNCTION_LINES).map((fn) => ({ key: `${f.rel}:${fn.name}`, text: `${f.rel}:${fn.line} ${fn.name}: ${fn.lines} lines` })));
    expect(long.filter((l) => KNOWN_LONG[l.key] === undefined).map((l) => l.text)).toEqual([]);
    // A known long function that was split leaves the list, so that it cannot grow back unnoticed.
    expect(Object.keys(KNOWN_LONG).filter((key) => !long.some((l) => l.key === key))).toEqual([]);
  });

  it('finds what it guards against (the parser sees imports, cycles and long functions)', () => {
    const self = analyse('build/build.ts');
    expect(self.imports.length).toBeGreaterThan(3);
    expect(self.functions.length).toBeGreaterThan(0);
    expect(cyclesOf(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]))).toEqual([['a', 'b', 'c']]);
  });
});
