/**
 * Article and page files as text, the one way Stadtbote writes frontmatter (`new`, `import`):
 * every text value as a JSON string, which YAML reads as a double-quoted scalar, so that no title,
 * however odd, can change the YAML's structure.
 */
export interface ArticleFields {
  readonly title: string;
  /** `YYYY-MM-DD` or an ISO date-time with offset. */
  readonly date: string;
  readonly region: string;
  readonly teaser: string;
  readonly slug?: string;
  readonly image?: { readonly src: string; readonly alt: string; readonly caption?: string; readonly credit?: string };
  readonly draft?: boolean;
  readonly aliases?: readonly string[];
}

export interface PageFields {
  readonly title: string;
  readonly description?: string;
  readonly updated?: string;
}

/** A value YAML keeps as text: a JSON string with lone surrogates and control characters removed (a lone surrogate cannot be written as UTF-8). */
export function yamlText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  return JSON.stringify(clean);
}

function frontmatterLines(fields: ArticleFields): string[] {
  const lines = [`title: ${yamlText(fields.title)}`, `date: ${fields.date}`, `region: ${yamlText(fields.region)}`, `teaser: ${yamlText(fields.teaser)}`];
  // A slug of digits (`15`) or `true` would be read as a number or a boolean: quoted then.
  if (fields.slug) lines.push(`slug: ${/^[0-9]|^(true|false|null|yes|no|on|off)$/i.test(fields.slug) ? yamlText(fields.slug) : fields.slug}`);
  if (fields.image) {
    const img = fields.image;
    lines.push('image:', `  src: ${yamlText(img.src)}`, `  alt: ${yamlText(img.alt)}`);
    if (img.caption) lines.push(`  caption: ${yamlText(img.caption)}`);
    if (img.credit) lines.push(`  credit: ${yamlText(img.credit)}`);
  }
  if (fields.draft) lines.push('draft: true');
  if (fields.aliases && fields.aliases.length > 0) lines.push('aliases:', ...fields.aliases.map((a) => `  - ${yamlText(a)}`));
  return lines;
}

/** A complete article file: frontmatter, a blank line, the body (ending in one newline). */
export function articleFileText(fields: ArticleFields, body: string): string {
  return ['---', ...frontmatterLines(fields), '---', '', body.trimEnd(), ''].join('\n');
}

/** A complete page file (`content/pages/…`). */
export function pageFileText(fields: PageFields, body: string): string {
  const lines = ['---', `title: ${yamlText(fields.title)}`];
  if (fields.description) lines.push(`description: ${yamlText(fields.description)}`);
  if (fields.updated) lines.push(`updated: ${fields.updated}`);
  lines.push('---', '', body.trimEnd(), '');
  return lines.join('\n');
}

/** The conventional place of an article, relative to the content folder: `<year>/<date>-<slug>.md`. */
export function articleFileRel(day: string, slug: string): string {
  return `${day.slice(0, 4)}/${day}-${slug}.md`;
}
