import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExternalResourceCheck } from '../../src/checks/external-resources.js';
import { SiteOutput } from '../../src/write/site-output.js';
import { OutputWriter } from '../../src/write/writer.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('SiteOutput: the writer’s external-resource check is handed the written files', () => {
  it('sees every file whose bytes are written, and the writer writes them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-site-output-'));
    made.push(dir);
    const out = path.join(dir, 'dist');
    const check = new ExternalResourceCheck('example.org', []);
    const writer = OutputWriter.open(out, undefined, { checks: [check] });
    const output = new SiteOutput(writer);
    output.put('index.html', '<!doctype html><script src="https://cdn.example.net/x.js"></script>');
    output.put('assets/site.css', '@import "https://fonts.example.com/f.css";');
    output.put('ok.html', '<img src="/bild.jpg" alt="">');
    // Written again finished (an article page with its links): not counted a second time.
    output.replace('index.html', '<!doctype html><script src="https://cdn.example.net/x.js"></script><p>fertig</p>');
    output.finishChecks();
    writer.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('cdn.example.net');
    const problems = check.problems();
    const reasons = problems.map((p) => p.reason);
    expect(reasons).toHaveLength(2);
    expect(problems.map((p) => p.file)).toEqual(['index.html', 'assets/site.css']);
    expect(reasons.join('\n')).toContain('cdn.example.net');
    expect(reasons.join('\n')).toContain('fonts.example.com');
  });

  it('a dry run writes nothing and keeps nothing, and has no written files to wait for', () => {
    const output = new SiteOutput(undefined);
    output.put('index.html', '<script src="https://cdn.example.net/x.js"></script>');
    output.finishChecks();
    expect(output.dryRun).toBe(true);
    expect(output.keep('index.html', 'h')).toBe(false);
    expect(output.canKeep('index.html', 'h')).toBe(true);
  });
});
