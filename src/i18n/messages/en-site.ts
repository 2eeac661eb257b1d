import type { siteDe } from './de-site.js';

/** English twin of de-site.ts (sites with `language: en`). */
export const siteEn = {
  'too-complex': {
    nestedTooDeep: () => ({ reason: 'the text is nested too deeply to be read', fix: 'flatten quotes, lists and emphasis' }),
    underlines: ({ max }) => ({ reason: `more than ${max} lines consist only of "=" or "-" (heading underlines or rules)`, fix: 'write headings as "## Heading" and remove the extra lines' }),
    footnotes: ({ max }) => ({ reason: `more than ${max} footnotes`, fix: 'split the text or publish the notes as a linked document' }),
    footnoteMarks: ({ max }) => ({ reason: `more than ${max} footnote marks ("[^…]", references and definitions)`, fix: 'split the text or publish the notes as a linked document' }),
    definitions: ({ max }) => ({ reason: `more than ${max} link definitions ("[name]: address")`, fix: 'write the links inline or publish the list as a linked document' }),
    brackets: ({ max }) => ({ reason: `more than ${max} links, images or brackets ("[")`, fix: 'split the text or publish long link lists as a linked document' }),
    lines: ({ max }) => ({ reason: `more than ${max} lines of text`, fix: 'split the text or publish it as a linked document (PDF)' }),
    emphasis: ({ max }) => ({ reason: `more than ${max} emphasis characters ("*", "_", "~") in one paragraph`, fix: 'remove the repeated emphasis or split the paragraph with blank lines' }),
    indent: ({ indent, max }) => ({ reason: `line is indented by ${indent} columns; at most ${max} are allowed (deeply nested lists make the build slow)`, fix: 'flatten the list or remove the leading spaces' }),
    nesting: ({ max }) => ({ reason: `quotes or lists are nested more than ${max} levels deep`, fix: 'flatten the quotes or lists; a news text needs a few levels at most' }),
    delimiterRun: ({ count, max }) => ({ reason: `${count} emphasis or bracket characters in a row; at most ${max} are allowed`, fix: 'remove the repeated characters or put them in a code block' }),
    backtickRun: ({ count, max }) => ({ reason: `${count} backticks in a row; at most ${max} are allowed`, fix: 'use a fenced code block with three backticks' }),
    tableCells: ({ max }) => ({ reason: `tables with more than ${max} cells ("|") are not allowed`, fix: 'split the table or publish the data as a file (CSV) linked from the article' }),
  },
  markdown: {
    parser: ({ detail }) => ({ reason: `Markdown problem: ${detail}`, fix: 'check this place in the text' }),
  },
  'unsafe-link': {
    scheme: ({ href, scheme }) => ({ reason: `link "${href}" uses the ${scheme}: scheme, which is not allowed`, fix: 'link to an http(s) address, mailto: or tel:' }),
  },
  'link-outside': {
    outside: ({ href }) => ({ reason: `link "${href}" leads out of the content folder`, fix: 'link to a file inside the content folder, or use a full URL' }),
  },
  'missing-file': {
    link: ({ href, suggestion }) => ({ reason: `link "${href}" points to a file that does not exist`, fix: suggestion || 'check the file name, or remove the link' }),
    download: ({ field, src, suggestion }) => ({ reason: `${field} "${src}" does not exist`, fix: suggestion || 'check the file name; put the file next to the article or in the content folder' }),
    downloadOutside: ({ field, src }) => ({ reason: `${field} "${src}" leads out of the content folder`, fix: 'put the file next to the article or in the content folder' }),
  },
  'broken-link': {
    missing: ({ target, suggestion }) => ({ reason: `link to ${target}, which does not exist`, fix: suggestion || 'check the file name and folder of the linked article' }),
    unpublished: ({ target }) => ({ reason: `link to ${target}, which is not published (draft, scheduled, expired or invalid)`, fix: 'remove the link until the article is published, or fix its errors' }),
    sitePage: ({ href }) => ({ reason: `link "${href}" points to a page of this site that does not exist`, fix: 'check the address; to link an article, link its Markdown file (../2025/file.md)' }),
  },
  'image-outside': {
    body: ({ src }) => ({ reason: `image "${src}" leads out of the content folder`, fix: 'put the image inside the content folder' }),
    frontmatter: ({ src }) => ({ reason: `image.src "${src}" leads out of the content folder`, fix: 'put the image next to the article or in the content folder' }),
  },
  'missing-image': {
    body: ({ src, looked, suggestion }) => ({ reason: `image "${src}" does not exist (looked for ${looked})`, fix: suggestion || 'check the file name, or put the image into the folder' }),
    frontmatter: ({ src, looked, suggestion }) => ({ reason: `image.src "${src}" does not exist (looked for ${looked})`, fix: suggestion || 'check the file name and folder, or put the image next to the article' }),
  },
  'external-image': {
    url: ({ src }) => ({ reason: `image.src "${src}" is an address, not a file: images are published from the content folder, never loaded from another host`, fix: 'save the image next to the article and give its file name' }),
  },
  'external-resource': {
    bodyImage: ({ src, host }) => ({ reason: `image "${src}" is loaded from another host (${host})`, fix: 'copy the image into the content folder, or list the host under allowedHosts in the config' }),
    page: ({ first, more, kind, host, url }) => ({ reason: `/${first}${more === 0 || more === '0' ? '' : ` and ${more} more file${more === 1 || more === '1' ? '' : 's'}`} ${more === 0 || more === '0' ? 'loads' : 'load'} a ${kind} from another host (${host}): ${url}`, fix: `copy the file into the site (templates/assets/ or static/), or list "${host}" under allowedHosts in the config` }),
  },
  'unknown-region': {
    suggest: ({ region, nearest }) => ({ reason: `region "${region}" is not known. Did you mean "${nearest}"?`, fix: `write region: ${nearest}` }),
    unknown: ({ region, known }) => ({ reason: `region "${region}" is not known`, fix: `use one of: ${known} (or add it to regions in the config)` }),
    noneListed: ({ region }) => ({ reason: `region "${region}" is not known: the config lists no regions`, fix: `add regions: [${region}] to the config` }),
  },
  'unknown-topic': {
    suggest: ({ topic, nearest }) => ({ reason: `topic "${topic}" is not known. Did you mean "${nearest}"?`, fix: `write "${nearest}" under topics` }),
    unknown: ({ topic, known }) => ({ reason: `topic "${topic}" is not known`, fix: `use one of: ${known} (or add it to topics in the config)` }),
    noneListed: ({ topic }) => ({ reason: `topic "${topic}" is not known: the config lists no topics`, fix: `add topics: [${topic}] to the config` }),
  },
  'region-spelling': {
    spelled: ({ region, seen, file }) => ({ reason: `region "${region}" is spelled "${seen}" in ${file}`, fix: `use one spelling, e.g. region: ${seen}` }),
  },
  'alias-other-host': {
    otherHost: ({ alias, aliasHost, host, path }) => ({ reason: `alias "${alias}" is an address on another host (${aliasHost}); this site is served from ${host}`, fix: `only old addresses of ${host} can be redirected here: write the path (${path}) if the old page was on this host, or remove the alias` }),
  },
  'alias-doubled-base-path': {
    doubled: ({ alias, basePath, single }) => ({ reason: `alias "${alias}" repeats the base path ${basePath}; an alias is the old address as it was, from the host root, and is no longer put below the base path`, fix: `write ${single} if that was the old address` }),
  },
  'alias-clash': {
    clash: ({ alias, file, other }) => ({ reason: `alias "${alias}" is also an alias of ${file} ("${other}"); servers cannot tell the two apart (upper and lower case count as one)`, fix: 'keep the alias in one article only' }),
  },
  'image-metadata': {
    copied: ({ file, blocks }) => ({ reason: `${file} is published byte for byte with its ${blocks} metadata, which can hold the camera's serial number, the author and the GPS position`, fix: 'put photos into the content folder, where they are published without metadata, or remove it first (exiftool -all= FILE)' }),
  },
  'default-image': {
    outside: ({ src }) => ({ reason: `images.default "${src}" leads out of the content folder`, fix: 'give the path of an image in the content folder, e.g. /images/crest.png' }),
    missing: ({ src, looked }) => ({ reason: `images.default "${src}" does not exist (looked for ${looked})`, fix: "check the file name and folder, from the content folder's root" }),
    notRaster: ({ src }) => ({ reason: `images.default "${src}" is not a JPEG, PNG, WebP, AVIF or GIF image`, fix: 'name a photo or graphic in JPEG, PNG or WebP' }),
  },
  'logo-image': {
    outside: ({ src }) => ({ reason: `logo.src "${src}" leads out of the content folder and static/`, fix: 'give the path of an image in the content folder or in static/, e.g. /images/crest.png' }),
    notImage: ({ src }) => ({ reason: `logo.src "${src}" is not an image`, fix: 'use an SVG (in static/), PNG, JPEG, WebP or AVIF of the logo' }),
    unreadable: ({ src }) => ({ reason: `logo.src "${src}" cannot be read as an image, or has no size`, fix: 'export it again; an SVG needs width and height or a viewBox on its <svg> element' }),
    missing: ({ src }) => ({ reason: `logo.src "${src}" does not exist in the content folder nor in static/`, fix: "check the file name and folder, from the folder's root (content/images/crest.png is /images/crest.png)" }),
  },
  'render-budget': {
    time: ({ seconds }) => ({ reason: `rendering this file took longer than ${seconds} s and was stopped (render budget)`, fix: 'split the text into several articles or simplify its Markdown (very long lists, piled-up emphasis, deep nesting); attach long documents as a PDF instead' }),
    memory: ({ megabytes }) => ({ reason: `rendering this file needed more than ${megabytes} MB of memory and was stopped (render budget)`, fix: 'split the text into several articles or simplify its Markdown (very long lists, piled-up emphasis, deep nesting); attach long documents as a PDF instead' }),
  },
  'file-system': {
    EACCES: ({ action, file }) => ({ reason: `cannot ${action} ${file}: permission denied`, fix: 'give the user that runs the build access to it (chmod/chown), or choose another folder' }),
    EPERM: ({ action, file }) => ({ reason: `cannot ${action} ${file}: operation not permitted`, fix: 'give the user that runs the build access to it (chmod/chown), or choose another folder' }),
    ENOENT: ({ action, file }) => ({ reason: `cannot ${action} ${file}: does not exist (it was removed during the build, or a link points nowhere)`, fix: 'check the path; run the build again once the file is back' }),
    ENOTDIR: ({ action, file }) => ({ reason: `cannot ${action} ${file}: a part of the path is a file where a folder is needed`, fix: 'remove or rename the file that stands where the folder should be' }),
    EISDIR: ({ action, file }) => ({ reason: `cannot ${action} ${file}: is a folder where a file is needed`, fix: 'remove or rename the folder' }),
    ELOOP: ({ action, file }) => ({ reason: `cannot ${action} ${file}: symbolic links lead in a circle`, fix: 'remove the link that points back to itself' }),
    ENOSPC: ({ action, file }) => ({ reason: `cannot ${action} ${file}: the disk is full`, fix: 'free space on the disk, or write the output to another disk with --out' }),
    EDQUOT: ({ action, file }) => ({ reason: `cannot ${action} ${file}: the disk quota is used up`, fix: 'free space within the quota, or write the output elsewhere with --out' }),
    EROFS: ({ action, file }) => ({ reason: `cannot ${action} ${file}: the file system is read-only`, fix: 'write the output to a writable folder with --out' }),
    ENAMETOOLONG: ({ action, file }) => ({ reason: `cannot ${action} ${file}: the path is too long for the file system`, fix: 'use shorter folder and file names' }),
    EMFILE: ({ action, file }) => ({ reason: `cannot ${action} ${file}: too many files are open`, fix: 'raise the limit of open files (ulimit -n) and build again' }),
    EIO: ({ action, file }) => ({ reason: `cannot ${action} ${file}: the disk reported an input/output error`, fix: 'check the disk; copy the site to a healthy one' }),
    other: ({ action, file, code }) => ({ reason: `cannot ${action} ${file}: failed (${code})`, fix: 'check the path and the disk, then build again' }),
  },
  'cache-unwritable': {
    notWritten: ({ detail }) => ({ reason: `the build cache could not be written; the site was published, the next build starts without cache (${detail})`, fix: 'remove the file or folder in the way, give write permission, or set another cacheDir' }),
    folderUnusable: ({ detail }) => ({ reason: `the build cache folder cannot be used; building without it (${detail})`, fix: 'remove the file or folder in the way, give write permission, or set another cacheDir' }),
  },
  'invalid-url': {
    characters: ({ owner, path, detail, alias }) => ({ reason: `${owner} would write /${path}, which ${detail}`, fix: alias === 'yes' ? 'change the alias' : 'rename the file using letters, digits and "-"' }),
  },
  'duplicate-url': {
    sameOutput: ({ owner, path, other }) => ({ reason: `${owner} would be published as /${path}, which ${other} (different bytes) is published as too`, fix: 'rename one of the two files' }),
    samePath: ({ owner, path, existing, alias }) => ({ reason: `${owner} writes /${path}, which ${existing} writes too`, fix: alias === 'yes' ? 'remove the alias or change it' : 'give one of them another slug, title or date, or another file name' }),
    spelling: ({ owner, path, existing, other, alias }) => ({ reason: `${owner} writes /${path}, and ${existing} writes /${other}: one file on hosts that ignore case or Unicode normalisation`, fix: alias === 'yes' ? 'remove the alias or change it' : 'give one of them another slug, title or date, or another file name' }),
    fileAndFolder: ({ owner, path, existing, other, alias }) => ({ reason: `${owner} writes /${path}, but /${other} of ${existing} cannot be a file and a folder at once`, fix: alias === 'yes' ? 'remove the alias or change it' : 'give one of them another slug, title or date, or another file name' }),
  },
  'missing-footer-page': {
    missing: ({ label, href, file }) => ({ reason: `footer link "${label}" points to ${href}, which no source produces`, fix: `create ${file} with a title, or change footerLinks in the config` }),
  },
  template: {
    syntax: ({ detail }) => ({ reason: `template error: ${detail}`, fix: 'correct the Liquid syntax ({{ value }}, {% tag %} … {% endtag %}); the default theme in the Stadtbote package shows every template' }),
  },
  'address-changed': {
    changed: ({ from, to, aliasLine }) => ({ reason: `the article's address changed: ${from} → ${to}; without a redirect the old address would answer 404`, fix: `add to the frontmatter (redirects the old address):\n${aliasLine}` }),
  },
  'address-gone': {
    gone: ({ from, aliasLine }) => ({ reason: `the article is gone; its address ${from} would answer 404`, fix: `if another article replaces it, add to that article's frontmatter:\n${aliasLine}` }),
  },
  'date-mismatch': {
    mismatch: ({ fileDay, day, year, monthDay }) => ({ reason: `the file name starts with ${fileDay}, but date says ${day}`, fix: `make date and the file name agree (the address follows date: /${year}/${monthDay}-…/)` }),
  },
  placeholder: {
    left: ({ text }) => ({ reason: `the placeholder "${text}" is still in the text and would be published`, fix: 'replace the placeholder with the real text' }),
  },
} satisfies typeof siteDe;
