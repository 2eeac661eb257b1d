import type { MessageCatalogue } from './messages-de.js';
import { configEn } from './messages/en-config.js';
import { contentEn } from './messages/en-content.js';
import { siteEn } from './messages/en-site.js';
import { uiEn } from './messages/en-ui.js';

/** The English message catalogue (sites with `language: en`): the German one's shape, checked by the type. */
export const messagesEn = {
  rules: { ...configEn, ...contentEn, ...siteEn },
  ui: uiEn,
} satisfies MessageCatalogue;
