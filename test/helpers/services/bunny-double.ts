/**
 * A Bunny Stream double on a real TUS server, following Bunny's own OpenAPI file
 * (BunnyWay/bunny-stream-ios, Sources/BunnyStreamAPI/openapi.yml; the facts relied on are in
 * bunny-openapi-facts.ts with their lines) for the REST paths, fields and the video's status, and
 * Bunny's docs (docs.bunny.net/reference/tus-resumable-uploads, providers.md §4) for TUS: the REST
 * API behind the library's AccessKey (401 otherwise), TUS at /tusupload where every request must
 * carry a valid, unexpired signature, `videos/fetch` downloading the link itself with the given
 * headers, and each video's `VideoModelStatus` advancing one step per GET once it has its bytes.
 */
import type http from 'node:http';
import { EVENTS } from '@tus/server';
import { bunnySignature } from '../../../electron/engine/delivery/providers/bunny-signer';
import { startTusServer } from '../tus-server';
import { readJson, sendJson as send } from './respond';

export interface BunnyVideo {
  guid: string;
  title: string;
  dateUploaded: string;
  /** The TUS upload that carries its bytes (push). */
  uploadId: string | null;
  /** The bytes a fetch downloaded (pull). */
  fetched: Buffer | null;
  /** The bytes are there: the upload finished, or the fetch downloaded them. */
  complete: boolean;
  /** The step the last GET showed; -1 before the first (0 Created while the bytes are not there). */
  step: number;
  steps: readonly Step[];
  /** TranscodingMessageModel entries (level: the spec's Severity, 3 = Error). */
  messages: { level: number; message: string }[];
}

/** One VideoModelStatus as a GET shows it, with the resolutions encoded by then. */
interface Step {
  status: number;
  resolutions: string;
}

/** What Bunny does with a video once it has its bytes, a step per GET (VideoModelStatus numbers). */
export type BunnyOutcome = 'finished' | 'error' | 'uploadFailed' | 'jit';
const outcomes: Record<BunnyOutcome, readonly Step[]> = {
  // Uploaded, Processing, Transcoding while the renditions come, Finished.
  finished: [
    { status: 1, resolutions: '' },
    { status: 2, resolutions: '' },
    { status: 3, resolutions: '240p' },
    { status: 3, resolutions: '240p,360p' },
    { status: 4, resolutions: '240p,360p' },
  ],
  // Fails during transcoding, after a resolution was listed.
  error: [
    { status: 1, resolutions: '' },
    { status: 2, resolutions: '' },
    { status: 3, resolutions: '240p' },
    { status: 5, resolutions: '' },
  ],
  uploadFailed: [{ status: 6, resolutions: '' }],
  // A library with just-in-time encoding: JitSegmenting, then JitPlaylistsCreated.
  jit: [
    { status: 1, resolutions: '' },
    { status: 7, resolutions: '' },
    { status: 8, resolutions: '' },
  ],
};

/** A REST request as the double received it, for checking against the OpenAPI operation. */
export interface BunnyRestRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
  /** What the double answered. */
  answer?: { status: number; body: unknown };
}

/** A TUS request as the double judged its signature. */
export interface SignedRequest {
  method: string;
  expire: string;
  videoId: string;
  status: number;
}

