/**
 * A Twelve Labs API v1.3 stand-in on 127.0.0.1: the legacy tasks here, the current assets and
 * indexed assets in twelvelabs-double-assets.ts. Sources, followed for paths, wire field names,
 * status words and error bodies:
 * - twelvelabs-js 1.3.4 (npm, the official SDK, a devDependency here): `serialization/resources/tasks/**`
 *   (TasksCreateResponse `_id`/`video_id`, TasksRetrieveResponse), `serialization/types/IndexSchema.js`
 *   and `IndexModelsItem.js` (`_id`, `index_name`, `models[].model_name`), `api/resources/tasks/client/Client.js`
 *   (POST /tasks multipart: `index_id`, `video_file` | `video_url`, `enable_video_stream`, `user_metadata`);
 * - ../shared/reference/providers.md §3 (docs.twelvelabs.io v1.3 tasks/create and the task object):
 *   status validating → pending → queued → indexing → ready | failed; errors `{code, message}`.
 * test/engine/delivery/providers/twelvelabs-sdk.test.ts drives this double with the SDK's own client,
 * so the SDK's parsing reads every answer, and checks the adapter's form fields against the SDK's.
 * It keeps what it received (a file's bytes as a sha256, or what it fetched from a video_url itself)
 * and every form's field names, so tests compare them with what was sent.
 */
import http from 'node:http';
import { listenOnLoopback } from '../listen-loopback';
import { sendJson as send } from './respond';
import { assetRoutes, type DoubleAsset, type DoubleIndexedAsset } from './twelvelabs-double-assets';
import { drain, fetchVideo, hexId, readForm, receivedOf, type Received } from './twelvelabs-double-form';

export type { Received };

export interface TwelveLabsDoubleOptions {
  /** The one API key accepted. Default `key`. */
  apiKey?: string;
  /** Index id → name. Default `{ idx: 'Ferry test index' }`. */
  indexes?: Record<string, string>;
  /** The indexes' model names (`marengo3.0`, `pegasus1.2`). Default `['marengo3.0']`. */
  models?: string[];
  /** How every task ends. Default `ready`. */
  end?: 'ready' | 'failed';
  /** The first `times` requests answer 429 with this Retry-After (seconds). */
  rateLimit?: { times: number; retryAfter: string };
  /** POST /tasks and POST /assets answer 400 with this body (a documented refusal such as parameter_invalid). */
  refuseUploads?: { code: string; message: string };
}

export interface DoubleTask {
  id: string;
  videoId: string;
  indexId: string;
  /** The uploaded part's file name and type, for a push. */
  file: { name: string; type: string } | null;
  videoUrl: string | null;
  /** What arrived: the upload, or what the double fetched from video_url (null when that failed). */
  received: Received | null;
  status: string;
}

export interface TwelveLabsDouble {
  origin: string;
  tasks(): DoubleTask[];
  /** Every request, in order. */
  requests: { method: string; path: string; contentLength: string | undefined }[];
  /** Each multipart form's field names (POST /tasks, POST /assets), in order. */
  forms: string[][];
  /** Each JSON body (POST /indexes/{id}/indexed-assets), in order. */
  bodies: Record<string, unknown>[];
  assets(): DoubleAsset[];
  indexedAssets(): DoubleIndexedAsset[];
  close(): Promise<void>;
}

const steps = ['validating', 'pending', 'queued', 'indexing'];

interface TaskRecord extends DoubleTask {
  step: number;
  createdAt: string;
  /** With a video_url: the double's own fetch of it, awaited before the task is shown. */
  fetching: Promise<void>;
  stream: boolean;
}

