/**
 * Which host names `ferry serve` answers for. A page of another site can point its own name at
 * 127.0.0.1 (DNS rebinding) and then reach the server as "same origin"; the `Host` it sends is
 * still its own name, so a request for a name the server was not started for is refused. A
 * socket opened from a page (`Origin`) must come from one of those names too. Pure.
 */

/** This machine's own names, always accepted. */
export const loopbackHostNames = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** A host as a `Host` header or a URL writes it: lower case, an IPv6 address in brackets. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** The names accepted: loopback, the address listened on (unless a wildcard), the machine's own names for a wildcard, and `--allow-host`. */
export function allowedHostNames(listenHost: string, wildcardNames: readonly string[], allowHosts: readonly string[]) {
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::';
  const names = [...loopbackHostNames, ...(wildcard ? wildcardNames : [listenHost]), ...allowHosts];
  return [...new Set(names.map(hostName))];
}

/** The name part of a `Host` header (`example.com:8787` → `example.com`), or undefined when it is not one. */
export function hostOfHeader(header: string | undefined): string | undefined {
  const match = /^([a-z0-9._-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.exec(header?.trim() ?? '');
  return match?.[1] && hostName(match[1]);
}

/** Whether `text` is a host name or address without a port (what --allow-host takes). */
export const isHostName = (text: string): boolean => hostOfHeader(hostName(text)) === hostName(text);

const advice = (name: string) =>
  `start ferry serve with --allow-host ${name} if this machine is really reached by that name (a name on your network, or a proxy's)`;

/** Why a request with this `Host` is refused, or undefined when it is accepted. */
export function hostProblem(header: string | undefined, allowed: readonly string[]): string | undefined {
  const name = hostOfHeader(header);
  if (name === undefined) return 'The request has no valid Host header; send the address this server listens on.';
  if (allowed.includes(name)) return undefined;
  return `This server answers for ${allowed.join(', ')}, not ${name}: ${advice(name)}.`;
}

/** Why a socket opened from the page at `origin` is refused, or undefined: no Origin (not a browser), or a page of an accepted name. */
export function originProblem(origin: string | undefined, allowed: readonly string[]): string | undefined {
  if (origin === undefined) return undefined;
  const url = URL.canParse(origin) ? new URL(origin) : undefined;
  const name = url && /^https?:$/.test(url.protocol) ? hostName(url.hostname) : undefined;
  if (name !== undefined && allowed.includes(name)) return undefined;
  return `A page of ${origin} may not open Ferry's socket; open the UI from ${allowed.join(', ')}${
    name === undefined ? '' : `, or ${advice(name)}`
  }.`;
}
