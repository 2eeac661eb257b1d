import { readFileSync } from 'node:fs';

/** The package version, part of every cache key: a new Stadtbote never trusts an old cache. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
