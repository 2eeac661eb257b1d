/** Whether config `allowedHosts` allows a host: exact names, or `*.example.org` for its subdomains. */
export function isAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((a) => {
    const x = a.toLowerCase();
    return h === x || (x.startsWith('*.') && h.endsWith(x.slice(1)));
  });
}