export async function startBunnyDouble(options: { library?: string; apiKey?: string } = {}) {
  const library = options.library ?? '123';
  const apiKey = options.apiKey ?? 'key';
  const videos = new Map<string, BunnyVideo>();
  const signed: SignedRequest[] = [];
  const fetches: { body: Record<string, unknown> }[] = [];
  let rejectTus = 0;
  const requests: BunnyRestRequest[] = [];
  let outcome: BunnyOutcome = 'finished';
  let created = 0;

  /** The VideoModel: 0 Created until the bytes are there, then its steps. */
  const shape = (v: BunnyVideo) => {
    const step = v.steps[v.step];
    const status = step?.status ?? 0;
    return {
      videoLibraryId: Number(library),
      guid: v.guid,
      title: v.title,
      dateUploaded: v.dateUploaded,
      status,
      availableResolutions: step?.resolutions ?? '',
      encodeProgress: status === 4 ? 100 : Math.round((Math.max(v.step, 0) / v.steps.length) * 100),
      transcodingMessages: v.messages.map((m) => ({ ...m, timeStamp: v.dateUploaded })),
    };
  };

  function create(title: string): BunnyVideo {
    created++;
    const video: BunnyVideo = {
      guid: `00000000-0000-4000-8000-${String(created).padStart(12, '0')}`,
      title,
      // Strictly increasing, so "newest first" is well defined even within one millisecond.
      dateUploaded: new Date(Date.now() + created).toISOString(),
      uploadId: null,
      fetched: null,
      complete: false,
      step: -1,
      steps: outcomes[outcome],
      messages: outcome === 'error' ? [{ level: 3, message: 'The video could not be transcoded.' }] : [],
    };
    videos.set(video.guid, video);
    return video;
  }

  /** The origin download a fetch makes, with the headers it was given; a failure fails the video. */
  async function download(video: BunnyVideo, url: string, headers: Record<string, string>) {
    try {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`the origin answered ${response.status}`);
      video.fetched = Buffer.from(await response.arrayBuffer());
      video.complete = true;
    } catch (error) {
      // Which status a failed fetch ends in is not documented: UploadFailed, the fetch being the upload.
      video.steps = outcomes.uploadFailed;
      video.step = -1;
      video.complete = true;
      video.messages.push({ level: 3, message: `Failed to fetch ${url}: ${(error as Error).message}` });
    }
  }

  /** Bunny's TUS rule: the four signature headers, matching, and not expired (401 otherwise). */
  function checkSignature(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const header = (name: string) => String(req.headers[name.toLowerCase()] ?? '');
    const [expire, videoId] = [header('AuthorizationExpire'), header('VideoId')];
    const entry: SignedRequest = { method: req.method ?? '', expire, videoId, status: 0 };
    signed.push(entry);
    const expected = bunnySignature(header('LibraryId'), apiKey, Number(expire), videoId);
    let refusal: string | null = null;
    if (rejectTus > 0) {
      rejectTus--;
      refusal = 'Authorization failed (forced by the test)';
    } else if (!/^\d+$/.test(expire) || Number(expire) * 1000 < Date.now()) refusal = 'AuthorizationExpire has passed';
    else if (header('LibraryId') !== library || header('AuthorizationSignature') !== expected) {
      refusal = 'AuthorizationSignature does not match';
    } else if (!videos.has(videoId)) refusal = `no video ${videoId} in library ${library}`;
    entry.status = refusal ? 401 : 200;
    if (!refusal) return false;
    req.resume();
    res.writeHead(401, { 'Tus-Resumable': '1.0.0', 'Content-Type': 'text/plain' }).end(refusal);
    return true;
  }

  async function rest(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    if (req.headers.accesskey !== apiKey)
      return send(res, 401, { message: 'Authorization has been denied for this request.' });
    const sub = url.pathname.slice(`/library/${library}`.length);
    const body = req.method === 'POST' ? await readJson(req) : null;
    const entry: BunnyRestRequest = {
      method: req.method ?? '',
      path: sub,
      query: Object.fromEntries(url.searchParams),
      body,
    };
    requests.push(entry);
    const answer = (status: number, json: unknown) => {
      entry.answer = { status, body: json };
      return send(res, status, json);
    };
    const one = /^\/videos\/([^/]+)$/.exec(sub);
    if (req.method === 'GET' && sub === '/videos') {
      const search = url.searchParams.get('search') ?? '';
      const items = [...videos.values()]
        .filter((v) => v.title.includes(search))
        .sort((a, b) => b.dateUploaded.localeCompare(a.dateUploaded));
      const perPage = Number(url.searchParams.get('itemsPerPage') ?? 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = items.slice((page - 1) * perPage, page * perPage).map(shape);
      return answer(200, { totalItems: items.length, currentPage: page, itemsPerPage: perPage, items: slice });
    }
    if (req.method === 'POST' && sub === '/videos') {
      const title = body?.title;
      if (typeof title !== 'string' || title === '') return answer(400, { message: 'The title field is required.' });
      return answer(200, shape(create(title)));
    }
    if (req.method === 'POST' && sub === '/videos/fetch') {
      if (!body) return answer(400, { message: 'Failed fetching the video.' });
      fetches.push({ body });
      if (typeof body.url !== 'string') return answer(400, { message: 'The url field is required.' });
      const video = create(typeof body.title === 'string' ? body.title : body.url);
      void download(video, body.url, (body.headers ?? {}) as Record<string, string>);
      // The documented answer: it does not name the video.
      return answer(200, { success: true, message: 'OK', statusCode: 200 });
    }
    if (req.method === 'GET' && one) {
      const video = videos.get(decodeURIComponent(one[1]!));
      if (!video) return answer(404, { message: 'The requested video was not found.' });
      // One step per GET once the bytes are there.
      if (video.complete && video.step < video.steps.length - 1) video.step++;
      return answer(200, shape(video));
    }
    return answer(404, { message: `No route ${req.method} ${url.pathname}` });
  }

  const tus = await startTusServer({
    path: '/tusupload',
    route: async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/tusupload')) {
        if (checkSignature(req, res)) return true;
        const metadata = String(req.headers['upload-metadata'] ?? '');
        const keys = metadata.split(',').map((pair) => pair.trim().split(' ')[0]);
        if (req.method === 'POST' && !(keys.includes('filetype') && keys.includes('title'))) {
          req.resume();
          res.writeHead(400, { 'Tus-Resumable': '1.0.0' }).end('Upload-Metadata needs filetype and title');
          return true;
        }
        return false;
      }
      if (url.pathname.startsWith('/library/')) {
        if (!url.pathname.startsWith(`/library/${library}/`)) return send(res, 401, { message: 'Wrong library.' });
        return rest(req, res, url);
      }
      return false;
    },
  });
  tus.tus.on(EVENTS.POST_CREATE, (req, upload) => {
    const video = videos.get(req.headers.get('videoid') ?? '');
    if (video) video.uploadId = upload.id;
  });
  tus.tus.on(EVENTS.POST_FINISH, (_req, _res, upload) => {
    const video = [...videos.values()].find((v) => v.uploadId === upload.id);
    if (video) video.complete = true;
  });

  return {
    origin: tus.origin,
    library,
    /** A target for this double, as `engine.saveTarget` takes it. */
    target: (mode: 'push' | 'pull', more: { readyWhen?: 'playable' | 'complete' } = {}) => ({
      name: 'bunny',
      provider: 'bunny' as const,
      mode,
      endpoint: tus.origin,
      library,
      credential: apiKey,
      ...more,
    }),
    tus,
    videos,
    /** Every TUS request's signature and what the double answered. */
    signed,
    fetches,
    /** The bytes the video holds: its finished upload, or what its fetch downloaded. */
    bytes(guid: string): Buffer {
      const video = videos.get(guid);
      if (!video) throw new Error(`no video ${guid}`);
      return video.fetched ?? tus.file(video.uploadId ?? '');
    },
    /** The next `times` TUS requests get 401, however well signed. */
    rejectTus(times: number) {
      rejectTus = times;
    },
    /** Every REST request, its query and JSON body, oldest first. */
    requests,
    /** What videos created from now on go through once they have their bytes. */
    outcome(next: BunnyOutcome) {
      outcome = next;
    },
    /** Videos created from now on end in 5 (Error) with a transcoding message. */
    failEncoding() {
      outcome = 'error';
    },
    close: () => tus.close(),
  };
}

export type BunnyDouble = Awaited<ReturnType<typeof startBunnyDouble>>;
