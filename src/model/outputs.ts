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

/**
 * A check of the files a build writes whose work is a pure function of a file's path and text (the
 * external-resource scan). The output writer runs it where it makes the file: on its file thread in
 * a large build (write/file-queue.ts), so a page crosses to another thread once, to be written and
 * checked there, not a second time to a thread of the check's own. The thread loads `scanWrittenFile`
 * from `module`; `scan` is the same function, for the files made in the calling thread.
 */
export interface ThreadedFileCheck<Finding = unknown> {
  /** URL of the module whose `scanWrittenFile` export the file thread runs (the same function as `scan`). */
  readonly module: string;
  /** What the scan needs besides the file, handed to it on either thread (so it must be cloneable). */
  readonly data: unknown;
  readonly scan: FileScan<Finding>;
  /** Whether a file at this output path is scanned at all. */
  wants(outPath: string): boolean;
  /** What the scan found in a file, told in the order files were put; a file where it found nothing is not told. */
  found(outPath: string, finding: Finding): void;
}

/** A check's scan of one file: what it found, or undefined for nothing. */
export type FileScan<Finding = unknown> = (outPath: string, text: string, data: unknown) => Finding | undefined;
