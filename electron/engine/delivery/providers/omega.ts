/**
 * Omega Stream, on prose docs only (its "Upload via link" page, seed 000_986fba1e76f17748.txt; no
 * OpenAPI file or SDK exists): pull only, since the docs describe no push.
 * `POST [base]/client/video/stream/copy` with `title`, `url` and the origin's `headers` (the only
 * keys the page lists), answered with the video (`id`, `status`, `ready_to_stream`). The page
 * documents only that call and says to poll "until `readyToStream` is `true`", while its example
 * spells the flag `ready_to_stream`: both are read. The poll path follows the copy's:
 * `GET [base]/client/video/stream/{id}`, which is also what `ferry serve` answers.
 */
import type { ProviderAdapter, ProviderCall, PullLink, RemoteStatus } from './provider';
import { record, text } from './read-answer';
import { apiKeyRequest, ServiceError, type ServiceResponse } from './service-request';
import { unservedNotice } from './unserved-notice';

type Method = 'GET' | 'POST';

function omegaRequest(call: ProviderCall, method: Method, path: string, json?: unknown): Promise<ServiceResponse> {
  const key = {
    scheme: 'Bearer',
    missing: `No Omega Stream API key is saved for "${call.target.name}": save the API key with the target.`,
  };
  return apiKeyRequest(call, key, method, `/client/video/stream${path}`, json);
}

export function omegaStatus(body: unknown): RemoteStatus {
  const video = record(body);
  const word = text(video.status) ?? 'unknown';
  const hls = text(record(video.playback).hls);
  // The example's spelling and the prose's: whichever Omega sends.
  if (video.ready_to_stream === true || video.readyToStream === true)
    return { phase: 'ready', word, ...(hls ? { playbackUrl: hls } : {}) };
  if (word === 'error') {
    const reason = text(record(video.error).message) ?? text(video.error) ?? text(video.message);
    return { phase: 'error', word, error: reason ?? 'Omega Stream reports an error without a reason.' };
  }
  // `canceled` is ferry serve's word for a copy someone stopped there: it will never be ready.
  if (word === 'canceled') return { phase: 'error', word, error: 'The copy was canceled on the service.' };
  // `uploaded`, `downloading`, `processing`…: still working.
  return { phase: 'processing', word };
}

async function pull(call: ProviderCall, link: PullLink): Promise<{ remoteId: string }> {
  const response = await omegaRequest(call, 'POST', '/copy', {
    title: link.name,
    url: link.url,
    ...(Object.keys(link.headers).length > 0 ? { headers: link.headers } : {}),
  });
  const id = record(response.body).id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new ServiceError({
      method: 'POST',
      message: `Omega Stream answered the copy without a video id; check that the target's endpoint is the API base (https://omegastream.net/company).`,
    });
  }
  return { remoteId: String(id) };
}

export const omegaAdapter: ProviderAdapter = {
  id: 'omega',
  async test(call) {
    // The seed documents no list, and ferry serve answers 404 for one before looking at the key; a
    // made-up video is asked for instead. Any answer but 401/403 (or a 5xx) means the key was
    // accepted: ferry serve checks it first, then answers 400 or 404 for the video.
    try {
      await omegaRequest(call, 'GET', '/ferry-credential-check');
    } catch (error) {
      if (!(error instanceof ServiceError) || error.failure.status === undefined) throw error;
      if (error.failure.status === 401 || error.failure.status === 403) throw error;
      if (error.failure.status >= 500) throw error;
    }
    return 'Omega Stream accepted the API key.';
  },
  // The copy takes a title, the link and its headers, nothing of how the video is served.
  servingNotice: (serving) => unservedNotice('Omega Stream', serving),
  pull,
  async status(call, remoteId) {
    const response = await omegaRequest(call, 'GET', `/${encodeURIComponent(remoteId)}`);
    return omegaStatus(response.body);
  },
};
