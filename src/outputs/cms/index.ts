import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cmsStrings } from '../../i18n/cms.js';
import { jsonForScript, xmlEscape } from '../../theme/engine.js';
import { MAX_TITLE_SLUG_LENGTH, SLUG_OPTIONS } from '../../util/slug.js';
import type { GeneratedFile, SiteSnapshot } from '../types.js';
import { contentFolderOf, decapConfigYaml } from './decap-config.js';
import { vendorFiles } from './vendor.js';
import { owner } from '../../i18n/owners.js';

/** The editor's folder in the output (under the base path). */
export const ADMIN_DIR = 'admin';
/** The editor's own script: preview template, slug before saving, start of the CMS. A site may override it. */
const ADMIN_SCRIPT = 'stadtbote-cms.js';

/** What the editor's script needs to know about the site, handed over in the page as JSON. */
export interface AdminSettings {
  readonly decapScript: string;
  readonly styles: readonly string[];
  readonly language: string;
  readonly timeZone: string;
  readonly strings: { readonly publishedOn: string; readonly photoCredit: string; readonly requiredWithImage: string };
  readonly slug: { readonly options: typeof SLUG_OPTIONS; readonly maxLength: number };
  /** Folder of the standalone pages, as the git backend names it: kept out of the articles list. */
  readonly pagesFolder: string;
}

function adminPage(s: SiteSnapshot, settings: AdminSettings, imports: Readonly<Record<string, string>>): string {
  const { config } = s.site;
  const strings = cmsStrings[config.language];
  const title = xmlEscape(`${strings.pageTitle} – ${config.title}`);
  // Search engines skip the page (noindex); Pagefind never sees it (data-pagefind-ignore, and it indexes articles only).
  return `<!DOCTYPE html>
<html lang="${xmlEscape(config.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<link rel="icon" href="data:,">
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<script type="application/json" id="stadtbote-cms">${jsonForScript(settings)}</script>
<script type="importmap">${jsonForScript({ imports })}</script>
<script type="module" src="${ADMIN_SCRIPT}"></script>
</head>
<body data-pagefind-ignore="all">
<noscript><p>${xmlEscape(strings.noscript)}</p></noscript>
</body>
</html>
`;
}

/** The editor's script from the first template folder that has one (the site's own before the theme's). */
function adminScript(s: SiteSnapshot): GeneratedFile {
  for (const dir of s.renderer.context.templateDirs) {
    const file = path.join(dir, ADMIN_DIR, ADMIN_SCRIPT);
    if (existsSync(file)) return { path: `${ADMIN_DIR}/${ADMIN_SCRIPT}`, content: readFileSync(file), owner: `templates/${ADMIN_DIR}/${ADMIN_SCRIPT}` };
  }
  throw new Error(`${ADMIN_DIR}/${ADMIN_SCRIPT} is missing from the default theme`);
}

/**
 * The web editor at `/admin/` when the config says `cms: …`: Decap CMS served from the site itself
 * (copied from its npm package, never from a CDN), its configuration generated from the site's
 * schema, and a preview in the site's own stylesheet. Not in the sitemap (not an HTML page of the
 * site model) and not in the search index.
 */
export function cmsAdmin(s: SiteSnapshot): GeneratedFile[] {
  const cms = s.site.config.cms;
  if (!cms) return [];
  const vendor = vendorFiles();
  const { basePath, config } = s.site;
  const settings: AdminSettings = {
    decapScript: vendor.decapScript,
    styles: [`${basePath}assets/stadtbote.css`],
    language: config.language,
    timeZone: config.timezone,
    strings: { publishedOn: s.renderer.strings.publishedOn, photoCredit: s.renderer.strings.photoCredit, requiredWithImage: cmsStrings[config.language].requiredWithImage },
    slug: { options: SLUG_OPTIONS, maxLength: MAX_TITLE_SLUG_LENGTH },
    pagesFolder: `${contentFolderOf(s.site)}/pages/`,
  };
  const editor = owner('webEditor');
  return [
    { path: `${ADMIN_DIR}/index.html`, content: adminPage(s, settings, vendor.imports), owner: editor },
    { path: `${ADMIN_DIR}/config.yml`, content: decapConfigYaml(s.site, cms), owner: editor },
    adminScript(s),
    ...vendor.files.map((f) => ({ path: `${ADMIN_DIR}/${f.path}`, content: f.content, owner: owner('webEditorFile', f.path) })),
  ];
}
