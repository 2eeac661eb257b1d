import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TopLevelToken } from 'liquidjs';
import { TokenKind, Tokenizer } from '../util/vendor.js';

/** The extension LiquidJS adds to a template name without one (theme/engine.ts `extname`). */
const TEMPLATE_EXTENSION = '.liquid';
/** Tags whose first argument names another template file. */
const FILE_TAGS = new Set(['render', 'include', 'layout']);

/**
 * The template files that rendering the `entries` can read: the entries and, transitively, every
 * layout and partial named in their `layout`, `render` and `include` tags. Each is a path relative
 * to the template folders, resolved as LiquidJS resolves it (the first folder that has the file
 * wins; a name without extension gets `.liquid`). Undefined where the set cannot be known before
 * rendering: a tag names its file by a variable or with `{{ }}` in the name, a name leads outside
 * the folders, or a file cannot be read as Liquid (theme/engine.ts `check` reports that).
 *
 * Hand-written: LiquidJS's static analysis reports variables, not the files a template reaches;
 * its tokenizer is used here, so that what counts as a tag is LiquidJS's own reading.
 */
export function reachableTemplates(dirs: readonly string[], entries: readonly string[]): string[] | undefined {
  const roots = [...new Set(dirs.map((d) => path.resolve(d)))];
  const found = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const rel = templatePath(pending.pop()!);
    if (rel === undefined) return undefined;
    if (found.has(rel)) continue;
    found.add(rel);
    const file = roots.map((root) => path.join(root, rel)).find((candidate) => existsSync(candidate));
    // A template no folder has: rendering it fails, and the build reports that; it reaches nothing.
    if (file === undefined) continue;
    const named = namedFiles(readFileSync(file, 'utf8'));
    if (named === undefined) return undefined;
    pending.push(...named);
  }
  return [...found].sort();
}

/** A template name as a path relative to the template folders, or undefined where it may leave them (`..`, an absolute path). */
function templatePath(name: string): string | undefined {
  const withExtension = path.extname(name) ? name : name + TEMPLATE_EXTENSION;
  const normal = path.posix.normalize(withExtension.split(path.sep).join('/'));
  if (path.posix.isAbsolute(normal) || path.win32.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) return undefined;
  return normal;
}

/** The file names a template's tags give, or undefined where one is computed while rendering or the text is no valid Liquid. */
function namedFiles(text: string): string[] | undefined {
  let tokens: TopLevelToken[];
  try {
    tokens = new Tokenizer(text).readTopLevelTokens();
  } catch {
    return undefined;
  }
  return namesIn(tokens);
}

function namesIn(tokens: readonly TopLevelToken[]): string[] | undefined {
  const names: string[] = [];
  for (const token of tokens) {
    if (token.kind !== TokenKind.Tag) continue;
    const tag = token as TopLevelToken & { name: string; args: string };
    if (tag.name === 'liquid') {
      // `{% liquid render 'x' %}`: each line of the tag is a tag of its own.
      let inner: TopLevelToken[];
      try {
        inner = new Tokenizer(tag.args).readLiquidTagTokens();
      } catch {
        return undefined;
      }
      const nested = namesIn(inner);
      if (nested === undefined) return undefined;
      names.push(...nested);
      continue;
    }
    if (!FILE_TAGS.has(tag.name)) continue;
    const name = fixedFileName(tag.args);
    if (name === undefined) return undefined;
    if (name !== null) names.push(name);
  }
  return names;
}

/** A file tag's name when it is a quoted text without `{{ }}`; null for `layout none`; undefined when computed while rendering. */
function fixedFileName(args: string): string | null | undefined {
  let value;
  try {
    value = new Tokenizer(args).readValue();
  } catch {
    return undefined;
  }
  if (value === undefined) return undefined;
  if (value.getText() === 'none') return null;
  if (value.kind !== TokenKind.Quoted) return undefined;
  const content = (value as typeof value & { content: string }).content;
  return content.includes('{{') || content === '' ? undefined : content;
}
