/**
 * The up-front half of the private-network rule for links that arrive over HTTP: a link whose
 * host is written as a loopback, private or link-local address, or is `localhost`, is refused
 * before anything is queued, unless that address was allowed (`--allow-address`). Names that
 * resolve to such addresses, and redirects to them, are refused by the fetcher at connect time
 * (engine/sources/private-network-guard.ts). The rule itself is shared/private-address.ts. Pure.
 */
import ipaddr from 'ipaddr.js';
import { describePrivateHost, privateHostOf, privateNetworkAdvice } from '../../shared/private-address';

export { isAllowedAddress } from '../../shared/private-address';

/** Whether `text` is an address or a CIDR range ipaddr.js reads (what --allow-address takes). */
export const isAddressOrRange = (text: string): boolean => ipaddr.isValid(text) || ipaddr.isValidCIDR(text);

/** Whether a host to listen on is this machine only (127.0.0.0/8, ::1, localhost). */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || (ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback');

/** Why this link may not be fetched for an HTTP caller, or undefined when it may (or is not a URL: the contract says so). */
export function privateLinkProblem(link: string, allowed: readonly string[] = []): string | undefined {
  const found = privateHostOf(link, allowed);
  if (!found) return undefined;
  return `${describePrivateHost(found)}, which links sent to ferry serve may not reach; ${privateNetworkAdvice}.`;
}
