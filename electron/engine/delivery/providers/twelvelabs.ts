/**
 * Twelve Labs (API v1.3), the credential an API key sent as `x-api-key`. Before anything is sent
 * the index is read (GET /indexes/{id}) for its models, whose limits decide the duration.
 * A pull, and a push up to 200 MB, take the current flow (assets, then indexed assets:
 * twelvelabs-assets.ts). A larger push is one legacy multipart POST /tasks (up to 2 GB) followed
 * with GET /tasks/{id}: twelvelabs-js 1.3.4 still offers tasks.create, not deprecated, while its
 * assets.create takes a local file only up to 200 MB; beyond that it has a multipart-upload flow
 * of presigned parts, not written here yet.
 *
 * Not the official SDK as a client: it sends a file as one form part with no way to report bytes
 * going out (the delivery's progress, speed and ETA need them). Its types and serializers check
 * the double and these requests instead (twelvelabs-sdk.test.ts).
 */
import fs from 'node:fs/promises';
import { multipartBody } from './multipart-body';
import type { ProviderAdapter, RemoteStatus } from './provider';
import { record, text } from './read-answer';
import { serviceErrorText } from './service-request';
import { assetPrefix, assetStatus, createAsset, directUploadMaxBytes } from './twelvelabs-assets';
import { twelvelabsRefusal } from './twelvelabs-limits';
import { createdId, indexId, indexModels, readIndex, twelvelabsRequest } from './twelvelabs-request';
import { unservedNotice } from './unserved-notice';

/** The legacy task object's `status` and `hls` read as the deliver stage follows them. Pure. */
export function taskStatus(task: Record<string, unknown>, remoteId: string): RemoteStatus {
  const word = text(task.status) ?? 'unknown';
  const hls = text(record(task.hls).video_url);
  const playback = hls ? { playbackUrl: hls } : {};
  if (word === 'ready') return { phase: 'ready', word, ...playback };
  if (word === 'failed') {
    // v1.3 documents no reason on a task; a text there, if one ever comes, is the service's own.
    const reason = serviceErrorText(task);
    return {
      phase: 'error',
      word,
      error:
        reason ??
        `Twelve Labs could not index the video (task ${remoteId} failed without a reason). ` +
          "Check it against the index model's video requirements, then retry.",
    };
  }
  // validating, pending, queued, indexing, and uploading (in the SDK's enum): still under way.
  return { phase: 'processing', word, ...playback };
}

export const twelvelabsAdapter: ProviderAdapter = {
  id: 'twelvelabs',

  async test(call) {
    const id = indexId(call);
    const name = text(record(await readIndex(call)).index_name);
    return name
      ? `Twelve Labs index "${name}" (${id}) accepts this API key.`
      : `Twelve Labs index ${id} accepts this API key.`;
  },

  // The duration limit is the index's models': they are read from the index itself.
  refuses: async (media, call) => twelvelabsRefusal(media, call ? indexModels(await readIndex(call)) : null),

  servingNotice: (serving) => unservedNotice('Twelve Labs', serving),

  push: {
    kind: 'form',
    async send(call, file, onProgress, pace) {
      // A file that is gone is no network failure to retry: say so before opening a request.
      await fs.access(file.path);
      const small = file.size <= directUploadMaxBytes;
      const part = { path: file.path, size: file.size, name: file.name, type: file.type };
      if (small) {
        const fields = { method: 'direct', filename: file.name };
        return createAsset(call, multipartBody(fields, { field: 'file', ...part }, onProgress, pace));
      }
      const form = multipartBody({ index_id: indexId(call) }, { field: 'video_file', ...part }, onProgress, pace);
      return { remoteId: createdId((await twelvelabsRequest(call, 'POST', '/tasks', { form })).body, 'a task') };
    },
  },

  async pull(call, link) {
    if (Object.keys(link.headers).length > 0) {
      // Twelve Labs takes a bare url; a link that needs headers would fail there later, unexplained.
      throw new Error(
        'Twelve Labs cannot send request headers when it fetches a link: deliver this video with a push target instead.',
      );
    }
    const form = new FormData();
    form.set('method', 'url');
    form.set('url', link.url);
    form.set('filename', link.name);
    return createAsset(call, form);
  },

  async status(call, remoteId) {
    if (remoteId.startsWith(assetPrefix)) return assetStatus(call, remoteId.slice(assetPrefix.length));
    const { body } = await twelvelabsRequest(call, 'GET', `/tasks/${encodeURIComponent(remoteId)}`);
    return taskStatus(record(body), remoteId);
  },
};