export async function startTwelveLabsDouble(options: TwelveLabsDoubleOptions = {}): Promise<TwelveLabsDouble> {
  const apiKey = options.apiKey ?? 'key';
  const indexes = options.indexes ?? { idx: 'Ferry test index' };
  const tasks = new Map<string, TaskRecord>();
  const requests: TwelveLabsDouble['requests'] = [];
  const forms: string[][] = [];
  const bodies: Record<string, unknown>[] = [];
  let rateLimited = 0;
  let origin = '';
  const current = assetRoutes({
    ...{ indexes, end: options.end ?? 'ready', origin: () => origin, forms, bodies },
    ...(options.refuseUploads ? { refuse: options.refuseUploads } : {}),
  });

  function taskJson(task: TaskRecord): Record<string, unknown> {
    return {
      _id: task.id,
      index_id: task.indexId,
      video_id: task.status === 'ready' ? task.videoId : undefined,
      created_at: task.createdAt,
      updated_at: new Date().toISOString(),
      status: task.status,
      system_metadata: { filename: task.file?.name ?? task.videoUrl },
      ...(task.status === 'ready' && task.stream
        ? {
            hls: {
              video_url: `${origin}/hls/${task.videoId}/stream.m3u8`,
              thumbnail_urls: [],
              status: 'COMPLETE',
              updated_at: new Date().toISOString(),
            },
          }
        : {}),
    };
  }

  async function createTask(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const form = await readForm(req, res);
    if (!form) return;
    forms.push([...new Set(form.keys())]);
    if (options.refuseUploads) return void send(res, 400, options.refuseUploads);
    const indexId = form.get('index_id');
    if (typeof indexId !== 'string' || indexId === '') {
      return void send(res, 400, {
        code: 'parameter_not_provided',
        message: 'The index_id parameter is required but was not provided.',
      });
    }
    if (!(indexId in indexes)) {
      return void send(res, 404, { code: 'index_not_found', message: `The index ${indexId} does not exist.` });
    }
    const file = form.get('video_file');
    const url = form.get('video_url');
    if ((file === null) === (url === null)) {
      return void send(res, 400, {
        code: file === null ? 'parameter_not_provided' : 'parameter_invalid',
        message: 'Provide exactly one of video_file or video_url.',
      });
    }
    if (file !== null && typeof file === 'string') {
      return void send(res, 400, { code: 'parameter_invalid', message: 'The video_file parameter must be a file.' });
    }
    const task: TaskRecord = {
      id: hexId(),
      videoId: hexId(),
      indexId,
      file: file ? { name: file.name, type: file.type } : null,
      videoUrl: typeof url === 'string' ? url : null,
      received: null,
      status: steps[0]!,
      step: 0,
      createdAt: new Date().toISOString(),
      fetching: Promise.resolve(),
      stream: form.get('enable_video_stream') !== 'false',
    };
    if (file) {
      task.received = await receivedOf(file);
    } else {
      task.fetching = fetchVideo(task.videoUrl!).then((got) => {
        task.received = got;
      });
    }
    tasks.set(task.id, task);
    send(res, 200, { _id: task.id, video_id: task.videoId });
  }

  async function readTask(id: string, res: http.ServerResponse): Promise<void> {
    const task = tasks.get(id);
    if (!task)
      return void send(res, 404, {
        code: 'resource_not_exist',
        message: `Resource with id ${id} does not exist in tasks.`,
      });
    await task.fetching;
    // A video_url the double could not fetch fails the task, as Twelve Labs does.
    if (task.videoUrl && !task.received) task.status = 'failed';
    send(res, 200, taskJson(task));
    if (task.status === 'failed' || task.status === 'ready') return;
    task.step += 1;
    task.status = steps[task.step] ?? options.end ?? 'ready';
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', origin).pathname;
    requests.push({ method: req.method ?? '', path, contentLength: req.headers['content-length'] });
    if (options.rateLimit && rateLimited < options.rateLimit.times) {
      rateLimited += 1;
      await drain(req);
      const after = options.rateLimit.retryAfter;
      return void send(
        res,
        429,
        {
          code: 'too_many_requests',
          message: `You have exceeded the rate limit. Please try again later after ${after} seconds.`,
        },
        { 'Retry-After': after },
      );
    }
    if (req.headers['x-api-key'] !== apiKey) {
      await drain(req);
      return void send(res, 401, {
        code: 'api_key_invalid',
        message:
          'API Key is either invalid or expired. Please check your API key or generate a new one from the dashboard and try again.',
      });
    }
    const index = /^\/v1\.3\/indexes\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && index) {
      const id = decodeURIComponent(index[1]!);
      const name = indexes[id];
      if (name === undefined)
        return void send(res, 404, { code: 'index_not_found', message: `The index ${id} does not exist.` });
      return void send(res, 200, {
        _id: id,
        index_name: name,
        models: (options.models ?? ['marengo3.0']).map((model_name) => ({
          model_name,
          model_options: ['visual', 'audio'],
        })),
      });
    }
    if (req.method === 'POST' && path === '/v1.3/tasks') return createTask(req, res);
    if (await current.handle(req, res, path)) return;
    const task = /^\/v1\.3\/tasks\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && task) return readTask(decodeURIComponent(task[1]!), res);
    await drain(req);
    send(res, 404, { code: 'resource_not_exist', message: `No route ${req.method ?? ''} ${path}.` });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) send(res, 500, { code: 'internal_error', message: error.message });
      else res.destroy(error);
    });
  });
  const listening = await listenOnLoopback(server);
  origin = `http://127.0.0.1:${listening.port}`;
  return {
    origin,
    tasks: () =>
      [...tasks.values()].map(({ id, videoId, indexId, file, videoUrl, received, status }) => ({
        id,
        videoId,
        indexId,
        file,
        videoUrl,
        received,
        status,
      })),
    requests,
    forms,
    bodies,
    assets: current.assets,
    indexedAssets: current.indexedAssets,
    close: listening.close,
  };
}
