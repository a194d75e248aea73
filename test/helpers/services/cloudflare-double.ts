/**
 * A Cloudflare Stream double on 127.0.0.1: a real @tus/server at
 * `/client/v4/accounts/<account>/stream` that enforces Stream's chunk rules and names the video in
 * `stream-media-id`, and its REST API in Cloudflare's envelope: list, get (each GET moves the
 * video one scripted step on), and copy, which fetches the link itself (HEAD then GET) as Stream
 * does. Every request needs the Bearer token; the next N requests can be answered 429 with
 * Retry-After. Closed by whoever started it.
 *
 * Sources, followed for paths, field names, types, states and error shapes:
 * - npm `cloudflare` 7.3.0 (the official SDK, a dev dependency): resources/stream/stream.ts
 *   (`create` POST /accounts/{id}/stream with Tus-Resumable, Upload-Length, Upload-Creator,
 *   Upload-Metadata; `get`, `list` and their params; `Video`), resources/stream/copy.ts (POST
 *   /accounts/{id}/stream/copy, `CopyCreateParams`), core/error.ts (4xx as `errors[]`). Requests are
 *   checked against these types (cloudflare-double-requests.ts), answers by the SDK test
 *   (test/engine/delivery/providers/cloudflare-double-sdk.test.ts).
 * - developers.cloudflare.com/stream: uploading-videos/upload-via-link (the copy, HEAD and range
 *   GET of the origin), resumable-uploads (chunk rules, `stream-media-id`, Upload-Metadata keys),
 *   using-webhooks (error codes); condensed in ../shared/reference/providers.md §1.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { EVENTS, type Upload } from '@tus/server';
import { startTusServer } from '../tus-server';
import { readJson, sendJson as send } from './respond';
import { takeCopy, takeCreation } from './cloudflare-double-requests';
import { listQueryProblem } from './cloudflare-sdk-shapes';
import {
  defaultScript,
  envelope,
  errorTexts,
  failure,
  videoObject,
  type DoubleVideo,
  type ServingFields,
  type VideoScript,
} from './cloudflare-double-videos';

export interface CloudflareDoubleOptions {
  /** Default `acc`. */
  account?: string;
  /** Default `token`. */
  token?: string;
  /** What each video goes through once it has arrived (default: queued, inprogress 50 %, ready). */
  script?: Partial<VideoScript>;
}

const chunkMultiple = 256 * 1024;
const minChunk = 5 * 1024 * 1024;
const maxChunk = 200 * 1024 * 1024;
/** A link the double fetches gets this long, so a test never waits on a silent origin. */
const fetchTimeoutMs = 10_000;

/** The parts of @tus/server's request an event listener reads: the Node request it came from. */
type TusEventRequest = { runtime?: { node?: { req?: http.IncomingMessage } } };

/** A request refused before its body is read (a PATCH's bytes, say): drained, and the connection closed after. */
function refuseUnread(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: string) {
  req.resume();
  return send(res, status, failure(status === 400 ? 10005 : 10000, message), {
    'Tus-Resumable': '1.0.0',
    Connection: 'close',
  });
}

/** Stream's chunk rules on a PATCH, or what is wrong with it. */
function chunkProblem(length: number, offset: number, uploadLength: number): string | null {
  if (!Number.isInteger(length)) return 'Content-Length is required on a PATCH.';
  if (length > maxChunk) return `A chunk may be at most ${maxChunk} bytes (200 MiB).`;
  if (offset + length >= uploadLength) return null;
  if (length < minChunk) return `A chunk other than the last must be at least ${minChunk} bytes (5 MiB).`;
  if (length % chunkMultiple !== 0) return `A chunk other than the last must be a multiple of ${chunkMultiple} bytes.`;
  return null;
}

