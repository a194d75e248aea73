/**
 * Which URLs name this machine, a private network or a link-local address (the cloud metadata
 * service among them) in their host, as written: the up-front half of the rule that keeps what
 * callers over `ferry serve` send (links, a webhook URL, a delivery target) to public addresses.
 * Names that resolve to such addresses are refused at connect time by request-filtering-agent.
 * Pure; ipaddr.js runs anywhere.
 */
import ipaddr from 'ipaddr.js';

/** Whether `address` is one of `allowed` (addresses or CIDR ranges, as --allow-address takes them). */
export function isAllowedAddress(address: string, allowed: readonly string[]): boolean {
  const parsed = ipaddr.process(address);
  return allowed.some((entry) => {
    if (!ipaddr.isValidCIDR(entry))
      return ipaddr.isValid(entry) && ipaddr.process(entry).toString() === parsed.toString();
    const [range, bits] = ipaddr.parseCIDR(entry);
    return range.kind() === parsed.kind() && parsed.match(range, bits);
  });
}

/** The URL's host when it names a non-public address that is not allowed, with what kind it is; else undefined. */
export function privateHostOf(
  url: string,
  allowed: readonly string[] = [],
): { host: string; range: string } | undefined {
  if (!URL.canParse(url)) return undefined;
  // WHATWG URL writes every IPv4 form (0x7f.1, 2130706433) as dotted decimal. A trailing dot
  // (`localhost.`) names the same host.
  const host = new URL(url).hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return isAllowedAddress('127.0.0.1', allowed) ? undefined : { host, range: 'loopback' };
  }
  if (!ipaddr.isValid(host)) return undefined;
  const range = ipaddr.process(host).range();
  if (range === 'unicast' || isAllowedAddress(host, allowed)) return undefined;
  return { host, range };
}

/** How a refusal names what the host is: "localhost is this machine", "10.0.0.1 is a private address". */
export function describePrivateHost(found: { host: string; range: string }): string {
  if (found.range === 'loopback' && !ipaddr.isValid(found.host)) return `${found.host} is this machine`;
  const article = /^[aeiou]/.test(found.range) ? 'an' : 'a';
  return `${found.host} is ${article} ${found.range} address`;
}

/** What lifts the rule, for every sentence that refuses something by it. */
export const privateNetworkAdvice =
  'start ferry serve with --allow-private-networks (or --allow-address for one address) to allow it';
