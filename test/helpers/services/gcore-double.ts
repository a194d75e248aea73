/**
 * A Gcore Streaming double on a real TUS server on 127.0.0.1, following Gcore's official SDK types
 * (G-Core/gcore-python, src/gcore/types/streaming/{create_video_param,video,video_create_response,
 * direct_upload_parameters}.py; the facts relied on are in gcore-sdk-facts.ts with their lines) and
 * its docs (upload-video-via-api.mdx, vod-status.mdx; providers.md §2): the REST API
 * (`Authorization: APIKey …`), POST /streaming/videos answering a list of videos, the upload
 * parameters with expiring tokens, the TUS endpoint at /upload/ that checks the token, video and
 * client in the metadata with Gcore's documented 500 texts, a scripted state sequence per video
 * advancing on each GET, and pulls it fetches itself with the one Authorization header that
 * origin_http_headers carries (three GETs expecting 200, failing with Gcore's origin texts).
 * Closed by whoever started it.
 */
import type http from 'node:http';
import { randomBytes } from 'node:crypto';
import { Metadata } from '@tus/server';
import { startTusServer } from '../tus-server';
import { readJson, sendJson as json } from './respond';

type Step = 'pending' | 'viewable' | 'ready' | { error: string };

export interface GcoreDoubleVideo {
  id: number;
  name: string;
  status: string;
  error: string | null;
  originUrl: string | null;
  /** The origin_http_headers string as received. */
  originHeaders: string | null;
  /** The content arrived (upload finished, origin fetched): the script runs from here. */
  content: boolean;
  /** The steps still to show, one per GET once the content arrived. */
  script: Step[];
  step: Step | null;
  uploadId: string | null;
  /** Bytes fetched from the origin. */
  originBytes: Buffer | null;
}

interface Token {
  videoId: number;
  clientId: number;
  expiresAt: number;
}

/** Gcore's texts for an origin it could not download (vod-status.mdx). */
function originFailure(status: number | null, error: Error | null): string {
  if (status === 401 || status === 403) return 'Access to the origin is forbidden';
  if (error?.name === 'TimeoutError') return 'Network timeout occurred';
  if (error) return 'Connection reset by peer';
  return 'The requested origin was not found';
}

export interface GcoreDoubleOptions {
  apiKey?: string;
  clientId?: number;
  tokenTtlMs?: number;
  /** Called when a pull video is made, before Gcore goes to its origin (a test changes the origin here). */
  onPull?: (video: GcoreDoubleVideo) => void;
}

