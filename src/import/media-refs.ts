import path from 'node:path';
import type { Image, Link, Paragraph, Parents } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { ArticleFields } from '../content/source-text.js';
import type { ImportMessages } from '../i18n/import.js';
import type { Manifest } from './manifest.js';
import { locate, type MediaContext, type MediaResult, type MediaStager } from './media.js';
import type { PlacedItem } from './place.js';

/** Images and attachments of one item are copied next to it; references are rewritten to the copies. */
export async function stageMedia(placed: PlacedItem, ctx: MediaContext, stager: MediaStager, manifest: Manifest, notes: string[], t: ImportMessages): Promise<{ image: ArticleFields['image']; files: string[] }> {
  const files: string[] = [];
  const folder = path.posix.dirname(placed.file);
  const local = (file: string): string => path.posix.relative(folder, file);
  const jobs: Array<{ ref: Image | Link; parent: Parents | undefined; result: Promise<MediaResult> }> = [];
  const removals: Array<{ node: Image; parent: Parents }> = [];
  visit(placed.tree, (node, _i, parent) => {
    if (node.type !== 'image' && node.type !== 'link') return undefined;
    const ref = node as Image | Link;
    // Links are media only when they name a file (a PDF, an office document): pages stay links.
    if (ref.type === 'link' && !/\.[a-z0-9]{2,5}(?:[?#].*)?$/i.test(ref.url)) return undefined;
    const origin = locate(ref.url, ctx);
    if (!origin) {
      // An image inside the HTML (`data:`) or one with no place to fetch it from cannot come along.
      if (ref.type === 'image' && parent) {
        notes.push(t.mediaUnlocatable(shorten(ref.url)));
        removals.push({ node: ref, parent });
      }
      return SKIP;
    }
    // Files linked on other hosts stay links; only the old site's own attachments come along.
    if (ref.type === 'link' && 'url' in origin && ctx.siteUrl && new URL(origin.url).host !== new URL(ctx.siteUrl).host) return SKIP;
    jobs.push({ ref, parent, result: stager.stage(origin, folder, manifest.media) });
    return SKIP;
  });
  let image: ArticleFields['image'];
  const source = placed.item.image;
  if (source) {
    const origin = locate(source.url, ctx);
    const result = origin ? await stager.stage(origin, folder, manifest.media) : undefined;
    if (result?.ok) {
      files.push(result.file);
      image = { src: local(result.file), alt: featuredAlt(source, placed.title, notes, t), ...(source.caption ? { caption: source.caption } : {}), ...(source.credit ? { credit: source.credit } : {}) };
    } else notes.push(result ? result.reason : t.mediaUnlocatable(shorten(source.url)));
  }
  // Results are applied in document order, whatever order the downloads finish in.
  for (const { ref, parent, result: pending } of jobs) {
    const result = await pending;
    if (result.ok) {
      ref.url = local(result.file);
      files.push(result.file);
    } else if (ref.type === 'image') {
      notes.push(result.reason);
      if (parent) removals.push({ node: ref, parent });
    } else if (result.kind === 'failed') notes.push(result.reason);
  }
  for (const { node, parent } of removals) {
    const at = parent.children.indexOf(node as never);
    if (at >= 0) parent.children.splice(at, 1);
  }
  if (removals.length > 0) tidyParagraphs(placed.tree);
  return { image, files };
}

function shorten(url: string): string {
  return url.length > 60 ? `${url.slice(0, 60)}…` : url;
}

function featuredAlt(source: NonNullable<PlacedItem['item']['image']>, title: string, notes: string[], messages: ImportMessages): string {
  if (source.alt?.trim()) return source.alt.trim();
  if (source.caption?.trim()) {
    notes.push(messages.altFromCaption);
    return source.caption.trim();
  }
  if (source.title?.trim() && !/\.(jpe?g|png|gif|webp)$/i.test(source.title)) {
    notes.push(messages.altFromTitle);
    return source.title.trim();
  }
  notes.push(messages.altFromArticle);
  return messages.altFallback(title);
}

/** Body images that still have no alt text get one from the article's title, reported for review. */
export function fillMissingAlt(placed: PlacedItem, notes: string[], messages: ImportMessages): void {
  visit(placed.tree, 'image', (node) => {
    if ((node.alt ?? '').trim() !== '') return;
    node.alt = messages.altFallback(placed.title);
    notes.push(messages.altFromArticle);
  });
}

/** After images are taken out: no paragraph starts or ends with a line break, and none is left empty. */
function tidyParagraphs(tree: PlacedItem['tree']): void {
  const blank = (n: Paragraph['children'][number] | undefined): boolean => n?.type === 'break' || (n?.type === 'text' && n.value.trim() === '');
  visit(tree, 'paragraph', (paragraph) => {
    while (blank(paragraph.children[0])) paragraph.children.shift();
    while (blank(paragraph.children.at(-1))) paragraph.children.pop();
    const first = paragraph.children[0];
    if (first?.type === 'text') first.value = first.value.trimStart();
  });
  visit(tree, (node, index, parent) => {
    if (node.type === 'paragraph' && node.children.length === 0 && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
}
