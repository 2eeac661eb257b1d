import { Command } from 'commander';
import type { BuildOptions } from '../build/build.js';

/** Options every command shares (site folders, publishing), and the exit codes. */
/** Exit codes: 0 success, 1 content errors, 2 usage or configuration errors, 3 unexpected failure. */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;

export interface SiteFlags {
  root?: string;
  content?: string;
  out?: string;
  config?: string;
  baseUrl?: string;
  templates?: string;
  cacheDir?: string;
}

export function addSiteOptions(cmd: Command): Command {
  return cmd
    .option('--root <dir>', 'site folder (default: the current folder)')
    .option('--content <dir>', 'content folder (default: ROOT/content)')
    .option('--templates <dir>', 'templates that override the default theme (default: ROOT/templates)')
    .option('--out <dir>', 'output folder (default: ROOT/dist)')
    .option('--config <file>', 'config file (default: ROOT/stadtbote.config.yaml or .json)')
    .option('--base-url <url>', 'absolute URL the site is served at, e.g. https://example.org/presse/')
    .option('--cache-dir <dir>', 'build cache folder (default: ROOT/.stadtbote-cache)');
}

/** `--drafts` and `--future`: which unpublished articles a command includes. */
export function addPublishingOptions(cmd: Command): Command {
  return cmd.option('--drafts', 'include articles marked draft: true').option('--future', 'include articles dated in the future');
}

export function publishingOptions(flags: { drafts?: boolean; future?: boolean }): Pick<BuildOptions, 'drafts' | 'future'> {
  return { drafts: !!flags.drafts, future: !!flags.future };
}

export function siteOptions(flags: SiteFlags): BuildOptions {
  const o: BuildOptions = {};
  if (flags.root) o.root = flags.root;
  if (flags.content) o.content = flags.content;
  if (flags.out) o.out = flags.out;
  if (flags.config) o.config = flags.config;
  if (flags.baseUrl) o.baseUrl = flags.baseUrl;
  if (flags.templates) o.templates = flags.templates;
  if (flags.cacheDir) o.cacheDir = flags.cacheDir;
  return o;
}
