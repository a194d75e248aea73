/** How targets read in the UI: providers by their names, modes by what they do. */
import type { DeliveryProvider, DeliveryTarget } from '../../../../shared/delivery-targets';

export const providerLabels: Record<DeliveryProvider, string> = {
  tus: 'Any TUS server',
  cloudflare: 'Cloudflare Stream',
  gcore: 'Gcore',
  bunny: 'Bunny Stream',
  vimeo: 'Vimeo',
  twelvelabs: 'Twelve Labs',
};

export const modeLabels: Record<DeliveryTarget['mode'], string> = {
  tus: 'Upload (TUS)',
  pull: 'Link to pull',
};
