/** Placeholder until its adapter lands: refuses, so nothing is sent half-way. */
import type { ProviderAdapter } from './provider';

export const bunnyAdapter: ProviderAdapter = {
  id: 'bunny',
  test: () => Promise.reject(new Error('not built yet')),
};
