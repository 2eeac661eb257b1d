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

/** A check that is handed every file the build writes (path inside the output folder, bytes). */
export interface WrittenFileCheck {
  inspect(outPath: string, content: string | Uint8Array): void;
}
