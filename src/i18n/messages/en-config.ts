import { importEn } from '../import.js';
import type { configDe } from './de-config.js';

/** English twin of de-config.ts (sites with `language: en`). */
const t = importEn;

export const configEn = {
  'root-missing': {
    missing: ({ folder }) => ({ reason: `the site folder ${folder} does not exist`, fix: 'check --root' }),
  },
  'config-missing': {
    missing: ({ file }) => ({ reason: `config file ${file} does not exist`, fix: 'check the path given with --config' }),
    tooLarge: ({ file, kilobytes }) => ({ reason: `config file ${file} is larger than ${kilobytes} KB`, fix: 'use a stadtbote.config.yaml or .json file (with --config FILE)' }),
    notAFile: ({ file }) => ({ reason: `config file ${file} is not a regular file`, fix: 'use a stadtbote.config.yaml or .json file (with --config FILE)' }),
  },
  'config-syntax': {
    yaml: ({ detail }) => ({ reason: `config is not valid YAML: ${detail}`, fix: 'check the line: one "key: value" per line, indented with spaces (not tabs), text with a colon in "…"' }),
    json: ({ detail }) => ({ reason: `config is not valid JSON: ${detail}`, fix: 'check brackets, commas and quotes' }),
    aliases: () => ({ reason: 'config uses too many YAML aliases (*name)', fix: 'write the values out instead of repeating aliases' }),
  },
  'config-shape': {
    notMapping: () => ({ reason: 'config must be a mapping of keys to values', fix: 'write one setting per line, e.g. title: "Press releases"' }),
  },
  'config-value': {
    cms: () => ({ reason: 'cms must be true, false or a mapping with the git backend', fix: 'cms: true, or\ncms:\n  backend: github\n  repo: stadt/presse\n  authBaseUrl: https://oauth.example.org' }),
    cmsValue: ({ key, value, hint }) => ({
      reason: value === '' ? `cms.${key} must be a non-empty text` : `cms.${key} "${value}" is not valid`,
      fix: ({ repo: 'write owner/name, e.g. repo: stadt/presse', branch: 'a git branch name, e.g. branch: main', url: 'an absolute https:// address', endpoint: 'a path on authBaseUrl, e.g. authEndpoint: auth' } as Record<string, string>)[hint] ?? `write cms.${key}: "…"`,
    }),
    cmsBackend: ({ value, known }) => ({ reason: `cms.backend "${value}" is not supported`, fix: `use one of ${known}` }),
    cmsWorkflow: () => ({ reason: 'cms.editorialWorkflow must be true or false', fix: 'write editorialWorkflow: true or editorialWorkflow: false' }),
    cmsUnknownKey: ({ key, known }) => ({ reason: `unknown key "cms.${key}"`, fix: `known keys: ${known}` }),
    cmsNeedsRepo: ({ backend }) => ({ reason: `cms.backend ${backend} needs the repository`, fix: 'add repo: owner/name' }),
    cmsGithubAuth: () => ({ reason: 'cms.backend github needs the address of an OAuth client for the login', fix: 'authBaseUrl: https://oauth.example.org (see README, "Web editor")' }),
    cmsGiteaAppId: () => ({ reason: 'cms.backend gitea needs the id of an OAuth application on the Gitea instance', fix: 'appId: the "Client ID" of the application' }),
    cmsGiteaWorkflow: () => ({ reason: "Decap CMS's Gitea backend has no editorial workflow", fix: 'remove editorialWorkflow, or use GitHub or GitLab' }),
    cmsRepoWithoutBackend: ({ known }) => ({ reason: 'cms.repo is given without cms.backend', fix: `add backend: ${known}` }),
    logo: () => ({ reason: 'logo must be a mapping with src and alt', fix: 'logo:\n  src: /images/crest.png\n  alt: "Coat of arms of the district"' }),
    logoSrc: ({ given }) => ({ reason: `logo.src must be the path of an image in the content folder or in static/, not ${given}`, fix: 'logo:\n  src: /images/crest.png\n  alt: "Coat of arms of the district"' }),
    logoAlt: () => ({ reason: 'logo.alt is missing: the logo needs a text alternative', fix: 'write what the image shows, e.g. alt: "Coat of arms of the district", or alt: "" when the site title next to it says it all' }),
    brand: () => ({ reason: 'brand must be a mapping with a color', fix: 'give a colour:\nbrand:\n  color: "#005a9c"' }),
    brandColor: ({ given }) => ({ reason: `brand.color "${given}" is not a CSS colour`, fix: 'write it as #rrggbb, e.g. color: "#005a9c" (quoted: # starts a comment in YAML)' }),
    brandTransparent: ({ given }) => ({ reason: `brand.color "${given}" is transparent: its contrast depends on what is behind it`, fix: 'use an opaque colour, e.g. "#005a9c"' }),
    listThumbnails: () => ({ reason: 'listThumbnails must be true or false', fix: 'write listThumbnails: true or listThumbnails: false' }),
    forbiddenKey: ({ key }) => ({ reason: `config key "${key}" is not allowed (it names a part of JavaScript objects)`, fix: `remove the key "${key}"` }),
    notText: ({ key }) => ({ reason: `${key} must be a non-empty text`, fix: `write ${key}: "…"` }),
    language: ({ value }) => ({ reason: `language "${value}" is not supported`, fix: 'write language: de or language: en' }),
    timezone: ({ value }) => ({ reason: `timezone "${value}" is not an IANA time zone`, fix: 'use a name such as "Europe/Berlin"' }),
    wholeNumber: ({ key }) => ({ reason: `${key} must be a whole number from 1 to 1000`, fix: `write e.g. ${key}: 10` }),
    baseUrl: ({ given }) => ({ reason: `baseUrl "${given}" is not an absolute http(s) URL without a user name or password`, fix: 'for example baseUrl: https://example.org/presse/' }),
    baseUrlFlag: ({ given }) => ({ reason: `--base-url "${given}" is not an absolute http(s) URL without a user name or password`, fix: 'for example --base-url https://example.org/presse/' }),
    basePath: ({ given, detail }) => ({ reason: `baseUrl "${given}": ${detail}`, fix: 'for example https://example.org/presse/' }),
    publisher: () => ({ reason: 'publisher must be a mapping with at least a name', fix: 'publisher:\n  name: City of Example' }),
    regions: () => ({ reason: 'regions must be a list of region names', fix: 'regions:\n  - North\n  - South' }),
    allowedHosts: () => ({ reason: 'allowedHosts must be a list of host names', fix: 'allowedHosts:\n  - www.example.org' }),
    topics: () => ({ reason: 'topics must be a list of topic names', fix: 'topics:\n  - Transport\n  - Health' }),
    topicNoLetters: ({ topic }) => ({ reason: `topic "${topic}" has no letters or digits to build its URL from`, fix: 'write the topic with letters, e.g. - Transport' }),
    topicTwice: ({ topic }) => ({ reason: `topic "${topic}" is listed twice`, fix: 'delete one of the two lines' }),
    topicsShare: ({ seen, topic, slug }) => ({ reason: `topics "${seen}" and "${topic}" would share the page /${slug}/`, fix: 'merge the two topics or rename one' }),
    images: () => ({ reason: 'images must be a mapping', fix: 'images:\n  maxWidth: 2400\n  default: /images/crest.png' }),
    maxWidth: ({ min, max, given }) => ({ reason: `images.maxWidth must be a whole number of pixels from ${min} to ${max}, not ${given}`, fix: 'for example maxWidth: 2400' }),
    defaultImage: ({ given }) => ({ reason: `images.default must be the path of an image in the content folder, not ${given}`, fix: "for example default: /images/crest.png (from the content folder's root)" }),
    footerLinks: () => ({ reason: 'footerLinks must be a list of { label, href }', fix: 'footerLinks:\n  - label: Imprint\n    href: /impressum/' }),
    boolean: ({ key }) => ({ reason: `${key} must be true or false`, fix: `write ${key}: true or ${key}: false` }),
    rawHtml: ({ value }) => ({ reason: `rawHtml "${value}" is not supported`, fix: 'use "none" (default) or "sanitize"' }),
  },
  'config-unknown-key': {
    unknown: ({ key, known }) => ({ reason: `unknown config key "${key}" is ignored`, fix: `check for a typo; known keys: ${known}` }),
  },
  'brand-contrast': {
    contrast: ({ given, ratio, counterpart, role, needed, shade, shadeRatio }) => ({
      reason: `brand.color "${given}" has a contrast of ${ratio}:1 with ${counterpart} ${role === 'page' ? 'as background of white text (header bar, buttons) and as link colour on the white page' : 'as link colour on the light grey of the footer (#f2f4f7)'}; WCAG 2.1 AA needs ${needed}:1 for normal text`,
      fix: `use a darker shade, e.g. color: "${shade}" (${shadeRatio}:1)`,
    }),
  },
  'output-overlaps-site': {
    overlaps: ({ out, inside, what, where }) => ({ reason: `the output folder ${out} ${inside === 'yes' ? 'is inside' : 'would replace'} ${what} (${where}); every build replaces the output folder as a whole`, fix: 'write the output to a folder of its own, e.g. --out dist' }),
  },
  'invalid-option': {
    empty: ({ flag }) => ({ reason: `${flag} must not be empty`, fix: `give a text, e.g. ${flag} "…"` }),
    control: ({ flag }) => ({ reason: `${flag} contains control characters`, fix: 'type the text again without them' }),
    dateForm: ({ given }) => ({ reason: `--date "${given}" is not a date of the form YYYY-MM-DD`, fix: 'for example --date 2025-02-13' }),
    slug: ({ given, example }) => ({ reason: `--slug "${given}" may contain only lowercase letters a–z, digits and single hyphens`, fix: `for example --slug ${example}` }),
    linkOut: ({ file, target }) => ({ reason: `the folder of ${file} is a symbolic link that leads out of the content folder (to ${target})`, fix: 'replace the link with a real folder, or remove it' }),
    option: ({ detail, fix }) => ({ reason: detail, fix }),
    format: ({ given, known }) => ({ reason: `--format "${given}" is not supported`, fix: `use one of: ${known}` }),
    date: ({ given }) => ({ reason: `--date "${given}" is not a valid date`, fix: 'for example --date 2025-02-13' }),
  },
  'cms-local-only': {
    localOnly: () => ({ reason: 'cms has no git backend: the published /admin/ cannot save; only `stadtbote dev --cms` can', fix: 'add backend and repo under cms (README, "Web editor")' }),
  },
  'import-source': { source: ({ detail, fix }) => ({ reason: detail, fix }) },
  'import-source-missing': { missing: ({ source }) => ({ reason: t.sourceMissing(source), fix: t.sourceMissingFix }) },
  'import-unreachable': { unreachable: ({ url, detail }) => ({ reason: t.unreachable(url, detail), fix: t.unreachableFix }) },
  'import-broken-xml': { broken: ({ detail }) => ({ reason: t.brokenXml(detail), fix: t.brokenXmlFix }) },
  'import-not-a-feed': { notAFeed: ({ root }) => ({ reason: t.notAFeed(root), fix: t.notAFeedFix }) },
  'import-empty': {
    noItems: () => ({ reason: t.noItems, fix: t.noItemsFix }),
    emptyFolder: ({ folder }) => ({ reason: t.emptyFolder(folder), fix: t.emptyFolderFix }),
  },
  'import-frontmatter': { unreadable: ({ detail }) => ({ reason: t.frontmatterUnreadable(detail), fix: t.frontmatterFix }) },
  'import-region-map': { unreadable: ({ detail }) => ({ reason: t.regionMapUnreadable(detail), fix: t.regionMapFix }) },
  'import-no-date': { noDate: ({ item }) => ({ reason: t.noDate(item), fix: t.noDateFix }) },
  'import-no-region': { noRegion: ({ item }) => ({ reason: t.noRegion(item), fix: t.noRegionFix }) },
  'import-unknown-region': { unknown: ({ region, item, known }) => ({ reason: t.unknownRegion(region, item, known), fix: t.unknownRegionFix }) },
} satisfies typeof configDe;
