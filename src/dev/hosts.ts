import { networkInterfaces, hostname } from 'node:os';

/** Binding to every interface: the preview is then reachable from the network. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** The host part of a `Host` header: `[::1]:4000` → `::1`, `Localhost.:80` → `localhost`. */
function hostPart(header: string): string {
  const h = header.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']')) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * Which `Host` headers the dev server answers. A page on any other site can make the browser send
 * requests to 127.0.0.1 under a name it controls (DNS rebinding) and read the answers, drafts and
 * the live-reload stream included; so only loopback names, the bound address and, when bound to
 * every interface, the machine's own addresses and name are served.
 */
export function hostAllowList(boundHost: string): (header: string | undefined) => boolean {
  const allowed = new Set(['localhost', '127.0.0.1', '::1', hostPart(boundHost)]);
  if (isWildcard(boundHost)) {
    for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) allowed.add(info.address.toLowerCase().replace(/%.*$/, ''));
    const name = hostname().toLowerCase();
    allowed.add(name);
    allowed.add(`${name}.local`);
  }
  return (header) => {
    if (header === undefined || header === '') return false;
    const name = hostPart(header);
    // `*.localhost` always resolves to loopback (RFC 6761); 127.x.y.z is loopback too.
    return allowed.has(name) || name.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(name);
  };
}
