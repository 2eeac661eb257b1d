import { slugify } from '../util/slug.js';

/**
 * The config's `topics`: a list of names, each giving one topic page (`/themen/<slug>/`). Two names
 * with the same slug would share that page, so they are refused here rather than merged silently.
 */
export function parseTopics(raw: unknown, fail: (reason: string) => void): string[] | undefined {
  const refuse = (reason: string): undefined => void fail(reason);
  if (!Array.isArray(raw) || !raw.every((t) => typeof t === 'string' && t.trim() !== '')) return refuse('topics must be a list of topic names');
  const topics = raw.map((t: string) => t.trim());
  const bySlug = new Map<string, string>();
  for (const topic of topics) {
    const slug = slugify(topic);
    if (slug === '') return refuse(`topic "${topic}" has no letters or digits to build its URL from`);
    const seen = bySlug.get(slug);
    if (seen !== undefined) return refuse(seen === topic ? `topic "${topic}" is listed twice` : `topics "${seen}" and "${topic}" would share the page /${slug}/`);
    bySlug.set(slug, topic);
  }
  return topics;
}
