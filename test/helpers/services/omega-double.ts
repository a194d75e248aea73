/**
 * An Omega Stream double on 127.0.0.1 under /company, the documented base. It rests on prose docs
 * only: Omega publishes no OpenAPI file or SDK. Source: Omega Stream's "Upload via link" page
 * (omegastream.net docs, stored as /work/shared/reference/000_986fba1e76f17748.txt):
 * - `POST [base_url]/client/video/stream/copy` with `Authorization: Bearer {api_key}` and a JSON
 *   body of the documented keys only: `title` (required), `url` (required), `headers` (optional,
 *   a JSON object sent to the origin); any other key is refused with 400, so an adapter that sends
 *   one fails its test;
 * - the answer `OK 200` in the page's shape (`id`, `uuid`, `status: "uploaded"`, `ready_to_stream`,
 *   `playback`, `meta.downloaded_from`…);
 * - "poll the Stream API until `readyToStream` is `true`": the poll's path and shape are not
 *   documented; the double answers `GET [base_url]/client/video/stream/{id}` (the copy's path) with
 *   the copy's shape, its ready flag spelled as the response example does (`ready_to_stream`) or,
 *   with `readyField: 'readyToStream'`, as the page's prose does.
 * States advance uploaded → downloading → processing → ready as each GET comes. It fetches the
 * link itself with the request's headers; an origin it cannot fetch ends the video in `error`.
 * 401 for a wrong key, 400 for a missing url or title.
 */
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { listenOnLoopback } from '../listen-loopback';
import { readJson, sendJson as json } from './respond';

export interface OmegaDoubleVideo {
  id: string;
  uuid: string;
  title: string;
  url: string;
  headers: Record<string, string>;
  status: 'uploaded' | 'downloading' | 'processing' | 'ready' | 'error';
  /** The origin download: under way, done with these bytes, or failed with this reason. */
  fetched: { state: 'running' } | { state: 'done'; bytes: Buffer } | { state: 'failed'; reason: string };
  created: string;
}

/** The copy's body keys, as the page's request table lists them. */
const copyKeys = ['title', 'url', 'headers'];

export interface OmegaDoubleOptions {
  apiKey?: string;
  /** How a poll spells the ready flag: the response example's `ready_to_stream` (default) or the prose's `readyToStream`. */
  readyField?: 'ready_to_stream' | 'readyToStream';
}

export async function startOmegaDouble(options: OmegaDoubleOptions = {}) {
  const apiKey = options.apiKey ?? 'omega-key';
  const readyField = options.readyField ?? 'ready_to_stream';
  const videos = new Map<string, OmegaDoubleVideo>();
  const requests: { method: string; path: string; authorization?: string }[] = [];
  const fetches = new Set<Promise<void>>();
  const closing = new AbortController();
  let base = '';
  /** Called when a copy is asked for, before Omega goes to the link (a test changes the origin here). */
  let onCopy: (video: OmegaDoubleVideo) => void = () => {};

  /** The video in the page's response shape; a poll spells the ready flag as `readyField`. */
  const shape = (video: OmegaDoubleVideo, ready = 'ready_to_stream') => {
    const playable = video.status === 'ready';
    const size = video.fetched.state === 'done' ? video.fetched.bytes.length : null;
    return {
      id: video.id,
      created_at: video.created,
      updated_at: new Date().toISOString(),
      title: video.title,
      uuid: video.uuid,
      coid: 'omega-cop-KoNef9DB5i',
      status: video.status,
      entity_tag: null,
      playback: playable
        ? { hls: `${base}/media/${video.id}/manifest.m3u8`, dash: `${base}/media/${video.id}/manifest.mpd` }
        : null,
      input: null,
      duration: null,
      size,
      [ready]: playable,
      thumbnail: null,
      thumbnail_timestamp_pct: null,
      storage: { bucket: 'processed-enterprise-media', raw_bucket: 'raw-enterprise-media', meta: null },
      meta: { downloaded_from: video.url },
      ...(video.status === 'error' && video.fetched.state === 'failed'
        ? { error: { message: video.fetched.reason } }
        : {}),
    };
  };

  async function download(video: OmegaDoubleVideo): Promise<void> {
    try {
      const signal = AbortSignal.any([closing.signal, AbortSignal.timeout(10_000)]);
      const response = await fetch(video.url, { headers: video.headers, signal });
      const bytes = Buffer.from(await response.arrayBuffer());
      video.fetched = response.ok
        ? { state: 'done', bytes }
        : { state: 'failed', reason: `Could not download the video: the origin answered ${response.status}.` };
    } catch (error) {
      video.fetched = { state: 'failed', reason: `Could not download the video: ${(error as Error).message}.` };
    }
  }

  /** One poll moves the video one step, as far as its download allows. */
  function advance(video: OmegaDoubleVideo): void {
    if (video.status === 'uploaded') video.status = 'downloading';
    else if (video.status === 'downloading' && video.fetched.state === 'done') video.status = 'processing';
    else if (video.status === 'downloading' && video.fetched.state === 'failed') video.status = 'error';
    else if (video.status === 'processing') video.status = 'ready';
  }

  async function copy(req: http.IncomingMessage, res: http.ServerResponse): Promise<true> {
    const body = await readJson(req);
    const unknown = Object.keys(body).find((key) => !copyKeys.includes(key));
    if (unknown) return json(res, 400, { message: `${unknown} is not a copy field: send only ${copyKeys.join(', ')}` });
    if (typeof body.url !== 'string' || body.url === '')
      return json(res, 400, { message: 'url is required: the video direct url' });
    if (typeof body.title !== 'string' || body.title === '')
      return json(res, 400, { message: 'title is required: the video title' });
    const headers = body.headers && typeof body.headers === 'object' ? (body.headers as Record<string, string>) : {};
    const video: OmegaDoubleVideo = {
      id: randomBytes(12).toString('hex'),
      uuid: randomUUID(),
      title: body.title,
      url: body.url,
      headers,
      status: 'uploaded',
      fetched: { state: 'running' },
      created: new Date().toISOString(),
    };
    videos.set(video.id, video);
    onCopy(video);
    const running = download(video).finally(() => fetches.delete(running));
    fetches.add(running);
    return json(res, 200, shape(video));
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const entry = { method: req.method ?? '', path: url.pathname + url.search };
    requests.push(req.headers.authorization ? { ...entry, authorization: req.headers.authorization } : entry);
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      req.resume();
      return json(res, 401, { message: 'Unauthorized: the api key is missing or wrong' });
    }
    const route = url.pathname.replace(/^\/company\/client\/video\/stream/, '');
    if (route === url.pathname) return json(res, 404, { message: 'Not Found' });
    if (req.method === 'POST' && route === '/copy') return void copy(req, res).catch(() => res.destroy());
    const video = req.method === 'GET' ? videos.get(route.slice(1)) : undefined;
    if (!video) return json(res, 404, { message: 'video not found' });
    advance(video);
    json(res, 200, shape(video, readyField));
  });
  const listening = await listenOnLoopback(server);
  const origin = `http://127.0.0.1:${listening.port}`;
  base = `${origin}/company`;

  return {
    origin,
    /** The API base, as a target's endpoint. */
    base,
    videos,
    requests,
    onCopy: (hook: (video: OmegaDoubleVideo) => void) => (onCopy = hook),
    /** Resolves once every origin download under way has ended. */
    settled: () => Promise.all([...fetches]).then(() => undefined),
    async close() {
      closing.abort();
      await Promise.allSettled([...fetches]);
      await listening.close();
    },
  };
}

export type OmegaDouble = Awaited<ReturnType<typeof startOmegaDouble>>;
