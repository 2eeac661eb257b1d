import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import { article, buildSite, cleanup, makeSite } from '../helpers.js';

/**
 * Permissions cannot be taken from root (tests run as root in CI), so the file system itself is the
 * seam: reads of paths containing a marker fail with the errno code the marker names.
 */
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (p: unknown, syscall: string): void => {
    const m = /(EACCES|ENOENT|EIO)-/.exec(String(p));
    if (m) throw Object.assign(new Error(`${m[1]}: failed, ${syscall} '${String(p)}'`), { code: m[1], syscall, path: String(p), errno: -13 });
  };
  const readFileSync = ((p: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => (fail(p, 'open'), (fs.readFileSync as (...a: unknown[]) => unknown)(p, ...rest))) as typeof fs.readFileSync;
  const readdirSync = ((p: Parameters<typeof fs.readdirSync>[0], ...rest: unknown[]) => (fail(p, 'scandir'), (fs.readdirSync as (...a: unknown[]) => unknown)(p, ...rest))) as typeof fs.readdirSync;
  // Sources are opened, stamped and then read through the descriptor (content/file-stamp.ts).
  const openSync = ((p: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => (fail(p, 'open'), (fs.openSync as (...a: unknown[]) => unknown)(p, ...rest))) as typeof fs.openSync;
  return { ...fs, default: { ...fs, readFileSync, readdirSync, openSync }, readFileSync, readdirSync, openSync };
});

const made: string[] = [];
afterAll(() => made.forEach(cleanup));

describe('unreadable files and folders (issue 16, finding 7)', () => {
  it('reports every unreadable source, attachment and folder at once, with path, what and fix', async () => {
    const root = makeSite({
      'content/2025/a.md': article(),
      'content/2025/EACCES-geheim.md': article({ title: 'Geheim' }),
      'content/2025/ENOENT-weg.md': article({ title: 'Weg' }),
      'content/2025/EIO-plan.pdf': 'pdf',
      'content/EACCES-ordner/b.md': article({ title: 'B' }),
    });
    made.push(root);
    const err = await buildSite(root, { search: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    const problems = (err as ContentError).problems.filter((p) => p.ruleId === 'file-system');
    expect(problems.map((p) => p.file).sort()).toEqual(['content/2025/EACCES-geheim.md', 'content/2025/EIO-plan.pdf', 'content/2025/ENOENT-weg.md', 'content/EACCES-ordner']);
    const byFile = new Map(problems.map((p) => [p.file, p]));
    expect(byFile.get('content/2025/EACCES-geheim.md')!.reason).toMatch(/keine Berechtigung/);
    expect(byFile.get('content/2025/ENOENT-weg.md')!.reason).toMatch(/die Datei gibt es nicht/);
    expect(byFile.get('content/EACCES-ordner')!.reason).toMatch(/kann nicht aufgelistet werden/);
    for (const p of problems) {
      expect(p.fix).toBeTruthy();
      expect(p.reason).not.toMatch(/EACCES:|ENOENT:|EIO:/);
    }
    const { existsSync } = await vi.importActual<typeof import('node:fs')>('node:fs');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });
});
