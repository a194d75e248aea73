/**
 * Any TUS 1.0.0 server: the target's endpoint is the creation URL, its credential the
 * Authorization header's value. Nothing to follow once the upload ends: the server holds the file.
 */
import type { ProviderAdapter, ProviderCall } from './provider';
import { fetchFor, PrivateAddressError } from './public-only-fetch';
import { ServiceError } from './service-request';
import { unservedNotice } from './unserved-notice';

const authorization = (call: ProviderCall): Record<string, string> =>
  call.credential ? { Authorization: call.credential } : {};

export const tusAdapter: ProviderAdapter = {
  id: 'tus',
  // A TUS server keeps the file only: whoever serves it from there decides who may watch it.
  servingNotice: (serving) => unservedNotice('The TUS server', serving, '', 'whatever serves the file from it'),
  async test(call) {
    // OPTIONS is TUS's own discovery request; a TUS server answers it with Tus-Version.
    const response = await fetchFor(call.publicOnly)(call.target.endpoint, {
      method: 'OPTIONS',
      headers: authorization(call),
      signal: call.signal,
    }).catch((error: Error & { cause?: Error }) => {
      if (error instanceof PrivateAddressError) throw error;
      throw new ServiceError({ method: 'OPTIONS', message: error.cause?.message ?? error.message });
    });
    await response.body?.cancel();
    const versions = response.headers.get('Tus-Version');
    if (!response.ok || !versions) {
      throw new ServiceError({
        status: response.status,
        method: 'OPTIONS',
        message: `${call.target.endpoint} answered ${response.status}${versions ? '' : ' without Tus-Version: it is not a TUS endpoint'}`,
      });
    }
    return `${call.target.endpoint} is a TUS server (versions ${versions}).`;
  },
  push: {
    kind: 'tus',
    session(call, file, resume, chunkSize) {
      return Promise.resolve({
        endpoint: call.target.endpoint,
        uploadUrl: resume?.uploadUrl ?? null,
        metadata: { name: file.name, filetype: file.type },
        headers: () => authorization(call),
        chunkSize,
        remoteId: resume?.remoteId ?? null,
        state: {},
      });
    },
  },
};
