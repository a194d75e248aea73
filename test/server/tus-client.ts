/** tus-js-client in Node as Cloudflare's documentation uses it (5 MiB chunks, a file stream), as a promise, for the TUS tests. */
import fs from 'node:fs';
import * as tus from 'tus-js-client';
import { uploadsDirectory, UploadVideos } from '../../electron/server/upload-links';
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
  const uid = new UploadVideos(uploadsDirectory(context.paths)).videoOf(mediaId);
  const found = await context.call('get', { uid: uid ?? mediaId });
  if (!found.ok) throw new Error(found.error.message);
  return found.value;
}
