/**
 * The `cms` key of the site configuration: whether the site gets a web editor at `/admin/`
 * (Decap CMS) and which git host it commits to.
 */

export type CmsBackendName = 'github' | 'gitlab' | 'gitea';

export interface CmsSettings {
  /** The git host the editor commits to; without one, `/admin/` works only with `stadtbote dev --cms`. */
  readonly backend?: CmsBackendName;
  /** `owner/name` on the git host. */
  readonly repo?: string;
  readonly branch: string;
  /** API of a self-hosted GitHub Enterprise, GitLab or Gitea, e.g. `https://git.example.org/api/v1`. */
  readonly apiRoot?: string;
  /** Where the login happens: the OAuth client (GitHub) or the GitLab/Gitea instance. */
  readonly authBaseUrl?: string;
  /** Path of the login on `authBaseUrl` (Decap's `auth_endpoint`). */
  readonly authEndpoint?: string;
  /** OAuth application id for the PKCE login of GitLab and Gitea (no server of one's own needed). */
  readonly appId?: string;
  /** Draft → review → publish through branches and merge requests instead of direct commits. */
  readonly editorialWorkflow: boolean;
}

const BACKENDS: readonly CmsBackendName[] = ['github', 'gitlab', 'gitea'];
const KEYS = ['backend', 'repo', 'branch', 'apiRoot', 'authBaseUrl', 'authEndpoint', 'appId', 'editorialWorkflow'] as const;

/** Reports one problem with the `cms` key: the field inside it, what is wrong and how to fix it. */
export type CmsProblem = (field: string, reason: string, fix?: string) => void;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Reads `cms: true`, `cms: false` or a mapping. Returns undefined when the CMS is off; every
 * problem goes to `fail`, so that all of them are reported with the rest of the config at once.
 */
export function parseCmsConfig(raw: unknown, fail: CmsProblem, warn: CmsProblem): CmsSettings | undefined {
  if (raw === undefined || raw === false || raw === null) return undefined;
  const localOnly = (): void => warn('cms', 'cms has no git backend: the published /admin/ cannot save; only `stadtbote dev --cms` can', 'add backend and repo under cms (README, "Web editor")');
  if (raw === true) {
    localOnly();
    return { branch: 'main', editorialWorkflow: false };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    fail('cms', 'cms must be true, false or a mapping with the git backend', 'cms: true, or\ncms:\n  backend: github\n  repo: stadt/presse\n  authBaseUrl: https://oauth.example.org');
    return undefined;
  }
  const given = raw as Record<string, unknown>;
  const text = (key: (typeof KEYS)[number], check?: (v: string) => boolean, fix?: string): string | undefined => {
    const v = given[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '' || (check && !check(v))) {
      fail(`cms.${key}`, `cms.${key} ${typeof v === 'string' && v.trim() !== '' ? `"${v}" is not valid` : 'must be a non-empty text'}`, fix);
      return undefined;
    }
    return v.trim();
  };
  let backend: CmsBackendName | undefined;
  if (given.backend !== undefined) {
    if (BACKENDS.includes(given.backend as CmsBackendName)) backend = given.backend as CmsBackendName;
    else fail('cms.backend', `cms.backend "${String(given.backend)}" is not supported`, `use one of ${BACKENDS.join(', ')}`);
  }
  const repo = text('repo', (v) => /^[^\s/]+(\/[^\s/]+)+$/.test(v), 'write owner/name, e.g. repo: stadt/presse');
  const branch = text('branch', (v) => /^[^\s~^:?*[\\]+$/.test(v), 'a git branch name, e.g. branch: main') ?? 'main';
  const urlFix = 'an absolute https:// address';
  const apiRoot = text('apiRoot', isHttpUrl, urlFix);
  const authBaseUrl = text('authBaseUrl', isHttpUrl, urlFix);
  const authEndpoint = text('authEndpoint', (v) => !/^[a-z]+:/i.test(v), 'a path on authBaseUrl, e.g. authEndpoint: auth');
  const appId = text('appId');
  let editorialWorkflow = false;
  if (given.editorialWorkflow !== undefined) {
    if (typeof given.editorialWorkflow === 'boolean') editorialWorkflow = given.editorialWorkflow;
    else fail('cms.editorialWorkflow', 'cms.editorialWorkflow must be true or false');
  }
  for (const key of Object.keys(given)) {
    if (!(KEYS as readonly string[]).includes(key)) fail(`cms.${key}`, `unknown key "cms.${key}"`, `known keys: ${KEYS.join(', ')}`);
  }
  if (backend && !repo) fail('cms.repo', `cms.backend ${backend} needs the repository`, 'repo: owner/name');
  // Without its own OAuth client Decap sends GitHub logins through Netlify's server: a third party.
  if (backend === 'github' && !authBaseUrl) fail('cms.authBaseUrl', 'cms.backend github needs the address of an OAuth client for the login', 'authBaseUrl: https://oauth.example.org (see README, "Web editor")');
  if (backend === 'gitea' && !appId) fail('cms.appId', 'cms.backend gitea needs the id of an OAuth application on the Gitea instance', 'appId: the "Client ID" of the application');
  if (backend === 'gitea' && editorialWorkflow) fail('cms.editorialWorkflow', "Decap CMS's Gitea backend has no editorial workflow", 'remove editorialWorkflow, or use GitHub or GitLab');
  if (!backend && repo) fail('cms.backend', 'cms.repo is given without cms.backend', `add backend: ${BACKENDS.join(' | ')}`);
  if (!backend && !repo) localOnly();
  return {
    ...(backend ? { backend } : {}),
    ...(repo ? { repo } : {}),
    branch,
    ...(apiRoot ? { apiRoot } : {}),
    ...(authBaseUrl ? { authBaseUrl } : {}),
    ...(authEndpoint ? { authEndpoint } : {}),
    ...(appId ? { appId } : {}),
    editorialWorkflow,
  };
}
