import type { contentDe } from './de-content.js';

/** English twin of de-content.ts (sites with `language: en`): the same rule ids and messages, checked by the type. */
/** How a value is written: `date: 2025-02-13` in the frontmatter, `--date 2025-02-13` on the command line. */
const as = (field: string): string => (field.startsWith('--') ? `${field} ` : `${field}: `);

export const contentEn = {
  'content-missing': {
    missing: ({ folder }) => ({ reason: `content folder ${folder} does not exist`, fix: 'create the folder content/ or name another one with --content DIR' }),
  },
  'unreadable-file': {
    tooLarge: ({ megabytes, max }) => ({ reason: `file is ${megabytes} MB; a source may be at most ${max} MB`, fix: 'split the text or move attachments out of the Markdown' }),
    binary: () => ({ reason: 'file is binary, not Markdown text (an image or a Word document named .md?)', fix: 'remove the file or give it its proper extension' }),
    notUtf8: () => ({ reason: 'file is not valid UTF-8 text; accented letters would show wrongly', fix: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)' }),
    folder: () => ({ reason: 'folder cannot be read', fix: 'give the user who builds the site permission to read it' }),
  },
  'broken-symlink': {
    dangling: () => ({ reason: 'symbolic link points to nothing', fix: 'remove the link' }),
  },
  'symlink-outside': {
    outside: ({ folder }) => ({ reason: `symbolic link leads out of ${folder}`, fix: `copy the file into ${folder} instead of linking it` }),
  },
  'symlink-folder': {
    folder: () => ({ reason: 'symbolic link to a folder is not followed: its files would be listed twice, or forever', fix: 'link the files one by one, or move the folder here' }),
  },
  'active-content': {
    notPublished: () => ({ reason: "this kind of file is not published from the content folder: HTML, SVG, XML, scripts and unknown types could run scripts on the site's own address", fix: "store images as JPEG, PNG or WebP and documents as PDF; the site's own files go into static/" }),
    svg: ({ ext }) => ({ reason: `file is named ${ext} but is SVG (an XML document that can hold scripts); it is not published as an image`, fix: 'export the graphic as PNG or WebP; an SVG the site owner vouches for goes into static/' }),
  },
  'invalid-image': {
    unreadable: ({ detail }) => ({ reason: `image cannot be read: ${detail}`, fix: 'export the image again as JPEG, PNG or WebP' }),
    mismatch: ({ ext, format }) => ({ reason: `file is named ${ext} but is ${format === '' ? 'of an unknown format' : `a ${format} file`}; it is not published as an image`, fix: 'export the image again as JPEG, PNG or WebP under a matching name' }),
    notRaster: ({ src }) => ({ reason: `image.src "${src}" is not a JPEG, PNG, WebP, AVIF or GIF image`, fix: 'name a photo or graphic in JPEG, PNG or WebP' }),
  },
  frontmatter: {
    colon: ({ key, line }) => ({ reason: `the value of "${key}" contains a colon followed by a space; YAML reads it as a second key`, fix: `put the ${key === 'title' ? 'title' : 'value'} in quotes: ${line}` }),
    tab: () => ({ reason: 'the line is indented with a tab; YAML allows only spaces', fix: 'replace the tab with spaces (two per level, e.g. under image:)' }),
    unclosedQuote: ({ key, quote }) => ({ reason: `the quote ${quote} in the value of "${key}" is never closed`, fix: `add a closing ${quote} at the end of the value; write quotes inside the text as “…”` }),
    textAfterQuote: ({ key }) => ({ reason: `the value of "${key}" goes on after its closing quote`, fix: 'put the whole value in "…" and write quotes inside the text as “…”' }),
    indentation: () => ({ reason: 'the line is indented differently from the lines before it', fix: 'keys of one level start in the same column: title, date, region, teaser at the very left; src and alt under image: with two spaces' }),
    duplicateKey: ({ key }) => ({ reason: `the key "${key}" appears twice in the frontmatter`, fix: 'delete one of the two lines' }),
    missing: () => ({ reason: 'the file does not start with frontmatter between two lines "---"', fix: 'write a line --- at the very top, then title:, date:, region:, teaser: and another line ---' }),
    notClosed: () => ({ reason: 'the frontmatter is not closed with a line "---"', fix: 'add a line --- below the last field (e.g. teaser:)' }),
    notMapping: () => ({ reason: 'the frontmatter is not made of "key: value" lines', fix: 'write one field per line, e.g. title: "Headline"' }),
    invalid: ({ detail }) => ({ reason: `frontmatter is not valid YAML: ${detail}`, fix: 'check the frontmatter between the two lines "---": one "key: value" per line, text with a colon in "…"' }),
    tag: ({ detail }) => ({ reason: `frontmatter uses a YAML tag (${detail}); tags such as !!js/function are not allowed`, fix: 'remove the tag (the word starting with !)' }),
    aliases: () => ({ reason: 'frontmatter uses YAML anchors or aliases (&name, *name)', fix: 'write the values out instead of repeating them with *' }),
    otherLanguage: ({ detail }) => ({ reason: `frontmatter is written in another language (${detail})`, fix: 'write the frontmatter as YAML between two lines "---"' }),
  },
  'missing-field': {
    missing: ({ field }) => ({ reason: `${field} is missing`, fix: `add a line "${as(field)}…" to the frontmatter` }),
    empty: ({ field }) => ({ reason: `${field} is empty`, fix: `write its value after "${field}:", e.g. ${as(field)}"…"` }),
  },
  'invalid-type': {
    notText: ({ field, found }) => ({ reason: `${field} must be text, found ${found}`, fix: `write ${as(field)}"…" on one line` }),
    numberAsText: ({ field, value }) => ({ reason: `${field} is written as a number (${value}); a text field needs the text itself`, fix: `put the text in quotes: ${as(field)}"…"` }),
    notDate: ({ field, found }) => ({ reason: `${field} must be a date, found ${found}`, fix: `write ${as(field)}YYYY-MM-DD, e.g. ${as(field)}2025-02-13` }),
    notBoolean: ({ field, found }) => ({ reason: `${field} must be true or false, found ${found}`, fix: `write ${as(field)}true or ${as(field)}false` }),
    imageNotMapping: ({ found }) => ({ reason: `image must be a mapping with src and alt, found ${found}`, fix: 'image:\n  src: photo.jpg\n  alt: "What the image shows"' }),
    aliasesNotList: ({ found }) => ({ reason: `aliases must be a list of old URLs, found ${found}`, fix: 'aliases:\n  - /old/article-123.html' }),
    aliasNotText: ({ found }) => ({ reason: `alias must be a URL path, found ${found}`, fix: 'write the address as a path, e.g. - /old/article-123.html' }),
    notList: ({ field, found, example }) => ({ reason: `${field} must be a list, found ${found}`, fix: example }),
    notMapping: ({ field, found, example }) => ({ reason: `${field} must be a mapping of keys to values, found ${found}`, fix: example }),
  },
  'invalid-field': {
    controlCharacter: ({ field, code }) => ({ reason: `${field} contains the invisible control character U+${code}`, fix: 'retype the text; control characters often come from copying out of other programs' }),
    empty: ({ field }) => ({ reason: `${field} is empty`, fix: `give the ${field} a text` }),
    tooLong: ({ field, length, max }) => ({ reason: `${field} is ${length} characters long; at most ${max} are allowed`, fix: 'shorten it; the body is the place for long text' }),
    slugCharacters: ({ slug, example }) => ({ reason: `slug "${slug}" may contain only lowercase letters a–z, digits and single hyphens`, fix: `for example slug: ${example}` }),
    slugTooLong: ({ length, max }) => ({ reason: `slug is ${length} characters long; at most ${max} are allowed`, fix: 'shorten it; a few words are enough' }),
    regionNoLetters: ({ region }) => ({ reason: `region "${region}" has no letters or digits to build its URL from`, fix: 'use the region’s name, e.g. region: Potsdam' }),
    regionInvisible: ({ region, character }) => ({ reason: `region "${region}" contains the invisible character ${character}`, fix: 'type the region’s name again; invisible characters come from copying out of other programs' }),
    topicTwice: ({ topic }) => ({ reason: `topic "${topic}" is listed twice`, fix: 'list each topic once' }),
    phone: ({ phone }) => ({ reason: `contact.phone "${phone}" is not a possible phone number`, fix: 'write it with area code, e.g. phone: "0331 289-1234" or "+49 331 289-1234"' }),
    email: ({ email }) => ({ reason: `contact.email "${email}" is not an e-mail address`, fix: 'write it as name@example.org, without "mailto:" or spaces' }),
    alias: ({ alias, fault, limit, detail }) => ({
      reason: `alias "${alias}" ${({ control: 'must not contain control characters', backslash: 'must not contain a backslash', hash: 'must not contain "#": the part after it never reaches the server', space: 'must not contain spaces', invalidUrl: 'is not a valid URL', credentials: 'must not contain a user name or password', doubleSlashStart: 'starts with "//"', noSlash: 'must start with "/" (the path from the host root) or be a full URL of this site', emptyQuery: 'ends in "?" without a query', badPercent: 'has a "%" that does not start a valid %XX code', pathGuard: detail, encodedControl: 'must not contain encoded control characters such as %00', encodedSlash: 'must not contain an encoded slash (%2F): servers refuse such paths', doubleSlash: 'must not contain "//": servers merge the slashes before they match', apacheVariable: 'must not contain "${", which Apache reads as a variable', longSegment: `has a part longer than ${limit} bytes (file systems allow 255)`, longPath: `has a path longer than ${limit} bytes`, longQuery: `has a query longer than ${limit} bytes` } as Record<string, string>)[fault] ?? 'is not valid'}`,
      fix: ({ hash: 'leave out the "#…" part', space: 'write a space in an address as %20', doubleSlashStart: 'write the full URL (https://host/path) or the path from the host root (/path)', emptyQuery: 'leave out the "?"', badPercent: 'write "%" itself as %25', pathGuard: 'write "%" itself as %25' } as Record<string, string>)[fault] ?? 'write the old address as it was, e.g. /aktuelles/2019/meldung-123.html, /presse/meldung.php?id=123 or https://www.example.org/alt/x.html',
    }),
  },
  'invalid-date': {
    yearOnly: ({ field, value, example }) => ({ reason: `${field} ${value} has only a year or a number; expected a full date YYYY-MM-DD`, fix: `write e.g. ${as(field)}${example}-01-31` }),
    notADate: ({ field, value }) => ({ reason: `${field} "${value}" is not a date; expected YYYY-MM-DD or an ISO date-time such as 2025-02-13T09:30:00+01:00`, fix: `write ${as(field)}YYYY-MM-DD, e.g. ${as(field)}2025-02-13` }),
    notRealDay: ({ field, value }) => ({ reason: `${field} "${value}" is not a real calendar date`, fix: `check day and month and write ${as(field)}YYYY-MM-DD, e.g. ${as(field)}2025-02-13` }),
    badTime: ({ field, value }) => ({ reason: `${field} "${value}" has an impossible time of day`, fix: 'write the time as hh:mm between 00:00 and 23:59' }),
    badOffset: ({ field, value }) => ({ reason: `${field} "${value}" has an impossible time-zone offset`, fix: "leave out the offset (the site's time zone applies) or write e.g. +01:00" }),
  },
  'unknown-key': {
    unknown: ({ key, known }) => ({ reason: `unknown key "${key}" is ignored`, fix: `check for a typo; known keys: ${known}` }),
  },
  'missing-alt': {
    frontmatter: () => ({ reason: 'image has no alt text', fix: 'describe the image in "alt: …" under image:; for a purely decorative image write alt: ""' }),
    body: ({ src }) => ({ reason: `image "${src}" has no alt text`, fix: 'describe the image between the brackets: ![Description](image.jpg)' }),
  },
} satisfies typeof contentDe;
