/**
 * What a save keeps of a target's credential and of its reach, pure.
 *
 * The credential goes only where its owner sent it: a save that moves the endpoint to another
 * origin (scheme, host or port) drops the stored credential unless it brings one, whatever the
 * door, so that re-saving a Cloudflare target with an attacker's endpoint cannot make the next
 * test send the token there.
 *
 * The reach (may its requests go to private networks) follows whoever wrote the endpoint: a save
 * over ferry serve marks the target public-only; a save by the local user (app, CLI) with a new
 * endpoint lifts the mark, since the user typed it; a local save of the same endpoint (a rename,
 * another mode) keeps the mark, since the user may never have looked at a name a caller chose.
 */
import type { DeliveryTarget } from '../../../shared/delivery-targets';

export interface Resave {
  /** A string saves it, null removes the stored one, undefined keeps it. */
  credential: string | null | undefined;
  /** false marks the target public-only, true lifts the mark, undefined keeps it. */
  privateNetworks: boolean | undefined;
}

const originOf = (url: string): string => (URL.canParse(url) ? new URL(url).origin : url);

/**
 * `given`: the credential as the request gave it (an empty string removes it, undefined keeps
 * it) and its privateNetworks (false from ferry serve's doors, absent from the local user).
 */
export function resaveTarget(
  existing: DeliveryTarget | undefined,
  endpoint: string,
  given: { credential?: string; privateNetworks?: boolean },
): Resave {
  const credential = given.credential === undefined ? undefined : given.credential.trim() || null;
  if (!existing) return { credential, privateNetworks: given.privateNetworks ?? true };
  const moved = originOf(existing.endpoint) !== originOf(endpoint);
  return {
    credential: credential === undefined && moved && existing.hasCredential ? null : credential,
    privateNetworks: given.privateNetworks ?? (existing.endpoint === endpoint ? undefined : true),
  };
}
