export { build, type BuildOptions, type BuildReport } from './core/build.js';
export { resolveSite, type SiteConfig, type SiteOptions, type ResolvedSite } from './config.js';
export { ContentError, ConfigError, DuplicateUrlError, FrontmatterError } from './core/errors.js';
export { type Problem, toVFileMessage } from './core/problem.js';
export type { ArticleData, ArticleMeta, Page, PageData, SourceFile } from './core/types.js';
export { slugify } from './util/slug.js';
export { parseSiteDate, type SiteDate } from './util/dates.js';
export { formatProblems, type ReportFormat } from './report/format.js';
