/**
 * Vimeo, push only (its pull's field names are not in the reference): `POST /me/videos` with the
 * tus approach makes the video and the tus upload at once, so the session hands tus-js-client the
 * `upload_link` to continue (no creation endpoint), then `GET /videos/{id}` is followed until
 * Vimeo has transcoded it. Sources (prose only: the official @vimeo/vimeo client has no types):
 * developer.vimeo.com/api/upload/videos and the API reference's video object, as quoted in
 * ../shared/reference/providers.md §4.
 */
import type { ProviderAdapter, ProviderCall, PushFile, RemoteStatus, ServingOptions } from './provider';
import { text } from './read-answer';
import { ServiceError, sentFor, serviceRequest } from './service-request';
import { unservedNotice } from './unserved-notice';

/** The API version the reference documents; without it Vimeo answers in whatever version is current. */
const accept = 'application/vnd.vimeo.*+json;version=3.4';

function headers(call: ProviderCall): Record<string, string> {
  if (!call.credential) {
    throw new Error(
      `Vimeo target "${call.target.name}" has no access token. Save the target with a token that has the upload scope.`,
    );
  }
  return { Authorization: `bearer ${call.credential}`, Accept: accept };
}

const request = (call: ProviderCall, method: 'GET' | 'POST', path: string, json?: unknown) =>
  serviceRequest({
    method,
    url: `${call.target.endpoint}${path}`,
    headers: headers(call),
    ...(json === undefined ? {} : { json }),
    ...sentFor(call),
  });

const field = (body: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
    body,
  );

/**
 * The video's state, pure. `transcode.status` and `upload.status` (in_progress, complete, error)
 * come from Vimeo's public API reference: the stored reference says these names are NOT FOUND, and
 * the double follows the same names. Vimeo tells no "playable before complete", so both readyWhen
 * wait for the transcode to complete. No playbackUrl: Vimeo's `link` is its watch page, not a
 * stream a player can load, and the contract's playbackUrl is where the service plays the video.
 */
export function vimeoStatus(video: unknown): RemoteStatus {
  const upload = text(field(video, 'upload', 'status'));
  const transcode = text(field(video, 'transcode', 'status'));
  if (upload === 'error') return { phase: 'error', word: 'upload error', error: 'Vimeo says the upload failed.' };
  if (transcode === 'error') {
    return { phase: 'error', word: 'transcode error', error: 'Vimeo could not transcode the video.' };
  }
  if (transcode === 'complete') return { phase: 'ready', word: 'complete', pct: 100 };
  return {
    phase: 'processing',
    word: upload && upload !== 'complete' ? `upload ${upload}` : (transcode ?? 'transcoding'),
  };
}

/**
 * The creation body: the tus upload, the name, and for a video that requires signed URLs (which
 * Vimeo has not) `privacy.view: nobody`, so it is private there rather than public. Pure.
 */
export function creationBody(file: PushFile): Record<string, unknown> {
  return {
    upload: { approach: 'tus', size: String(file.size) },
    name: file.name,
    ...(file.serving?.requireSignedURLs ? { privacy: { view: 'nobody' } } : {}),
  };
}

/** What the notice says of the video's serving options on Vimeo. Pure. */
export function vimeoServingNotice(serving: ServingOptions): string | null {
  const rest = unservedNotice('Vimeo', { ...serving, requireSignedURLs: false });
  const made = serving.requireSignedURLs
    ? 'Vimeo has no signed URLs: the video is private there (privacy.view nobody); share it from Vimeo.'
    : null;
  return [made, rest].filter((s): s is string => s !== null).join(' ') || null;
}

export const vimeoAdapter: ProviderAdapter = {
  id: 'vimeo',
  async test(call) {
    const response = await request(call, 'GET', '/me?fields=uri,name');
    const name = text(field(response.body, 'name')) ?? text(field(response.body, 'uri')) ?? 'an unnamed account';
    return `Vimeo took the access token: it belongs to ${name}.`;
  },
  servingNotice: vimeoServingNotice,
  push: {
    kind: 'tus',
    async session(call, file, resume, chunkSize) {
      // The upload link needs no credential of ours: Vimeo made it for this one upload.
      const session = { endpoint: null, metadata: {}, headers: () => ({}), chunkSize };
      if (resume?.uploadUrl) {
        return { ...session, uploadUrl: resume.uploadUrl, remoteId: resume.remoteId, state: resume.state };
      }
      // No link, or the stage found it gone (HEAD 404/410): a new video with a new upload.
      const created = await request(call, 'POST', '/me/videos', creationBody(file));
      const uri = text(field(created.body, 'uri'));
      const uploadUrl = text(field(created.body, 'upload', 'upload_link'));
      const id = uri
        ?.split('/')
        .filter((s) => s !== '')
        .at(-1);
      if (!id || !uploadUrl) {
        throw new ServiceError({
          status: created.status,
          method: 'POST',
          message: `Vimeo's answer to POST /me/videos has no ${id ? 'upload.upload_link' : 'uri'}: the video cannot be sent.`,
        });
      }
      return { ...session, uploadUrl, remoteId: id, state: {} };
    },
  },
  async status(call, remoteId) {
    const fields = 'uri,upload.status,transcode.status';
    const response = await request(call, 'GET', `/videos/${encodeURIComponent(remoteId)}?fields=${fields}`);
    return vimeoStatus(response.body);
  },
};
