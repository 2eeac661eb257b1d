/**
 * The base path is written into server configurations (nginx `location`, `return` targets, Apache
 * `RewriteRule` targets and `<If>` expressions), where `$1`, `$uri`, `%1`, `${VAR}`, quotes, spaces
 * and braces mean something to the server. Municipal sites use plain paths (`/presse/`,
 * `/aktuelles/pressemitteilungen/`), so anything beyond letters, digits and `-._~` is refused
 * rather than escaped four different ways.
 */
const SAFE_BASE_PATH = /^\/([A-Za-z0-9._~-]+\/)*$/;

/** Why a base URL's path cannot be used, or undefined when it can. */
export function basePathProblem(baseUrl: string): string | undefined {
  const { pathname } = new URL(baseUrl);
  if (SAFE_BASE_PATH.test(pathname)) return undefined;
  return `its path ${pathname} may contain only letters a–z, digits and "-._~" between the slashes (servers read "$", "%", quotes, spaces and braces in their configuration)`;
}
