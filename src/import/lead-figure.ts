import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { languages } from '../i18n/index.js';
import type { SourceImage } from './types.js';

/** Credit labels Stadtbote writes into a feed's figure caption (`… – Bildquelle: Name`). */
const CREDIT_LABELS = Object.values(languages).map((s) => s.photoCredit);

/**
 * A Stadtbote feed puts the article photo first, as `<figure><img><figcaption>caption – Bildquelle:
 * credit</figcaption></figure>`: taken out of the body and returned as the article's image, so that a
 * round trip gives back `image` with its caption and credit.
 */
export function takeLeadFigure(tree: Root): SourceImage & { credit?: string } | undefined {
  const first = tree.children.find((c) => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
  if (first?.type !== 'element' || first.tagName !== 'figure') return undefined;
  const img = first.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img');
  const src = img?.properties.src;
  if (!img || typeof src !== 'string') return undefined;
  const figcaption = first.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
  let caption = figcaption ? toText(figcaption).trim() : '';
  let credit: string | undefined;
  for (const label of CREDIT_LABELS) {
    const marker = caption.startsWith(`${label}: `) ? 0 : caption.lastIndexOf(` – ${label}: `);
    if (marker < 0) continue;
    credit = caption.slice(caption.indexOf(`${label}: `, marker) + label.length + 2).trim();
    caption = marker === 0 ? '' : caption.slice(0, marker).trim();
    break;
  }
  tree.children.splice(tree.children.indexOf(first), 1);
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : undefined;
  return { url: src, ...(alt !== undefined ? { alt } : {}), ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}
