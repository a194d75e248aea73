/**
 * The up-front half of the private-network rule for links that arrive over HTTP: a link whose
 * host is written as a loopback, private or link-local address, or is `localhost`, is refused
 * before anything is queued, unless that address was allowed (`--allow-address`). Names that
 * resolve to such addresses, and redirects to them, are refused by the fetcher at connect time
 * (engine/sources/private-network-guard.ts). Pure.
 */
import ipaddr from 'ipaddr.js';

const flagAdvice = 'start ferry serve with --allow-private-networks (or --allow-address for one address) to allow it';

/** Whether `text` is an address or a CIDR range ipaddr.js reads (what --allow-address takes). */
export const isAddressOrRange = (text: string): boolean => ipaddr.isValid(text) || ipaddr.isValidCIDR(text);

/** Whether a host to listen on is this machine only (127.0.0.0/8, ::1, localhost). */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || (ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback');

/** Whether `address` is one of `allowed` (addresses or CIDR ranges). */
export function isAllowedAddress(address: string, allowed: readonly string[]): boolean {
  const parsed = ipaddr.process(address);
  return allowed.some((entry) => {
    if (!ipaddr.isValidCIDR(entry))
      return ipaddr.isValid(entry) && ipaddr.process(entry).toString() === parsed.toString();
    const [range, bits] = ipaddr.parseCIDR(entry);
    return range.kind() === parsed.kind() && parsed.match(range, bits);
  });
}

/** Why this link may not be fetched for an HTTP caller, or undefined when it may (or is not a URL: the contract says so). */
export function privateLinkProblem(link: string, allowed: readonly string[] = []): string | undefined {
  // The contract refuses what is not a URL, with its own sentence.
  if (!URL.canParse(link)) return undefined;
  // WHATWG URL writes every IPv4 form (0x7f.1, 2130706433) as dotted decimal.
  const host = new URL(link).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    if (isAllowedAddress('127.0.0.1', allowed)) return undefined;
    return `${host} is this machine, which links sent to ferry serve may not reach; ${flagAdvice}.`;
  }
  if (!ipaddr.isValid(host)) return undefined;
  const range = ipaddr.process(host).range();
  if (range === 'unicast' || isAllowedAddress(host, allowed)) return undefined;
  return `${host} is a ${range} address, which links sent to ferry serve may not reach; ${flagAdvice}.`;
}
