import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { usageError } from '../../src/cli/usage.js';

/** Runs the command line in-process and collects what it prints. */
async function run(argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(argv, { out: () => {}, err: (s: string) => void err.push(s), isTTY: false });
  return { code, err: err.join('\n') };
}

describe('command-line mistakes in the site language', () => {
  it('says commander\'s errors in German by default, with the usage hint', async () => {
    const bogus = await run(['build', '--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.err).toBe('Fehler: unbekannte Option „--bogus“\n(Hilfe: mit --help aufrufen)');
    const typo = await run(['build', '--verbos']);
    expect(typo.err).toContain('(Meinten Sie --verbose?)');
    expect((await run(['frobnicate'])).err).toContain('Fehler: unbekannter Befehl „frobnicate“');
    expect((await run(['new', 'Titel'])).err).toContain('Fehler: die Option „--region <name>“ fehlt');
    expect((await run(['new', 'Titel', '--region'])).err).toContain('Fehler: der Option „--region <name>“ fehlt ihr Wert');
  });

  it('keeps English for STADTBOTE_LANG=en and passes unknown lines on unchanged', () => {
    expect(usageError("error: unknown option '--x'\n", 'en')).toBe("error: unknown option '--x'\n");
    expect(usageError("error: unknown option '--x'\n", 'de')).toBe('Fehler: unbekannte Option „--x“\n');
    expect(usageError('something else', 'de')).toBe('something else');
  });
});
