import { createRequire } from 'node:module';
import type { Document } from 'yaml';
import { isScalar, LineCounter, parseDocument } from '../util/vendor.js';
import { keyLookup, keyPosition, type Position } from '../util/yaml-position.js';
import { FrontmatterError } from '../model/errors.js';
import { explainYamlError, YamlSyntaxError } from './yaml-hints.js';

export type { Position };

type GrayMatter = typeof import('gray-matter');
let grayMatter: GrayMatter | undefined;
/**
 * Compiled, gray-matter and js-yaml are one file beside this module (scripts/bundle-vendor.mjs:
 * 8 ms to load instead of 40–50 ms); from the TypeScript sources (the tests), the package itself.
 */
const GRAY_MATTER = import.meta.url.endsWith('.ts') ? 'gray-matter' : './gray-matter.cjs';
/**
 * gray-matter, loaded by the first source that is parsed: a build from the cache parses none.
 * Loaded outside the parse's error handling: a library that cannot be loaded is no frontmatter
 * problem of the source.
 */
function loadMatter(): GrayMatter {
  return (grayMatter ??= createRequire(import.meta.url)(GRAY_MATTER) as GrayMatter);
}

export interface ParsedFrontmatter {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 1-based line of the body's first line in the source file. */
  readonly bodyLine: number;
  /** Where a (dotted) key starts in the file, for messages. */
  readonly positionOf: (field: string) => Position | undefined;
  /**
   * The text of a plain (unquoted) scalar exactly as written, e.g. `01067` where YAML reads the
   * number 1067: text fields keep what the editor wrote.
   */
  readonly writtenText: (field: string) => string | undefined;
}

function refuse(language: string): never {
  throw new FrontmatterError(
    `frontmatter in "${language}" is not allowed; only YAML frontmatter is read (other languages could run code)`,
    1,
    1,
    { fault: { kind: 'otherLanguage', detail: language } },
  );
}

/**
 * Splits frontmatter from body with gray-matter and parses it as YAML 1.2 core schema: no custom
 * tags, no JavaScript, dates stay text so that we interpret them in the site's time zone.
 * `text` must use `\n` line endings.
 */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  // `---js`, `---coffee` and the like would make gray-matter evaluate the block: refuse before parsing.
  const language = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*\n/.exec(text)?.[1];
  if (language !== undefined && !/^ya?ml$/i.test(language)) refuse(language);
  if (!/^---[ \t]*(?:ya?ml)?[ \t]*\n/i.test(text) && text !== '---') {
    throw new FrontmatterError('file has no frontmatter; it must start with a line "---", then YAML, then "---"', 1, 1, { fault: { kind: 'missing' } });
  }
  const afterOpen = text.indexOf('\n') + 1;
  if (!/(^|\n)---[ \t]*(\n|$)/.test(text.slice(afterOpen))) {
    throw new FrontmatterError('frontmatter is not closed; add a line "---" after the last YAML line', 1, 1, { fault: { kind: 'notClosed' } });
  }
  let doc: Document | undefined;
  const counter = new LineCounter();
  const engine = (source: string): Record<string, unknown> => {
    doc = parseDocument(source, { lineCounter: counter, schema: 'core', uniqueKeys: true, prettyErrors: false });
    const first = doc.errors[0];
    if (first) {
      const pos = first.pos[0] >= 0 ? counter.linePos(first.pos[0]) : undefined;
      const detail = first.code === 'DUPLICATE_KEY' ? 'a key appears twice' : first.message.split('\n')[0];
      const message = `frontmatter is not valid YAML: ${detail}`;
      // The mistakes editors make most (a colon in a title, a tab, an open quote) get a hint of their own.
      const hint = explainYamlError(source, first.code, pos ? pos.line : 2, pos?.col ?? 1, first.message);
      if (hint) throw new YamlSyntaxError(message, hint);
      throw new FrontmatterError(message, pos ? pos.line : 2, pos?.col ?? 1, { fault: { kind: 'invalid', detail: detail ?? '' } });
    }
    const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (tag) {
      const pos = tag.pos[0] >= 0 ? counter.linePos(tag.pos[0]) : undefined;
      const detail = tag.message.split('\n')[0] ?? '';
      throw new FrontmatterError(`frontmatter uses a YAML tag (${detail}); tags such as !!js/function are not allowed`, pos ? pos.line : 2, pos?.col ?? 1, { fault: { kind: 'tag', detail } });
    }
    let value: unknown;
    try {
      // A few aliases are fine; thousands ("billion laughs") would expand to gigabytes.
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (err) {
      if (/alias/i.test((err as Error).message)) {
        throw new FrontmatterError('frontmatter uses too many YAML aliases (*name); write the values out instead', 2, 1, { cause: err, fault: { kind: 'aliases' } });
      }
      throw err;
    }
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new FrontmatterError('frontmatter must be a mapping of keys to values (key: value)', 2, 1, { fault: { kind: 'notMapping' } });
    }
    return value as Record<string, unknown>;
  };
  const matter = loadMatter();
  let parsed: ReturnType<GrayMatter>;
  try {
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        yaml: engine,
        json: () => refuse('json'),
        javascript: () => refuse('javascript'),
        js: () => refuse('js'),
        coffee: () => refuse('coffee'),
        coffeescript: () => refuse('coffeescript'),
        toml: () => refuse('toml'),
      },
    } as Parameters<typeof matter>[1]);
  } catch (err) {
    if (err instanceof FrontmatterError) throw err;
    // gray-matter throws for a language after the opening fence it has no engine for (`---lua`).
    const lang = /^---[ \t]*([A-Za-z]+)/.exec(text)?.[1];
    if (lang) refuse(lang);
    throw new FrontmatterError(`frontmatter could not be read: ${(err as Error).message}`, 1, 1, { cause: err });
  }
  const body = parsed.content;
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  const parsedDoc = doc;
  // gray-matter hands the engine the text from the end of the opening fence, so the YAML's
  // line 1 is the fence line itself and its line numbers are already the file's.
  const positionOf = (field: string): Position | undefined => (parsedDoc ? keyPosition(parsedDoc, counter, field) : undefined);
  // A plain scalar as the editor wrote it (`01067`, `1.50`), which YAML would read as a number.
  const writtenText = (field: string): string | undefined => {
    const value = parsedDoc ? keyLookup(parsedDoc, field).value : undefined;
    return isScalar(value) && value.type === 'PLAIN' && typeof value.source === 'string' ? value.source : undefined;
  };
  return { data: parsed.data as Record<string, unknown>, body, bodyLine, positionOf, writtenText };
}
