import type { uiDe } from './de-ui.js';

/** English twin of de-ui.ts (sites with `language: en`). */
const plural = (n: number | string, one: string, many: string): string => `${n} ${n === 1 || n === '1' ? one : many}`;

export const uiEn = {
  report: {
    error: 'error',
    warning: 'warning',
    fix: 'fix',
    totals: ({ errors, warnings }) => `${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}`,
    moreWarnings: ({ count, more }) => `${more === 'yes' ? `${count} more ${count === 1 || count === '1' ? 'warning' : 'warnings'}` : plural(count, 'warning', 'warnings')} (run with --verbose to list them)`,
    didYouMean: ({ name }) => `did you mean "${name}"? File names are case-sensitive`,
    internal: ({ detail }) => `stadtbote: unexpected error: ${detail}`,
  },
  found: {
    empty: 'an empty value',
    list: 'a list',
    mapping: 'a mapping',
  },
  fsAction: { open: 'open', read: 'read', write: 'write', mkdir: 'create the folder', rename: 'rename', scandir: 'list the folder', stat: 'look at', lstat: 'look at', link: 'link', unlink: 'remove', rmdir: 'remove', realpath: 'follow', use: 'use' },
  folders: { content: 'the content folder', templates: 'the templates folder', static: 'static/' },
  build: {
    progress: ({ done, total, percent, eta }) => `rendering ${done}/${total} · ${percent}% · ETA ${eta} s`,
    summary: ({ pages, articles, seconds, files, writes, cache }) => `Built ${plural(pages, 'page', 'pages')} from ${plural(articles, 'article', 'articles')} in ${seconds} s (${plural(files, 'file', 'files')}${writes}; cache: ${cache}).`,
    writes: ({ written, linked, removed }) => `, ${written} written, ${linked} unchanged carried over, ${removed} removed`,
    cache: ({ state }) =>
      state === 'stale' ? 'templates, config or version changed, pages rendered again (Markdown from the cache)' : state === 'partial' ? 'templates no article page uses changed: article pages from the cache, the other pages rendered again' : state,
    excluded: ({ drafts, future, expired }) => `Not published: ${drafts} draft(s), ${future} scheduled, ${expired} expired.`,
    nextScheduled: ({ date, file }) => `Next scheduled article goes live on ${date} (${file}); rebuild then.`,
    serverOnly: ({ count, list, more }) =>
      `${count} old address${count === 1 || count === '1' ? '' : 'es'} outside the base path or with a query redirect only with the server files (nginx-*.conf, .htaccess, _redirects): ${list}${more === 0 || more === '0' ? '' : ` and ${more} more (--verbose lists them)`}`,
  },
  check: {
    noProblems: 'No problems found.',
  },
  init: {
    created: ({ root }) => `Created a Stadtbote site in ${root}. Next:`,
    preview: '# preview',
    check: '# what CI checks before publishing',
    fillIn: 'Fill in the pages in content/pages/ (every "[bitte ergänzen: …]") before publishing; README.md explains the rest.',
  },
  usage: {
    unknownOption: ({ option }) => `error: unknown option '${option}'`,
    unknownCommand: ({ command }) => `error: unknown command '${command}'`,
    missingOption: ({ option }) => `error: required option '${option}' not specified`,
    missingValue: ({ option }) => `error: option '${option}' argument missing`,
    missingArgument: ({ argument }) => `error: missing required argument '${argument}'`,
    tooManyArguments: 'error: too many arguments',
    help: '(run with --help for usage)',
  },
  new: {
    exists: ({ file }) => `stadtbote: ${file} already exists; nothing was written`,
  },
  dev: {
    exposed: ({ host }) => `stadtbote: warning: --host ${host} makes the preview (drafts included) reachable from the network; use --host 127.0.0.1 to keep it on this machine`,
    failed: ({ detail }) => `stadtbote: the build failed: ${detail}`,
    cms: ({ url }) => `Web editor: ${url} (saves into this folder)`,
    badPort: ({ flag, value }) => `stadtbote: ${flag} "${value}" is not a port number (0–65535)`,
    cannotListen: ({ host, port, code }) => `stadtbote: cannot listen on ${host}:${port} (${code}); choose another with --port or --host`,
    started: ({ url }) => `Stadtbote dev server: ${url} (Ctrl-C to stop)`,
    rebuilding: ({ count }) => `Rebuilding (${plural(count, 'changed file', 'changed files')})…`,
    changed: ({ files }) => `Changed: ${files}`,
    searchUpdated: ({ articles }) => `Search index updated (${plural(articles, 'article', 'articles')}).`,
    stopped: 'Dev server stopped.',
  },
  overlay: {
    configTitle: 'Stadtbote: error in the configuration',
    contentTitle: ({ errors }) => `Stadtbote: ${errors} content error${errors === 1 || errors === '1' ? '' : 's'} – the page shows the last good build`,
    hint: 'The page reloads when the corrected file is saved.',
    close: 'Close',
    notFoundTitle: 'Not found',
    notFoundText: 'This page does not exist (yet).',
    hostRefused: ({ host }) => `The preview does not answer under the name "${host}". Open it via http://localhost or 127.0.0.1.`,
  },
} satisfies typeof uiDe;
