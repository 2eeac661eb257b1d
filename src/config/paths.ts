/**
 * Where a build reads and writes, resolved to absolute paths. Its own module so that config.ts, which
 * resolves them, and output-folder.ts, which guards them, both depend on it and not on each other.
 */
export interface SitePaths {
  readonly root: string;
  readonly content: string;
  readonly templates: string;
  readonly out: string;
  readonly static: string;
  readonly cache: string;
  /** The config file, when there is one. */
  readonly configFile?: string;
}
