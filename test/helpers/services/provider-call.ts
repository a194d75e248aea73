/** A ProviderCall to a service double, as the deliver stage makes one for a saved target. */
import type { ProviderCall } from '../../../electron/engine/delivery/providers/provider';
import type { DeliveryTarget } from '../../../shared/delivery-targets';

export function providerCallTo(
  provider: DeliveryTarget['provider'],
  endpoint: string,
  credential: string | null,
  overrides: Partial<DeliveryTarget> = {},
): ProviderCall {
  const target: DeliveryTarget = {
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
  return { target, credential, signal: new AbortController().signal };
}
