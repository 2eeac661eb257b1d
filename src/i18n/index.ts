import { de, type UiStrings } from './de.js';
import { en } from './en.js';

export type { UiStrings } from './de.js';
export const languages: Readonly<Record<string, UiStrings>> = { de, en };