export async function startGcoreDouble(options: GcoreDoubleOptions = {}) {
  const apiKey = options.apiKey ?? 'key';
  const clientId = options.clientId ?? 4242;
  const tokenTtlMs = options.tokenTtlMs ?? 4 * 3600_000;
  let expiredIssues = 0;
  let nextId = 1001;
  let script: Step[] = ['pending', 'viewable', 'ready'];
  const limits = { times: 0, retryAfter: '1' };
  const videos = new Map<number, GcoreDoubleVideo>();
  const tokens = new Map<string, Token>();
  const issued: string[] = [];
  const refusals: string[] = [];
  const restRequests: { method: string; path: string; authorization?: string }[] = [];
  const pulls = new Set<Promise<void>>();
  /** Every POST /streaming/videos body, for checking against the SDK's CreateVideoParam. */
  const created: Record<string, unknown>[] = [];
  /** Set: uploads end `empty` with this reason instead of being processed. */
  let uploadRefusal: string | null = null;
  const closing = new AbortController();

  const entity = (video: GcoreDoubleVideo) => {
    const step = video.step;
    const done = (n: number) => ({ progress: n, status: n === 100 ? 'complete' : 'processing', error: null });
    // Each rendition's progress (vod360n, vod720n) at each step; an error stops the first one.
    const progress = { pending: [0, 0], viewable: [100, 40], ready: [100, 100] };
    const renditions =
      step === null
        ? []
        : typeof step === 'string'
          ? progress[step].map(done)
          : [{ progress: 60, status: 'error', error: step.error }, done(100)];
    const playable = step === 'viewable' || step === 'ready';
    return {
      id: video.id,
      name: video.name,
      client_id: clientId,
      slug: `v${video.id}`,
      status: video.status,
      error: video.error,
      origin_url: video.originUrl,
      origin_size: video.originBytes?.length ?? null,
      hls_url: playable ? `${tusServer.origin}/videos/${clientId}_v${video.id}/master.m3u8` : null,
      converted_videos: renditions.map((r, i) => ({ id: i + 1, name: ['vod360n', 'vod720n'][i], ...r })),
    };
  };

  /** One GET moves a video with content one step along its script. */
  const advance = (video: GcoreDoubleVideo) => {
    if (!video.content || video.script.length === 0) return;
    const step = video.script.shift()!;
    video.step = step;
    video.status = typeof step === 'string' ? step : 'error';
    if (typeof step !== 'string') video.error = step.error;
  };

  async function fetchOrigin(video: GcoreDoubleVideo): Promise<void> {
    // "Authorization HTTP request header … Syntax: `Authorization: <auth-scheme> <parameters>`":
    // that one header goes to the origin, and nothing else the string may hold.
    const authorization = /^Authorization:\s*(.+)$/i.exec(video.originHeaders ?? '')?.[1];
    const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};
    let reason = '';
    // "We attempt to download a file three times, expecting a 200 OK."
    for (let attempt = 1; attempt <= 3 && !closing.signal.aborted; attempt++) {
      try {
        const signal = AbortSignal.any([closing.signal, AbortSignal.timeout(10_000)]);
        const response = await fetch(video.originUrl ?? '', { headers, signal });
        const body = Buffer.from(await response.arrayBuffer());
        const announced = Number(response.headers.get('content-length') ?? body.length);
        if (response.status === 200 && body.length === announced) {
          video.originBytes = body;
          video.content = true;
          return;
        }
        reason = response.status === 200 ? 'The downloaded file is incomplete' : originFailure(response.status, null);
      } catch (error) {
        reason = originFailure(null, error as Error);
      }
    }
    // After three failures the entity stays `empty` with the reason; it must be deleted and made anew.
    video.error = reason;
  }

  async function createVideo(req: http.IncomingMessage, res: http.ServerResponse): Promise<true> {
    const request = await readJson(req);
    created.push(request);
    const body = request.video as Record<string, unknown> | undefined;
    if (!body || typeof body.name !== 'string' || body.name === '')
      return json(res, 400, { errors: { name: ["can't be blank"] } });
    const video: GcoreDoubleVideo = {
      id: nextId++,
      name: body.name,
      status: 'empty',
      error: null,
      originUrl: typeof body.origin_url === 'string' ? body.origin_url : null,
      originHeaders: typeof body.origin_http_headers === 'string' ? body.origin_http_headers : null,
      content: false,
      script: [...script],
      step: null,
      uploadId: null,
      originBytes: null,
    };
    videos.set(video.id, video);
    if (video.originUrl) {
      options.onPull?.(video);
      const pull = fetchOrigin(video).finally(() => pulls.delete(pull));
      pulls.add(pull);
    }
    // VideoCreateResponse is List[Video] in the SDK.
    return json(res, 201, [entity(video)]);
  }

  function uploadParameters(video: GcoreDoubleVideo, res: http.ServerResponse): true {
    const token = `eyJ${randomBytes(12).toString('hex')}`;
    // A token issued already expired stands for one that outlived its 4 h before the upload began.
    const expiresAt = expiredIssues > 0 ? 0 : Date.now() + tokenTtlMs;
    expiredIssues = Math.max(0, expiredIssues - 1);
    tokens.set(token, { videoId: video.id, clientId, expiresAt });
    issued.push(token);
    const hostname = new URL(tusServer.origin).host;
    return json(res, 200, {
      // The same host is the "upload server"; plain http, which real Gcore servers never are.
      servers: [{ id: 1, role: 'upload', hostname, active: true, ssl: false }],
      token,
      video: entity(video),
    });
  }

  /** The TUS creation request, checked as Gcore's upload servers do; null when it may go on to tus. */
  function tusCreationRefusal(req: http.IncomingMessage): string | null {
    const meta = Metadata.parse(req.headers['upload-metadata'] as string | undefined);
    if (!meta.filename || !meta.filetype) return 'filename and filetype are required';
    const token = meta.token ? tokens.get(meta.token) : undefined;
    if (!token || token.expiresAt <= Date.now()) return `token invalid (${meta.token ?? 'null'})`;
    if (String(token.videoId) !== meta.video_id)
      return `token video (${token.videoId}) does not match this video (${meta.video_id ?? 'null'})`;
    if (String(token.clientId) !== meta.client_id)
      return `token client (${token.clientId}) does not match this client (${meta.client_id ?? 'null'})`;
    return null;
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/upload')) {
      if (req.method !== 'POST') return false;
      const refusal = tusCreationRefusal(req);
      if (!refusal) return false;
      refusals.push(refusal);
      req.resume();
      // 405 for bad creation parameters, 500 for the token's refusals, as Gcore documents.
      const status = refusal.startsWith('filename') ? 405 : 500;
      res.writeHead(status, { 'Tus-Resumable': '1.0.0', 'Content-Type': 'text/plain' }).end(refusal);
      return true;
    }
    const entry = { method: req.method ?? '', path: url.pathname + url.search };
    restRequests.push(req.headers.authorization ? { ...entry, authorization: req.headers.authorization } : entry);
    if (req.headers.authorization !== `APIKey ${apiKey}`) {
      req.resume();
      return json(res, 401, { error: 'Invalid API key: send Authorization: APIKey <key>' });
    }
    if (limits.times > 0) {
      limits.times--;
      req.resume();
      return json(res, 429, { error: 'Too many requests' }, { 'Retry-After': limits.retryAfter });
    }
    const match = /^\/streaming\/videos(?:\/(\d+)(\/upload)?)?$/.exec(url.pathname);
    if (!match) return json(res, 404, { error: 'Not found' });
    const [, id, upload] = match;
    if (!id) {
      if (req.method === 'POST') return createVideo(req, res);
      return json(res, 200, [...videos.values()].slice(0, 25).map(entity));
    }
    const video = videos.get(Number(id));
    if (!video) return json(res, 404, { error: `Video ${id} not found` });
    if (upload) return uploadParameters(video, res);
    advance(video);
    return json(res, 200, entity(video));
  }

  const tusServer = await startTusServer({ path: '/upload', route });
  tusServer.tus.on('POST_CREATE', (_req: unknown, upload: { id: string; metadata?: Record<string, string | null> }) => {
    const video = videos.get(Number(upload.metadata?.video_id));
    if (video) video.uploadId = upload.id;
  });
  tusServer.tus.on(
    'POST_FINISH',
    (_req: unknown, _res: unknown, upload: { metadata?: Record<string, string | null> }) => {
      const video = videos.get(Number(upload.metadata?.video_id));
      if (video && uploadRefusal) video.error = uploadRefusal;
      else if (video) video.content = true;
    },
  );

  return {
    /** The API base, and the upload server's host. */
    origin: tusServer.origin,
    tus: tusServer,
    videos,
    /** Every token handed out, oldest first. */
    issued,
    /** The upload server's refusals of creation requests, in Gcore's words. */
    refusals,
    restRequests,
    created,
    /** The bytes a video's TUS upload holds. */
    uploaded: (videoId: number) => {
      const uploadId = videos.get(videoId)?.uploadId;
      if (!uploadId) throw new Error(`video ${videoId} has no upload`);
      return tusServer.file(uploadId);
    },
    /** Every token issued so far stops working now. */
    expireTokens: () => tokens.forEach((t) => (t.expiresAt = 0)),
    /** The next `count` tokens are expired by the time they are used. */
    expireNextTokens: (count: number) => (expiredIssues = count),
    /** Videos made from now on end their encoding in `error` with this text. */
    failEncoding: (text = 'Encoding has failed') => (script = ['pending', { error: text }]),
    /** Uploads finished from now on leave their video `empty` with this reason (e.g. the storage limit). */
    refuseUploads: (text = 'The storage limit has been exceeded') => (uploadRefusal = text),
    /** The next `times` API requests answer 429 with Retry-After. */
    rateLimit: (times: number, retryAfter = '1') => Object.assign(limits, { times, retryAfter }),
    /** Gcore deletes the video (the user did, in its dashboard). */
    remove: (videoId: number) => videos.delete(videoId),
    /** Resolves once every origin download under way has ended. */
    settled: () => Promise.all([...pulls]).then(() => undefined),
    async close() {
      closing.abort();
      await Promise.allSettled([...pulls]);
      await tusServer.close();
    },
  };
}

export type GcoreDouble = Awaited<ReturnType<typeof startGcoreDouble>>;
