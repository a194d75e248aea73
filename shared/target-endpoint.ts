/**
 * A target's endpoint in the forms a user has at hand, as the API origin its adapter appends its
 * paths to. For Cloudflare Stream: the origin (`https://api.cloudflare.com`), the SDK's base URL
 * (`…/client/v4`), or the API base `ferry serve` prints (`…/client/v4/accounts/{id}/stream`), whose
 * account is taken when none is given. For Omega Stream: its base, or the copy URL. Pure.
 */
import type { DeliveryProvider } from './delivery-targets';

export type EndpointForm =
  { ok: true; endpoint: string; account?: string } | { ok: false; path: 'endpoint' | 'account'; message: string };

const cloudflarePath = /\/client\/v4(?:\/accounts\/([^/]+)(?:\/stream(?:\/copy)?)?)?$/;
const omegaPath = /\/client\/video\/stream(?:\/copy)?$/;

export function apiOrigin(provider: DeliveryProvider, endpoint: string, account: string | undefined): EndpointForm {
  // An API base loses its trailing slash (paths are appended).
  const base = endpoint.replace(/\/+$/, '');
  if (provider === 'omega') return { ok: true, endpoint: base.replace(omegaPath, '') };
  if (provider !== 'cloudflare') return { ok: true, endpoint: base };
  const found = cloudflarePath.exec(base);
  if (!found) return { ok: true, endpoint: base };
  const origin = base.slice(0, found.index);
  const named = found[1];
  if (named !== undefined && account !== undefined && named !== account)
    return {
      ok: false,
      path: 'account',
      message: `is ${account} but the endpoint names account ${named}; give one of them, or the same in both.`,
    };
  return { ok: true, endpoint: origin, ...(named !== undefined && account === undefined ? { account: named } : {}) };
}
