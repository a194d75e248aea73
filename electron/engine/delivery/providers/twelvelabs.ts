/**
 * Twelve Labs (API v1.3): a video goes into an index as a "video indexing task", created by one
 * multipart POST /tasks carrying the file (push) or a direct link (pull), then followed with
 * GET /tasks/{id} until it is ready. The credential is the API key, sent as `x-api-key`. Before
 * either, the index is read (GET /indexes/{id}) for its models, whose limits decide the duration.
 *
 * Why tasks, which the docs call legacy in favour of assets + indexed assets: twelvelabs-js 1.3.4
 * still offers tasks.create, not deprecated, and it takes a file up to 2 GB in one request, while
 * its assets.create takes a local file only up to 200 MB (larger ones need the multipart-upload
 * flow of presigned parts, not written here yet) and needs the asset ready before indexing it.
 *
 * Not the official SDK as a client: its tasks.create takes the file as one form part it sends
 * with no way to report bytes going out (the delivery's progress, speed and ETA need them). Its
 * types and serializers check the double and these requests instead (twelvelabs-sdk.test.ts).
 */
import fs from 'node:fs/promises';
import { multipartBody } from './multipart-body';
import type { ProviderAdapter, ProviderCall, RemoteStatus } from './provider';
import { record, text } from './read-answer';
import { ServiceError, serviceErrorText, sentFor, serviceRequest } from './service-request';
import { twelvelabsRefusal } from './twelvelabs-limits';
import { unservedNotice } from './unserved-notice';

const api = (call: ProviderCall, path: string): string => `${call.target.endpoint}/v1.3${path}`;

const authorization = (call: ProviderCall): Record<string, string> => ({ 'x-api-key': call.credential ?? '' });

function indexId(call: ProviderCall): string {
  if (!call.target.index) {
    throw new Error(`Target "${call.target.name}" has no Twelve Labs index: save it with its index ID.`);
  }
  return call.target.index;
}

/** A refusal whose status alone would say too little: the message says what to do, the service's words kept. */
function explained(error: unknown, status: number, message: string): unknown {
  if (!(error instanceof ServiceError) || error.failure.status !== status) return error;
  return new ServiceError({ ...error.failure, message, serviceText: error.failure.serviceText ?? message });
}

/** GET /indexes/{id}: the index object (`index_name`, `models[].model_name`), a 404 explained. */
async function readIndex(call: ProviderCall): Promise<unknown> {
  const id = indexId(call);
  try {
    const { body } = await serviceRequest({
      method: 'GET',
      url: api(call, `/indexes/${encodeURIComponent(id)}`),
      headers: authorization(call),
      ...sentFor(call),
    });
    return body;
  } catch (error) {
    throw explained(error, 404, `Twelve Labs has no index ${id} for this API key: check the target's index ID.`);
  }
}

/** The index's model names, or null when the answer has no list (the limits then take the stricter model). */
export function indexModels(index: unknown): string[] | null {
  const models = record(index).models;
  if (!Array.isArray(models)) return null;
  const names = models.map((m) => text(record(m).model_name)).filter((m): m is string => m !== null);
  return names.length > 0 ? names : null;
}

/** The task id from the create answer `{_id, video_id}`. */
function taskId(body: unknown, method: string): { remoteId: string } {
  const id = body && typeof body === 'object' ? (body as Record<string, unknown>)._id : undefined;
  if (typeof id !== 'string' || id === '') {
    throw new ServiceError({ method, message: 'Twelve Labs created a task but answered without its _id.' });
  }
  return { remoteId: id };
}

/** The task object's `status` and `hls` read as the deliver stage follows them. */
export function taskStatus(task: Record<string, unknown>, remoteId: string): RemoteStatus {
  const word = typeof task.status === 'string' ? task.status : 'unknown';
  const hls = task.hls && typeof task.hls === 'object' ? (task.hls as Record<string, unknown>).video_url : undefined;
  const playback = typeof hls === 'string' && hls !== '' ? { playbackUrl: hls } : {};
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
      const body = multipartBody(
        { index_id: indexId(call) },
        { field: 'video_file', path: file.path, size: file.size, name: file.name, type: file.type },
        onProgress,
        pace,
      );
      const response = await serviceRequest({
        method: 'POST',
        url: api(call, '/tasks'),
        headers: authorization(call),
        body,
        ...sentFor(call),
      });
      return taskId(response.body, 'POST');
    },
  },

  async pull(call, link) {
    if (Object.keys(link.headers).length > 0) {
      // Twelve Labs takes a bare video_url; a link that needs headers would fail there later, unexplained.
      throw new Error(
        'Twelve Labs cannot send request headers when it fetches a link: deliver this video with a push target instead.',
      );
    }
    const form = new FormData();
    form.set('index_id', indexId(call));
    form.set('video_url', link.url);
    const response = await serviceRequest({
      method: 'POST',
      url: api(call, '/tasks'),
      headers: authorization(call),
      body: form,
      ...sentFor(call),
    });
    return taskId(response.body, 'POST');
  },

  async status(call, remoteId) {
    const { body } = await serviceRequest({
      method: 'GET',
      url: api(call, `/tasks/${encodeURIComponent(remoteId)}`),
      headers: authorization(call),
      ...sentFor(call),
    });
    return taskStatus((body && typeof body === 'object' ? body : {}) as Record<string, unknown>, remoteId);
  },
};
