/** Delivery targets for component tests, shaped as listTargets answers them. */
import type { DeliveryTarget } from '../../../shared/delivery-targets';

export function makeTarget(id: string, name: string, extra: Partial<DeliveryTarget> = {}): DeliveryTarget {
  return {
    id,
    name,
    provider: 'tus',
    mode: 'push',
    endpoint: 'https://tus.example.com/files/',
    account: null,
    library: null,
    index: null,
    send: 'mp4',
    readyWhen: 'complete',
    hasCredential: true,
    ...extra,
  };
}
