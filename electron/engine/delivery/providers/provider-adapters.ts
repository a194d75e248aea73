/** Every provider's adapter, by the provider's name in the contract. */
import type { DeliveryProvider } from '../../../../shared/delivery-targets';
import { bunnyAdapter } from './bunny';
import { cloudflareAdapter } from './cloudflare';
import { gcoreAdapter } from './gcore';
import { omegaAdapter } from './omega';
import type { ProviderAdapter } from './provider';
import { tusAdapter } from './tus';
import { twelvelabsAdapter } from './twelvelabs';
import { vimeoAdapter } from './vimeo';

export const providerAdapters: Record<DeliveryProvider, ProviderAdapter> = {
  cloudflare: cloudflareAdapter,
  gcore: gcoreAdapter,
  omega: omegaAdapter,
  twelvelabs: twelvelabsAdapter,
  bunny: bunnyAdapter,
  vimeo: vimeoAdapter,
  tus: tusAdapter,
};
