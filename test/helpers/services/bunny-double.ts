/**
 * A Bunny Stream double on a real TUS server (providers.md §4): its REST API behind the library's
 * AccessKey (401 otherwise), TUS at /tusupload where every request must carry a valid, unexpired
 * signature (Bunny's documented 401 causes), `videos/fetch` downloading the link itself with the
 * given headers, and a status per video that advances on each GET once the video has its bytes.
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
  /** Where it is in its status sequence. */
  step: number;
  sequence: readonly number[];
  messages: { level: number; message: string }[];
}

/** A TUS request as the double judged its signature. */
export interface SignedRequest {
  method: string;
  expire: string;
  videoId: string;
  status: number;
}

const encodes = [0, 1, 2, 4, 3];
const fails = [0, 1, 5];

export async function startBunnyDouble(options: { library?: string; apiKey?: string } = {}) {
  const library = options.library ?? '123';
  const apiKey = options.apiKey ?? 'key';
  const videos = new Map<string, BunnyVideo>();
  const signed: SignedRequest[] = [];
  const fetches: { body: Record<string, unknown> }[] = [];
  let rejectTus = 0;
  let sequence: readonly number[] = encodes;
  let created = 0;

  const shape = (v: BunnyVideo) => ({
    videoLibraryId: Number(library),
    guid: v.guid,
    title: v.title,
    dateUploaded: v.dateUploaded,
    status: v.sequence[v.step],
    encodeProgress: Math.round((v.step / (v.sequence.length - 1)) * 100),
    transcodingMessages: v.messages,
  });

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
      step: 0,
      sequence,
      messages: [],
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
      video.sequence = [5];
      video.step = 0;
      video.messages.push({ level: 2, message: `Failed to fetch ${url}: ${(error as Error).message}` });
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
    const one = /^\/videos\/([^/]+)$/.exec(sub);
    if (req.method === 'GET' && sub === '/videos') {
      const search = url.searchParams.get('search') ?? '';
      const items = [...videos.values()]
        .filter((v) => v.title.includes(search))
        .sort((a, b) => b.dateUploaded.localeCompare(a.dateUploaded));
      const perPage = Number(url.searchParams.get('itemsPerPage') ?? 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = items.slice((page - 1) * perPage, page * perPage).map(shape);
      return send(res, 200, { totalItems: items.length, currentPage: page, itemsPerPage: perPage, items: slice });
    }
    if (req.method === 'POST' && sub === '/videos') {
      const { title } = await readJson(req);
      if (typeof title !== 'string' || title === '') return send(res, 400, { message: 'The title field is required.' });
      return send(res, 200, shape(create(title)));
    }
    if (req.method === 'POST' && sub === '/videos/fetch') {
      const body = await readJson(req);
      fetches.push({ body });
      if (typeof body.url !== 'string') return send(res, 400, { message: 'The url field is required.' });
      const video = create(typeof body.title === 'string' ? body.title : body.url);
      void download(video, body.url, (body.headers ?? {}) as Record<string, string>);
      // The documented answer: it does not name the video.
      return send(res, 200, { success: true, message: 'OK', statusCode: 200 });
    }
    if (req.method === 'GET' && one) {
      const video = videos.get(decodeURIComponent(one[1]!));
      if (!video) return send(res, 404, { message: 'The requested video was not found.' });
      if (video.complete && video.step < video.sequence.length - 1) video.step++;
      return send(res, 200, shape(video));
    }
    return send(res, 404, { message: `No route ${req.method} ${url.pathname}` });
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
    /** Videos created from now on end in status 5 (Failed) instead of 3. */
    failEncoding(fail = true) {
      sequence = fail ? fails : encodes;
    },
    close: () => tus.close(),
  };
}

export type BunnyDouble = Awaited<ReturnType<typeof startBunnyDouble>>;