export async function startCloudflareDouble(options: CloudflareDoubleOptions = {}) {
  const account = options.account ?? 'acc';
  const token = options.token ?? 'token';
  const script: VideoScript = { steps: defaultScript, ...options.script };
  const base = `/client/v4/accounts/${account}/stream`;
  const videos = new Map<string, DoubleVideo>();
  /** The video each TUS upload is, by the upload's id. */
  const byUpload = new Map<string, DoubleVideo>();
  /** The video a creation request announced, until @tus/server names its upload. */
  const creating = new WeakMap<http.IncomingMessage, DoubleVideo>();
  const fetches = new Set<Promise<void>>();
  const stopFetches = new AbortController();
  const limited = { left: 0, retryAfter: '1' };
  /** Every request that reached the double, when it came, and whether it was rate limited. */
  const arrivals: { method: string; path: string; at: number; limited: boolean }[] = [];
  /** Every copy's JSON body, as sent. */
  const copies: Record<string, unknown>[] = [];
  let origin = '';

  const newVideo = (name: string, size: number, arrival: DoubleVideo['arrival'], serving: ServingFields) => {
    const video: DoubleVideo = {
      uid: randomUUID().replaceAll('-', ''),
      serving,
      name,
      size,
      created: new Date().toISOString(),
      arrival,
      step: 0,
    };
    videos.set(video.uid, video);
    return video;
  };

  /** Stream's copy: HEAD (it wants the size) then GET; a link it cannot fetch ends the video in error. */
  const fetchLink = async (video: DoubleVideo, url: string) => {
    const signal = AbortSignal.any([stopFetches.signal, AbortSignal.timeout(fetchTimeoutMs)]);
    try {
      const head = await fetch(url, { method: 'HEAD', signal });
      if (!head.ok) throw new Error(`HEAD answered ${head.status}`);
      const got = await fetch(url, { signal });
      if (!got.ok) throw new Error(`GET answered ${got.status}`);
      video.fetched = Buffer.from(await got.arrayBuffer());
      video.size = video.fetched.length;
      video.arrival = 'arrived';
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      video.error = { code: 'ERR_FETCH_ORIGIN_ERROR', text: `${errorTexts.ERR_FETCH_ORIGIN_ERROR} (${cause})` };
      video.arrival = 'failed';
    }
  };

  const copy = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const fields = await readJson(req);
    copies.push(fields);
    const creator = req.headers['upload-creator'];
    const taken = takeCopy(fields, typeof creator === 'string' ? creator : undefined);
    if (!taken.ok) return send(res, 400, failure(10005, taken.message));
    const { link, name, serving } = taken.value;
    const video = newVideo(name ?? link, 0, 'downloading', serving);
    video.downloadedFrom = link;
    const fetching = fetchLink(video, link).finally(() => fetches.delete(fetching));
    fetches.add(fetching);
    return send(res, 200, envelope(videoObject(video, origin, script)));
  };

  const authProblem = (req: http.IncomingMessage): [number, string] | null => {
    const header = req.headers.authorization;
    if (!header) return [401, 'Authentication error: missing Authorization header.'];
    if (header !== `Bearer ${token}`) return [403, 'Authentication error'];
    return null;
  };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://double');
    const method = req.method ?? '';
    const tusRequest = ['HEAD', 'PATCH', 'DELETE'].includes(method) || (method === 'POST' && url.pathname === base);
    if (method === 'OPTIONS') return false;
    arrivals.push({ method, path: url.pathname, at: Date.now(), limited: limited.left > 0 });
    if (limited.left > 0) {
      limited.left--;
      req.resume();
      return send(res, 429, failure(971, 'Please wait and consider throttling your request speed'), {
        'Retry-After': limited.retryAfter,
        ...(tusRequest ? { 'Tus-Resumable': '1.0.0', Connection: 'close' } : {}),
      });
    }
    if (!url.pathname.startsWith(base)) return refuseUnread(req, res, 403, 'Authentication error');
    const auth = authProblem(req);
    if (auth) return refuseUnread(req, res, auth[0], auth[1]);
    const rest = url.pathname.slice(base.length).replace(/^\//, '');

    if (tusRequest && method === 'POST') {
      if (req.headers['tus-resumable'] !== '1.0.0')
        return refuseUnread(req, res, 400, 'Send Tus-Resumable: 1.0.0 to create an upload.');
      const size = Number(req.headers['upload-length']);
      if (!Number.isInteger(size) || size < 0) return refuseUnread(req, res, 400, 'Upload-Length is required.');
      const serving = takeCreation(req);
      if (!serving.ok) return refuseUnread(req, res, 400, serving.message);
      const video = newVideo('', size, 'pendingupload', serving.value);
      creating.set(req, video);
      res.setHeader('stream-media-id', video.uid);
      return false;
    }
    if (method === 'PATCH') {
      const video = byUpload.get(rest);
      if (!video) return false; // @tus/server answers 404 for an upload it does not know.
      const problem = chunkProblem(
        Number(req.headers['content-length']),
        Number(req.headers['upload-offset']),
        video.size,
      );
      return problem ? refuseUnread(req, res, 400, problem) : false;
    }
    if (tusRequest) return false;

    if (method === 'POST' && rest === 'copy') return copy(req, res);
    if (method === 'GET' && rest === '') {
      const query = listQueryProblem(url.searchParams);
      if (query) return send(res, 400, failure(10005, `${query} (cloudflare SDK 7.3.0).`));
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      const list = [...videos.values()].slice(0, limit).map((v) => videoObject(v, origin, script));
      return send(res, 200, { ...envelope(list), total: String(videos.size), range: String(list.length) });
    }
    const video = method === 'GET' ? videos.get(rest) : undefined;
    if (!video) return send(res, 404, failure(10003, 'Not Found'));
    return send(res, 200, envelope(videoObject(video, origin, script, true)));
  };

  const server = await startTusServer({ path: base, route });
  origin = server.origin;
  server.tus.on(EVENTS.POST_CREATE, (req: TusEventRequest, upload: Upload) => {
    const video = req.runtime?.node?.req && creating.get(req.runtime.node.req);
    if (!video) return;
    video.uploadId = upload.id;
    video.name = upload.metadata?.name ?? upload.id;
    byUpload.set(upload.id, video);
  });
  server.tus.on(EVENTS.POST_FINISH, (_req: TusEventRequest, _res: Response, upload: Upload) => {
    const video = byUpload.get(upload.id);
    if (video) video.arrival = 'arrived';
  });

  return {
    origin,
    account,
    token,
    /** The real TUS server underneath: its requests, bytes, faults. */
    tus: server,
    videos,
    arrivals,
    copies,
    /** The bytes Stream holds for a video: its upload, or what it fetched. */
    file(uid: string): Buffer {
      const video = videos.get(uid);
      if (video?.fetched) return video.fetched;
      if (video?.uploadId) return server.file(video.uploadId);
      throw new Error(`The double has no bytes for video ${uid}.`);
    },
    /** The Upload-Metadata a pushed video was created with. */
    metadata(uid: string): Record<string, string | null> {
      const uploadId = videos.get(uid)?.uploadId;
      if (!uploadId) throw new Error(`Video ${uid} was not pushed by TUS.`);
      return server.metadata(uploadId);
    },
    /** Stream drops an unfinished upload (its URL expired): HEAD and PATCH on it answer 404 from now on. */
    async expireUpload(uid: string) {
      const uploadId = videos.get(uid)?.uploadId;
      if (!uploadId) throw new Error(`Video ${uid} has no upload to expire.`);
      byUpload.delete(uploadId);
      await server.tus.datastore.remove(uploadId);
    },
    /** The next `times` requests, whatever they are, answer 429 with this Retry-After (seconds). */
    rateLimitNext(times: number, retryAfter = '1') {
      limited.left = times;
      limited.retryAfter = retryAfter;
    },
    async close() {
      stopFetches.abort();
      await Promise.allSettled([...fetches]);
      await server.close();
    },
  };
}

export type CloudflareDouble = Awaited<ReturnType<typeof startCloudflareDouble>>;
