import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isRuleId, RULES } from '../../src/model/rules.js';
import { REPO } from '../helpers.js';

/**
 * Every rule id the source emits, found by the type checker: a string literal whose contextual type
 * is `RuleId` (a Problem's `ruleId`, or a helper's parameter typed so), or any literal written as a
 * `ruleId:` property (vfile messages, which type it as plain text).
 */
function emittedRuleIds(): Map<string, string[]> {
  const srcDir = path.join(REPO, 'src');
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(srcDir, f));
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const found = new Map<string, string[]>();
  // `RuleId` as the checker sees it: a union holding every registered id (the alias name is not always kept).
  const registered = Object.keys(RULES);
  const isRuleIdType = (type: ts.Type | undefined): boolean =>
    type !== undefined && type.isUnion() && registered.every((id) => type.types.some((t) => t.isStringLiteral() && t.value === id));
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(srcDir) || file.fileName.endsWith(path.join('model', 'rules.ts'))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const parent = node.parent;
        const asRuleIdProperty = ts.isPropertyAssignment(parent) && parent.initializer === node && parent.name.getText(file) === 'ruleId';
        if (asRuleIdProperty || isRuleIdType(checker.getContextualType(node))) {
          const where = `${path.relative(REPO, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
          found.set(node.text, [...(found.get(node.text) ?? []), where]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

describe('rule-id registry (model/rules.ts)', () => {
  const emitted = emittedRuleIds();

  it('finds the ids the source emits (the scan itself works)', () => {
    // One id from each way of emitting one: a Problem literal, a checker's report(), a rehype plugin's fail().
    expect([...emitted.keys()]).toEqual(expect.arrayContaining(['duplicate-url', 'invalid-type', 'unsafe-link', 'external-image', 'markdown']));
  });

  it('every id emitted in src/ is registered', () => {
    const unknown = [...emitted].filter(([id]) => !isRuleId(id)).map(([id, where]) => `${id} (${where.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('every registered id is emitted somewhere and has a one-line doc', () => {
    for (const [id, doc] of Object.entries(RULES)) {
      expect(emitted.has(id), `${id} is never emitted`).toBe(true);
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(doc.trim().length, `${id} has no doc`).toBeGreaterThan(10);
      expect(doc).not.toContain('\n');
    }
  });

  it('a typo in a rule id does not compile', () => {
    const host = ts.createCompilerHost({ strict: true, noEmit: true });
    const probe = path.join(REPO, 'src', '__probe__.ts');
    const text = "import type { Problem } from './model/problem.js';\nexport const p: Problem = { file: 'x', ruleId: 'invalid-dat', reason: 'r', severity: 'error' };\n";
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) => (name === probe ? ts.createSourceFile(name, text, lang) : read(name, lang, ...rest));
    const program = ts.createProgram([probe], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true }, host);
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages.join('\n')).toMatch(/invalid-dat.*not assignable/);
  });
});
