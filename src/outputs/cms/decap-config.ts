import path from 'node:path';
import { stringifyYaml as stringify } from '../../util/vendor.js';
import type { ResolvedSite } from '../../config/config.js';
import type { CmsSettings } from '../../config/cms.js';
import { cmsStrings, type CmsStrings } from '../../i18n/cms.js';

/** Where the web editor puts images that belong to no article (pages), inside the content folder. */
export const SHARED_MEDIA_FOLDER = 'bilder';
/** Length the teaser hint names: lists, feeds and search results show about this much. */
export const TEASER_HINT_CHARS = 250;
/** The build's date format (`YYYY-MM-DD`), as the form checks it before saving. */
const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** The build's rule for an explicit slug (util/slug.ts, isSafeSlug). */
const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** A region needs a letter or digit to make its URL from (content/validate.ts). */
const REGION_PATTERN = '[A-Za-z0-9ÄÖÜäöüß]';

type Field = Record<string, unknown>;

/** The content folder as the git backend sees it: relative to the repository (the site root). */
export function contentFolderOf(site: ResolvedSite): string {
  return path.relative(site.paths.root, site.paths.content).split(path.sep).join('/') || '.';
}

function dateField(name: string, label: string, s: CmsStrings, required: boolean, hint?: string): Field {
  return {
    name,
    label,
    widget: 'datetime',
    format: 'YYYY-MM-DD',
    date_format: 'DD.MM.YYYY',
    time_format: false,
    picker_utc: true,
    required,
    ...(required ? {} : { default: '' }),
    pattern: [DAY_PATTERN, s.datePattern],
    ...(hint ? { hint } : {}),
  };
}

/** Topics exist once the config lists them (`topics:`); read defensively until then. */
function configuredTopics(site: ResolvedSite): readonly string[] {
  const topics = (site.config as unknown as { topics?: unknown }).topics;
  return Array.isArray(topics) && topics.every((t) => typeof t === 'string') ? topics : [];
}

function regionField(site: ResolvedSite, s: CmsStrings): Field {
  const base = { name: 'region', label: s.region, hint: s.regionHint, required: true };
  // The build refuses a region outside a configured list: the form offers only those.
  if (site.config.regions.length > 0) return { ...base, widget: 'select', options: [...site.config.regions] };
  return { ...base, widget: 'string', pattern: [REGION_PATTERN, s.regionPattern] };
}

function articleFields(site: ResolvedSite, s: CmsStrings): Field[] {
  const topics = configuredTopics(site);
  return [
    { name: 'title', label: s.title, hint: s.titleHint, widget: 'string', required: true },
    dateField('date', s.date, s, true),
    regionField(site, s),
    ...(topics.length > 0 ? [{ name: 'topics', label: s.topics, widget: 'select', multiple: true, options: [...topics], required: false }] : []),
    { name: 'teaser', label: s.teaser, hint: s.teaserHint.replace('{max}', String(TEASER_HINT_CHARS)), widget: 'text', required: true },
    {
      name: 'image',
      label: s.image,
      // Decap's object widget plus one rule: file and alt text once the image has any value (stadtbote-cms.js).
      widget: 'image-object',
      required: false,
      collapsed: false,
      fields: [
        // Required once the image has any value (checked by `image-object`); the build refuses an
        // image without file or alt text, and the form refuses to save one.
        { name: 'src', label: s.imageSrc, widget: 'image', required: false, choose_url: false },
        { name: 'alt', label: s.imageAlt, hint: s.imageAltHint, widget: 'string', required: false },
        { name: 'caption', label: s.imageCaption, widget: 'string', required: false },
        { name: 'credit', label: s.imageCredit, widget: 'string', required: false },
      ],
    },
    { name: 'slug', label: s.slug, hint: s.slugHint, widget: 'string', required: false, pattern: [SLUG_PATTERN, s.slugPattern] },
    { name: 'body', label: s.body, widget: 'markdown', required: false },
  ];
}

function pageFields(s: CmsStrings): Field[] {
  return [
    { name: 'title', label: s.title, hint: s.pageTitleHint, widget: 'string', required: true },
    { name: 'description', label: s.description, hint: s.descriptionHint, widget: 'string', required: false },
    dateField('updated', s.updated, s, false, s.updatedHint),
    { name: 'body', label: s.body, widget: 'markdown', required: false },
  ];
}

function backendOf(cms: CmsSettings): Record<string, unknown> {
  if (!cms.backend) {
    // No git host configured: only `stadtbote dev --cms` (Decap's local backend) can save.
    return { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1', branch: cms.branch };
  }
  return {
    name: cms.backend,
    repo: cms.repo,
    branch: cms.branch,
    ...(cms.apiRoot ? { api_root: cms.apiRoot } : {}),
    ...(cms.authBaseUrl ? { base_url: cms.authBaseUrl } : {}),
    ...(cms.authEndpoint ? { auth_endpoint: cms.authEndpoint } : {}),
    ...(cms.appId ? { app_id: cms.appId } : {}),
    // GitLab logs in without a server of one's own when it knows the application (PKCE).
    ...(cms.backend === 'gitlab' && cms.appId ? { auth_type: 'pkce' } : {}),
  };
}

/**
 * Decap CMS's `config.yml`, made from Stadtbote's own schema: the fields the build validates, with
 * the same rules where the form can check them (required fields, date format, known regions, alt
 * text), so that what the editor saves is what the build accepts.
 */
export function decapConfig(site: ResolvedSite, cms: CmsSettings): Record<string, unknown> {
  const s = cmsStrings[site.config.language];
  const content = contentFolderOf(site);
  return {
    locale: site.config.language,
    site_url: site.config.baseUrl,
    display_url: site.config.baseUrl,
    backend: backendOf(cms),
    ...(cms.editorialWorkflow ? { publish_mode: 'editorial_workflow' } : {}),
    media_folder: `${content}/${SHARED_MEDIA_FOLDER}`,
    public_folder: `/${SHARED_MEDIA_FOLDER}`,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articles',
        label: s.articles,
        label_singular: s.article,
        description: s.articlesHint,
        folder: content,
        // As `stadtbote new` names files; `fields.slug` is filled from the title before saving (stadtbote-cms.js).
        path: '{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}',
        slug: '{{fields.slug}}',
        identifier_field: 'title',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        // Images are stored next to the article and named without a folder, as the build resolves them.
        media_folder: '',
        public_folder: '',
        summary: '{{date}} · {{region}} · {{title}}',
        sortable_fields: ['date', 'title', 'region'],
        fields: articleFields(site, s),
      },
      {
        name: 'pages',
        label: s.pages,
        label_singular: s.page,
        description: s.pagesHint,
        folder: `${content}/pages`,
        slug: '{{slug}}',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        fields: pageFields(s),
      },
    ],
  };
}

export function decapConfigYaml(site: ResolvedSite, cms: CmsSettings): string {
  return `# Generated by Stadtbote from stadtbote.config.yaml: change the config, not this file.\n${stringify(decapConfig(site, cms), { lineWidth: 0 })}`;
}
