import type { Element, ElementContent, Nodes, Parents, Root, Text } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit, SKIP } from 'unist-util-visit';
import type { ImportMessages } from '../i18n/import.js';
import { stripShortcodes } from './shortcodes.js';

/** What a cleaning pass left out and what a reader should review, in the site's language. */
export interface CleanLog {
  readonly dropped: string[];
  readonly notes: string[];
}

type DropKind = Exclude<keyof ImportMessages['dropped'], 'shortcode'>;

/** Elements that cannot be carried over into Markdown, and how they are reported. */
const DROPPED_ELEMENTS: Readonly<Record<string, DropKind>> = {
  script: 'script',
  noscript: 'script',
  template: 'script',
  style: 'style',
  link: 'style',
  iframe: 'iframe',
  frame: 'iframe',
  frameset: 'iframe',
  form: 'form',
  input: 'form',
  button: 'form',
  select: 'form',
  textarea: 'form',
  object: 'embed',
  embed: 'embed',
  applet: 'embed',
  canvas: 'embed',
  svg: 'embed',
  video: 'media',
  audio: 'media',
};

function classes(node: Element): string[] {
  const c: unknown = node.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

function isGallery(node: Element): boolean {
  return classes(node).some((c) => c === 'gallery' || c === 'tiled-gallery' || c === 'wp-block-gallery' || c.startsWith('gallery-columns'));
}

function describeDrop(node: Element, kind: DropKind, t: ImportMessages): string {
  const label = t.dropped[kind];
  const src = node.properties.src ?? node.properties.data ?? node.properties.action;
  return typeof src === 'string' && src !== '' ? `${label}: ${src}` : label;
}

function isElement(node: Nodes | undefined, name?: string): node is Element {
  return node?.type === 'element' && (name === undefined || node.tagName === name);
}

/**
 * WordPress's `[caption]` shortcode around an image: `[caption …]<img …> Text[/caption]` becomes
 * the image with its caption as alt text when it has none, followed by the caption as a paragraph.
 */
function unwrapCaptions(tree: Root, log: CleanLog, t: ImportMessages): void {
  visit(tree, (parent: Nodes) => {
    if (parent.type !== 'element' && parent.type !== 'root') return;
    const kids = parent.children as ElementContent[];
    for (let i = 0; i < kids.length; i++) {
      const open = kids[i];
      if (open?.type !== 'text' || !/\[(wp_)?caption[^\]]*\]/i.test(open.value)) continue;
      const closeIndex = kids.findIndex((k, j) => j > i && k.type === 'text' && /\[\/(wp_)?caption\]/i.test(k.value));
      if (closeIndex < 0) continue;
      const close = kids[closeIndex] as Text;
      const [captionText, after] = close.value.split(/\[\/(?:wp_)?caption\]/i) as [string, string];
      const [before] = open.value.split(/\[(?:wp_)?caption[^\]]*\]/i) as [string];
      const inner = kids.slice(i + 1, closeIndex);
      const caption = captionText.trim();
      const img = inner.flatMap((k) => (isElement(k, 'img') ? [k] : isElement(k) ? findImages(k) : []))[0];
      if (img && caption && !hasAlt(img)) {
        img.properties.alt = caption;
        log.notes.push(t.altFromCaption);
      }
      const replacement: ElementContent[] = [{ type: 'text', value: before }, ...inner, { type: 'element', tagName: 'br', properties: {}, children: [] }, { type: 'text', value: caption }, { type: 'text', value: after }];
      kids.splice(i, closeIndex - i + 1, ...replacement);
      i += replacement.length - 1;
    }
  });
}

function findImages(node: Element): Element[] {
  const found: Element[] = [];
  visit(node, 'element', (n: Element) => {
    if (n.tagName === 'img') found.push(n);
  });
  return found;
}

function hasAlt(img: Element): boolean {
  return typeof img.properties.alt === 'string' && img.properties.alt.trim() !== '';
}

/** `<figure>` with `<figcaption>`: the caption becomes the image's alt text when it has none. */
function captionFigures(tree: Root, log: CleanLog, t: ImportMessages): void {
  visit(tree, 'element', (figure: Element) => {
    if (figure.tagName !== 'figure') return;
    const caption = figure.children.find((c): c is Element => isElement(c, 'figcaption'));
    const text = caption ? toText(caption).trim() : '';
    for (const img of findImages(figure)) {
      if (!hasAlt(img) && text) {
        img.properties.alt = text;
        log.notes.push(t.altFromCaption);
      }
    }
    // A figcaption is a paragraph in Markdown, under its picture.
    if (caption) caption.tagName = 'p';
  });
}

/** Images without alt text take their title attribute, reported for review. */
function titlesAsAlt(tree: Root, log: CleanLog, t: ImportMessages): void {
  visit(tree, 'element', (img: Element) => {
    if (img.tagName !== 'img' || hasAlt(img)) return;
    const title = typeof img.properties.title === 'string' ? img.properties.title.trim() : '';
    if (title) {
      img.properties.alt = title;
      log.notes.push(t.altFromTitle);
    }
  });
}

/**
 * Leaves out what Markdown cannot carry or a static archive must not run: scripts, frames, forms,
 * embeds, galleries, style attributes and shortcodes. Everything left out is logged.
 */
export function cleanHast(tree: Root, log: CleanLog, t: ImportMessages): void {
  unwrapCaptions(tree, log, t);
  let styleAttributes = 0;
  visit(tree, (node: Nodes, index: number | undefined, parent: Parents | undefined) => {
    if (node.type === 'comment' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'text') {
      const stripped = stripShortcodes(node.value);
      if (stripped.found.length > 0) {
        node.value = stripped.text;
        for (const name of stripped.found) log.dropped.push(t.dropped.shortcode(name));
      }
      return undefined;
    }
    if (node.type !== 'element') return undefined;
    const kind = DROPPED_ELEMENTS[node.tagName] ?? (isGallery(node) ? 'gallery' : undefined);
    if (kind && parent && index !== undefined) {
      // A stylesheet <link> is noise; other links (`rel=alternate`) are not content either.
      if (node.tagName !== 'link' || String(node.properties.rel ?? '').includes('stylesheet')) log.dropped.push(describeDrop(node, kind, t));
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.properties.style !== undefined) {
      delete node.properties.style;
      styleAttributes++;
    }
    return undefined;
  });
  if (styleAttributes > 0) log.dropped.push(`${t.dropped.styleAttribute} (${styleAttributes})`);
  captionFigures(tree, log, t);
  titlesAsAlt(tree, log, t);
}
