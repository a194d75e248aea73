/** tus-js-client in Node as Cloudflare's documentation uses it (5 MiB chunks, a file stream), as a promise, for the TUS tests. */
import fs from 'node:fs';
import * as tus from 'tus-js-client';
import { UploadVideos } from '../../electron/server/upload-links';
import type { ServerContext } from '../../electron/server/server-context';

export const chunkSize = 5 * 1024 * 1024;

export const streamEndpoint = (baseUrl: string) =>
  `${baseUrl}/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/stream`;

export function upload(file: string, options: tus.UploadOptions): { done: Promise<void>; tus: tus.Upload } {
  let started!: tus.Upload;
  const done = new Promise<void>((resolve, reject) => {
    started = new tus.Upload(fs.createReadStream(file), {
      chunkSize,
      retryDelays: [],
      uploadSize: fs.statSync(file).size,
      ...options,
      onSuccess: () => resolve(),
      onError: reject,
    });
    started.start();
  });
  return { done, tus: started };
}

/** The video an upload became, as the engine has it. */
export async function videoOfUpload(context: ServerContext, mediaId: string) {
  const uid = new UploadVideos(context.paths.uploads).videoOf(mediaId);
  const found = await context.call('get', { uid: uid ?? mediaId });
  if (!found.ok) throw new Error(found.error.message);
  return found.value;
}

const tusHeaders = { 'Tus-Resumable': '1.0.0' };

/** A TUS creation on `POST …/stream` as a script sends it, with the token. */
export const createUpload = (baseUrl: string, token: string, headers: Record<string, string>, query = '') =>
  fetch(`${streamEndpoint(baseUrl)}${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, ...tusHeaders, ...headers },
  });

/** One PATCH of `body` at `offset` to an upload URL (a one-time URL needs no token). */
export const patchUpload = (location: string, offset: number, body: Buffer, headers: Record<string, string> = {}) =>
  fetch(location, {
    method: 'PATCH',
    headers: {
      ...tusHeaders,
      'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream',
      ...headers,
    },
    body,
  });

/** How many bytes an upload holds, as HEAD tells (null when it answers no offset: gone or expired). */
export async function uploadOffset(location: string, headers: Record<string, string> = {}) {
  const head = await fetch(location, { method: 'HEAD', headers: { ...tusHeaders, ...headers } });
  return { status: head.status, offset: head.headers.get('upload-offset') };
}

/** The sentence of a refusal in Cloudflare's envelope. */
export async function refusal(response: Response): Promise<string> {
  const body = (await response.json()) as { success: boolean; errors: { message: string }[] };
  if (body.success) throw new Error('expected a refusal in the envelope');
  return body.errors.map((error) => error.message).join('; ');
}
