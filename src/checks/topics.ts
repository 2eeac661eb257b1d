import path from 'node:path';
import type { ResolvedSite } from '../config/config.js';
import { displayPrefixOf, fieldPosition } from '../content/load.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta } from '../model/types.js';
import { unknownName } from './did-you-mean.js';

/**
 * Topics of articles that the config does not list, with the nearest known name. Unlike regions,
 * topics are always checked: the config's list is what the topics overview and navigation show.
 */
export function unknownTopics(site: ResolvedSite, articles: readonly ArticleMeta[]): Problem[] {
  const known = site.config.topics;
  const knownSet = new Set(known);
  const prefix = displayPrefixOf(site.paths.content, site.paths.root);
  const problems: Problem[] = [];
  for (const a of articles) {
    (a.data.topics ?? []).forEach((topic, i) => {
      if (knownSet.has(topic)) return;
      const field = `topics.${i}`;
      const said = unknownName('Topic', topic, known, 'topics', (nearest) => `write ${nearest} in topics`);
      problems.push({ file: prefix + a.src, ...fieldPosition(path.join(site.paths.content, a.src), field), ruleId: 'unknown-topic', field, ...said, severity: 'error' });
    });
  }
  return problems;
}
