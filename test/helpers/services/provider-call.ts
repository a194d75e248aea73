/** A saved delivery target, and a ProviderCall to a service double as the deliver stage makes one for it. */
import type { ProviderCall } from '../../../electron/engine/delivery/providers/provider';
import type { DeliveryTarget } from '../../../shared/delivery-targets';

/** A target as listTargets answers it: a push of the MP4, no account, library or index, a credential kept. */
export function deliveryTarget(
  provider: DeliveryTarget['provider'],
  endpoint: string,
  overrides: Partial<DeliveryTarget> = {},
): DeliveryTarget {
  return {
    id: 't1',
    name: provider,
    provider,
    mode: 'push',
    endpoint,
    account: null,
    library: null,
    index: null,
    send: 'mp4',
    readyWhen: 'complete',
    hasCredential: true,
    ...overrides,
  };
}

export function providerCallTo(
  provider: DeliveryTarget['provider'],
  endpoint: string,
  credential: string | null,
  overrides: Partial<DeliveryTarget> = {},
): ProviderCall {
  return { target: deliveryTarget(provider, endpoint, overrides), credential, signal: new AbortController().signal };
}
