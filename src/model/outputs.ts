/** A content file an output comes from: its path in the content folder, and the frontmatter field that made the output. */
export interface OutputSource {
  readonly src: string;
  readonly field?: string;
}

/** A file of the site that is not a rendered source: feeds, sitemap, redirects, theme assets, static files. */
export interface GeneratedFile {
  /** Path inside the output folder, forward slashes, no leading slash. */
  readonly path: string;
  readonly content: string | Uint8Array;
  /** Who produced it, for duplicate-path messages. */
  readonly owner?: string;
  /** The content file behind it, named when it collides with another output. */
  readonly source?: OutputSource;
}

/**
 * A generated file made only when its key changed since the last build (build/site-files.ts): the
 * key covers every input of its bytes, the code's version and the settings it shows included, so it
 * holds across template and config edits too. Feeds are made so: 3 files for the site and each region
 * and topic, rebuilt on every build otherwise (10,000 articles: some 0.1 s, and the HTML parser loaded
 * to make their links absolute).
 */
/** Build cache entries of keyed files: `generated:<path>` (build/site-files.ts). */
export const KEYED_FILE_PREFIX = 'generated:';

export interface KeyedFile {
  readonly path: string;
  readonly owner?: string;
  readonly key: string;
  readonly make: () => string;
}

/** A check that is handed every file the build writes (path inside the output folder, bytes). */
export interface WrittenFileCheck {
  inspect(outPath: string, content: string | Uint8Array): void;
}
