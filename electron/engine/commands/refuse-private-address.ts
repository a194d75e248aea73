/**
 * The up-front half of the private-network rule for what a caller over `ferry serve` saves: a
 * webhook URL or a target's endpoint whose host is written as a loopback, private or link-local
 * address (or is localhost) is refused before it is stored, naming the field and the flag that
 * lifts the rule. Names that resolve to such addresses are refused at connect time (the sender's
 * and the targets' guarded agents).
 */
import { FerryError } from '../../../shared/ferry-error';
import { describePrivateHost, privateHostOf, privateNetworkAdvice } from '../../../shared/private-address';

/** Throws INVALID_INPUT naming `field` when `url` may not be reached by `what` (a webhook, a delivery target). */
export function refusePrivateAddress(field: string, url: string, allowed: readonly string[], what: string): void {
  const found = privateHostOf(url, allowed);
  if (!found) return;
  const message = `${describePrivateHost(found)}, which ${what} set over ferry serve may not reach; ${privateNetworkAdvice}`;
  throw new FerryError('INVALID_INPUT', `${field}: ${message}.`, [{ path: field, message }]);
}
