import { configDe } from './messages/de-config.js';
import { contentDe } from './messages/de-content.js';
import { siteDe } from './messages/de-site.js';
import { uiDe } from './messages/de-ui.js';

/**
 * The German message catalogue: every problem's reason and fix, keyed by rule id (`rules`), and
 * every other line the command line and the dev overlay print (`ui`). Split into parts only to keep
 * each file readable. Its shape is the type of every catalogue (`MessageCatalogue`); model/messages.ts
 * checks at compile time that `rules` has exactly the ids of model/rules.ts (i18n/ cannot import them).
 */
export const messagesDe = {
  rules: { ...configDe, ...contentDe, ...siteDe },
  ui: uiDe,
};

export type MessageCatalogue = typeof messagesDe;
