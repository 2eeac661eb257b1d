import { rulesIn, type ProblemText } from '../model/messages.js';
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
export function parseCmsConfig(raw: unknown, failWith: CmsProblem, warnWith: CmsProblem, language = 'de'): CmsSettings | undefined {
  if (raw === undefined || raw === false || raw === null) return undefined;
  const m = rulesIn(language);
  const t = m['config-value'];
  const fail = (field: string, text: ProblemText): void => failWith(field, text.reason, text.fix);
  const localOnly = (): void => {
    const text = m['cms-local-only'].localOnly();
    warnWith('cms', text.reason, text.fix);
  };
  if (raw === true) {
    localOnly();
    return { branch: 'main', editorialWorkflow: false };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    fail('cms', t.cms());
    return undefined;
  }
  const given = raw as Record<string, unknown>;
  const text = (key: (typeof KEYS)[number], check?: (v: string) => boolean, hint = ''): string | undefined => {
    const v = given[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '' || (check && !check(v))) {
      fail(`cms.${key}`, t.cmsValue({ key, value: typeof v === 'string' ? v.trim() : '', hint }));
      return undefined;
    }
    return v.trim();
  };
  let backend: CmsBackendName | undefined;
  if (given.backend !== undefined) {
    if (BACKENDS.includes(given.backend as CmsBackendName)) backend = given.backend as CmsBackendName;
    else fail('cms.backend', t.cmsBackend({ value: String(given.backend), known: BACKENDS.join(', ') }));
  }
  const repo = text('repo', (v) => /^[^\s/]+(\/[^\s/]+)+$/.test(v), 'repo');
  const branch = text('branch', (v) => /^[^\s~^:?*[\\]+$/.test(v), 'branch') ?? 'main';
  const apiRoot = text('apiRoot', isHttpUrl, 'url');
  const authBaseUrl = text('authBaseUrl', isHttpUrl, 'url');
  const authEndpoint = text('authEndpoint', (v) => !/^[a-z]+:/i.test(v), 'endpoint');
  const appId = text('appId');
  let editorialWorkflow = false;
  if (given.editorialWorkflow !== undefined) {
    if (typeof given.editorialWorkflow === 'boolean') editorialWorkflow = given.editorialWorkflow;
    else fail('cms.editorialWorkflow', t.cmsWorkflow());
  }
  for (const key of Object.keys(given)) {
    if (!(KEYS as readonly string[]).includes(key)) fail(`cms.${key}`, t.cmsUnknownKey({ key, known: KEYS.join(', ') }));
  }
  if (backend && !repo) fail('cms.repo', t.cmsNeedsRepo({ backend }));
  // Without its own OAuth client Decap sends GitHub logins through Netlify's server: a third party.
  if (backend === 'github' && !authBaseUrl) fail('cms.authBaseUrl', t.cmsGithubAuth());
  if (backend === 'gitea' && !appId) fail('cms.appId', t.cmsGiteaAppId());
  if (backend === 'gitea' && editorialWorkflow) fail('cms.editorialWorkflow', t.cmsGiteaWorkflow());
  if (!backend && repo) fail('cms.backend', t.cmsRepoWithoutBackend({ known: BACKENDS.join(' | ') }));
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
