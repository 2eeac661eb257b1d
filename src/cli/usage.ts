import { defaultLanguage, messages } from '../model/messages.js';

/**
 * Commander's own error lines (unknown option, missing value, …) in the site's words. Commander has
 * no message catalogue of its own; it reports through `outputError`, so its few fixed English
 * sentences are recognised here and said again from the catalogue. Anything not recognised is
 * passed on unchanged. These mistakes come before any config is read: German unless STADTBOTE_LANG=en.
 */
export function usageError(text: string, language: string = defaultLanguage()): string {
  const t = messages(language).ui.usage;
  const said: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^error: unknown option '([^']*)'/, (m) => t.unknownOption({ option: m[1]! })],
    [/^error: unknown command '([^']*)'/, (m) => t.unknownCommand({ command: m[1]! })],
    [/^error: required option '([^']*)' not specified/, (m) => t.missingOption({ option: m[1]! })],
    [/^error: option '([^']*)' argument missing/, (m) => t.missingValue({ option: m[1]! })],
    [/^error: missing required argument '([^']*)'/, (m) => t.missingArgument({ argument: m[1]! })],
    [/^error: too many arguments/, () => t.tooManyArguments],
  ];
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, say] of said) {
        const m = line.match(pattern);
        if (m) return say(m);
      }
      const didYouMean = line.match(/^\(Did you mean (.*)\?\)$/);
      if (didYouMean) return language === 'en' ? line : `(Meinten Sie ${didYouMean[1]}?)`;
      return line === '(run with --help for usage)' ? t.help : line;
    })
    .join('\n');
}
