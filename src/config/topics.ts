import { slugify } from '../util/slug.js';

/**
 * The config's `topics`: a list of names, each giving one topic page (`/themen/<slug>/`). Two names
 * with the same slug would share that page, so they are refused here rather than merged silently.
 */
export function parseTopics(raw: unknown): { ok: true; topics: string[] } | { ok: false; reason: string } {
  if (!Array.isArray(raw) || !raw.every((t) => typeof t === 'string' && t.trim() !== '')) return { ok: false, reason: 'topics must be a list of topic names' };
  const topics = raw.map((t: string) => t.trim());
  const bySlug = new Map<string, string>();
  for (const topic of topics) {
    const slug = slugify(topic);
    if (slug === '') return { ok: false, reason: `topic "${topic}" has no letters or digits to build its URL from` };
    const seen = bySlug.get(slug);
    if (seen !== undefined) return { ok: false, reason: seen === topic ? `topic "${topic}" is listed twice` : `topics "${seen}" and "${topic}" would share the page /${slug}/` };
    bySlug.set(slug, topic);
  }
  return { ok: true, topics };
}
