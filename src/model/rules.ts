/**
 * Every rule a `Problem` can name, with one line on what it guards. A rule id is part of the
 * project's interface: editors search for it, CI annotations show it, `check --format json` prints
 * it. `Problem.ruleId` is typed `RuleId`, so an id missing here (or mistyped) does not compile, and
 * test/unit/rule-ids.test.ts checks that every id here is documented and emitted somewhere.
 */
export const RULES = {
  // configuration and command line
  'root-missing': 'The site folder given with --root does not exist.',
  'config-missing': 'The config file given with --config does not exist.',
  'config-syntax': 'The config file is not valid YAML or JSON.',
  'config-shape': 'The config file is not a mapping of keys to values.',
  'config-value': 'A config key or --base-url has a value of the wrong type or out of range.',
  'config-unknown-key': 'The config file has a key Stadtbote does not know (a warning; it is ignored).',
  'brand-contrast': 'brand.color in the config is below WCAG AA contrast (4.5:1) with the theme colours it meets: white text on it, links in it on the page and footer.',
  'output-overlaps-site': 'The output folder would replace or lie inside the site, content, templates or static folder.',
  'invalid-option': 'A command-line option of `new` has an empty or unusable value.',
  // content folder and files
  'content-missing': 'The content folder does not exist.',
  'unreadable-file': 'A source is too large, binary or not UTF-8 text, or a folder cannot be read.',
  'broken-symlink': 'A symbolic link in a site folder points to nothing.',
  'symlink-outside': 'A symbolic link leads out of the folder it is in; it is not followed.',
  'symlink-folder': 'A symbolic link to a folder (a warning): it is not followed, because its files would be listed twice or forever.',
  'active-content': 'A file type the content folder does not publish (HTML, SVG, XML, scripts, unknown types).',
  'invalid-image': 'An image file cannot be read, or `image.src` names a file that is not a raster image.',
  // frontmatter
  frontmatter: 'The frontmatter is missing, not closed, not YAML, or uses tags, aliases or another language.',
  'missing-field': 'A required frontmatter field (title, date, region, teaser) is missing.',
  'invalid-type': 'A frontmatter field has the wrong kind of value (a list where text belongs, text where true/false belongs).',
  'invalid-field': 'A frontmatter value of the right kind is unusable: empty, too long, with control characters, a bad slug or alias.',
  'invalid-date': 'A date is not a real calendar date or ISO date-time.',
  'unknown-key': 'The frontmatter has a key Stadtbote does not know (a warning; it is ignored).',
  'missing-alt': 'An image has no alt text (write alt: "" for a purely decorative one).',
  // body
  'too-complex': 'The body is nested or repeated so deeply that reading it would take too long.',
  markdown: 'A problem the Markdown parser itself reported.',
  'unsafe-link': 'A link uses a scheme other than http(s), mailto or tel (javascript:, data:, …).',
  'link-outside': 'A link leads out of the content folder.',
  'missing-file': 'A link points to a file that does not exist in the content folder.',
  'broken-link': 'A link points to an article that does not exist or is not published.',
  'image-outside': 'An image reference leads out of the content folder.',
  'missing-image': 'An image reference names a file that does not exist.',
  'external-image': '`image.src` is a URL; images are published from the content folder only.',
  'external-resource': 'A page loads an image, script, style or frame from a host not listed under allowedHosts.',
  // the site as a whole
  'unknown-region': 'A region is not in the config\'s list of regions.',
  'unknown-topic': 'A topic is not in the config\'s list of topics (with the nearest known one).',
  'region-spelling': 'One region is spelled in two ways.',
  'alias-other-host': 'An old address (alias) is a full URL of another host than the site\'s: only this host\'s server can redirect it.',
  'alias-doubled-base-path': 'An old address starts with the base path twice (a warning): most likely copied from a site address with the base path added again.',
  'alias-clash': 'Two articles claim the same old address (compared as servers do, ignoring case).',
  'image-metadata': 'An image copied byte for byte (static/, theme assets) carries EXIF, XMP or IPTC metadata (a warning): it would publish GPS positions or camera serial numbers.',
  'default-image': 'images.default in the config names no readable image of the content folder.',
  'logo-image': 'logo.src in the config names no readable image of the content folder or of static/.',
  'render-budget': 'A source took longer or more memory to render than its budget allows; its thread was ended.',
  'file-system': 'A file or folder could not be read or written (permission, full disk, a loop of links, a file where a folder belongs).',
  'cache-unwritable': 'The build cache could not be written or its folder made (a warning): the site is published, the next build is slower.',
  'invalid-url': 'A generated address holds characters a URL cannot carry as they are (#, ?, %, //, control or invisible characters).',
  // stadtbote import
  'import-source': 'The import source cannot be used (a general problem of the source or its options).',
  'import-source-missing': 'The import source (file, folder or URL) does not exist.',
  'import-unreachable': 'An http(s) import source or one of its media files could not be downloaded.',
  'import-broken-xml': 'The import source is not well-formed XML.',
  'import-not-a-feed': 'The import source is neither an RSS 2.0, RSS 1.0 or Atom feed nor a WordPress export.',
  'import-empty': 'The import source holds no items or posts to import.',
  'import-frontmatter': 'A post of a Jekyll, Hugo or Eleventy folder has frontmatter that cannot be read.',
  'import-region-map': 'The --region-map file cannot be read or is not a mapping of categories to regions.',
  'import-no-date': 'An imported item has no usable date.',
  'import-no-region': 'An imported item has no region: no mapped category and no --region.',
  'import-unknown-region': 'An imported item would get a region the config does not list.',
  // editors' checks (constants in model/editor-rules.ts)
  'address-changed': 'An article\'s address differs from the one the last successful build published (a warning; an error with check --strict): add the old address to aliases.',
  'address-gone': 'An article the last successful build published is gone, and with it its address (a warning: deleting can be meant).',
  'date-mismatch': 'The day a file name starts with is not the day date: gives (a warning).',
  placeholder: 'A placeholder that new or init writes is still in the text (a warning; an error with check --strict).',
  'cms-local-only': 'cms: true names no git backend (a warning): the web editor can save only with stadtbote dev --cms.',
  'duplicate-url': 'Two sources, aliases or static files would be written to the same output path.',
  'missing-footer-page': 'A page the footer links to (Impressum, Datenschutz, …) does not exist (a warning).',
  template: 'A theme template has a Liquid syntax error.',
} as const satisfies Record<string, string>;

/** The id of one rule, e.g. `invalid-date`; only ids of `RULES` are allowed. */
export type RuleId = keyof typeof RULES;

/** Whether a text is a known rule id: for ids that arrive as plain text, such as a VFileMessage's. */
export function isRuleId(id: string | undefined): id is RuleId {
  return id !== undefined && Object.hasOwn(RULES, id);
}
