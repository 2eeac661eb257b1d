import { rulesIn, type ProblemText } from '../model/messages.js';
import { slugify } from '../util/slug.js';

/**
 * The config's `topics`: a list of names, each giving one topic page (`/themen/<slug>/`). Two names
 * with the same slug would share that page, so they are refused here rather than merged silently.
 */
export function parseTopics(raw: unknown, fail: (text: ProblemText) => void, language = 'de'): string[] | undefined {
  const t = rulesIn(language)['config-value'];
  const refuse = (text: ProblemText): undefined => void fail(text);
  if (!Array.isArray(raw) || !raw.every((item) => typeof item === 'string' && item.trim() !== '')) return refuse(t.topics());
  const topics = raw.map((item: string) => item.trim());
  const bySlug = new Map<string, string>();
  for (const topic of topics) {
    const slug = slugify(topic);
    if (slug === '') return refuse(t.topicNoLetters({ topic }));
    const seen = bySlug.get(slug);
    if (seen !== undefined) return refuse(seen === topic ? t.topicTwice({ topic }) : t.topicsShare({ seen, topic, slug }));
    bySlug.set(slug, topic);
  }
  return topics;
}
