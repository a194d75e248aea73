/**
 * A Vimeo double on a real TUS server. Sources (prose only: Vimeo publishes no machine-readable
 * spec, and the official @vimeo/vimeo 3.0.3 client is an untyped request wrapper):
 * developer.vimeo.com/api/upload/videos (tus approach, `upload.upload_link`), the API reference's
 * video object (`uri`, `name`, `link`, `upload.status`, `transcode.status`, `privacy.view`), as
 * quoted in ../shared/reference/providers.md §4, which marks the status words NOT FOUND.
 * `POST /me/videos` behind the bearer token (401 otherwise; 400 unless the tus approach and a size
 * are asked, or with a `privacy.view` outside Vimeo's words) makes the video and its tus upload
 * itself and answers the upload's absolute URL as `upload.upload_link`; clients only HEAD and
 * PATCH that link (a creation POST is refused). `GET /videos/{id}` answers those field names, its
 * transcode advancing on each GET once the upload is complete.
 */
import type http from 'node:http';
import { EVENTS, Upload } from '@tus/server';
import { startTusServer } from '../tus-server';
import { readJson, sendJson } from './respond';

export interface VimeoVideo {
  id: string;
  name: string;
  /** `privacy.view` as created: `anybody` unless the creation said otherwise. */
  view: string;
  uploadId: string;
  uploaded: boolean;
  /** The upload link answers 404 from now on (expired, as Vimeo's do). */
  gone: boolean;
  step: number;
  transcode: readonly string[];
}

const completes = ['in_progress', 'in_progress', 'complete'];
/** `privacy.view` values in Vimeo's API reference. */
const views = ['anybody', 'contacts', 'disable', 'nobody', 'password', 'unlisted', 'users'];
const errs = ['in_progress', 'error'];

// Vimeo answers in its own media type.
const send = (res: http.ServerResponse, status: number, body: unknown) =>
  sendJson(res, status, body, { 'Content-Type': 'application/vnd.vimeo.video+json' });

export async function startVimeoDouble(options: { token?: string; account?: string } = {}) {
  const token = options.token ?? 'vimeo-token';
  const videos = new Map<string, VimeoVideo>();
  /** Every API request's Accept header, to check the version asked. */
  const accepts: string[] = [];
  let transcode: readonly string[] = completes;
  let origin = '';

  const shape = (v: VimeoVideo) => ({
    uri: `/videos/${v.id}`,
    name: v.name,
    link: `https://vimeo.com/${v.id}`,
    player_embed_url: `https://player.vimeo.com/video/${v.id}`,
    upload: {
      approach: 'tus',
      status: v.uploaded ? 'complete' : 'in_progress',
      upload_link: `${origin}/upload/${v.uploadId}`,
    },
    transcode: { status: v.transcode[v.step] },
    privacy: { view: v.view },
  });

  async function create(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readJson(req);
    const upload = (body.upload ?? {}) as Record<string, unknown>;
    if (upload.approach !== 'tus') {
      return send(res, 400, { error: 'The upload approach must be tus for this double.', error_code: 2204 });
    }
    const size = Number(upload.size);
    if (typeof upload.size !== 'string' || !Number.isInteger(size) || size < 0) {
      return send(res, 400, { error: 'upload.size is required, in bytes, as a string.', error_code: 2204 });
    }
    const view = ((body.privacy ?? {}) as Record<string, unknown>).view ?? 'anybody';
    if (typeof view !== 'string' || !views.includes(view)) {
      return send(res, 400, { error: `privacy.view must be one of ${views.join(', ')}.`, error_code: 2204 });
    }
    const id = String(100_000 + videos.size + 1);
    const uploadId = `vimeo-${id}`;
    await tus.tus.datastore.create(new Upload({ id: uploadId, size, offset: 0, metadata: {} }));
    const video: VimeoVideo = {
      id,
      name: typeof body.name === 'string' ? body.name : 'Untitled',
      view,
      uploadId,
      uploaded: false,
      gone: false,
      step: 0,
      transcode,
    };
    videos.set(id, video);
    return send(res, 201, shape(video));
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    accepts.push(String(req.headers.accept ?? ''));
    if (req.headers.authorization !== `bearer ${token}`) {
      return send(res, 401, { error: 'You must provide a valid authenticated access token.', error_code: 8003 });
    }
    if (req.method === 'GET' && url.pathname === '/me') {
      return send(res, 200, { uri: '/users/4242', name: options.account ?? 'Ferry Films' });
    }
    if (req.method === 'POST' && url.pathname === '/me/videos') return create(req, res);
    const one = /^\/videos\/(\d+)$/.exec(url.pathname);
    const video = one ? videos.get(one[1]!) : undefined;
    if (req.method === 'GET' && video) {
      if (video.uploaded && video.step < video.transcode.length - 1) video.step++;
      return send(res, 200, shape(video));
    }
    return send(res, 404, { error: 'The requested video couldn\u2019t be found.', error_code: 5000 });
  }

  const tus = await startTusServer({
    path: '/upload',
    route: (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!url.pathname.startsWith('/upload')) return api(req, res, url);
      const video = [...videos.values()].find((v) => url.pathname === `/upload/${v.uploadId}`);
      const refusal =
        req.method === 'POST'
          ? [405, 'Uploads are made by POST /me/videos; continue its upload_link instead.']
          : video?.gone
            ? [404, 'This upload link has expired.']
            : null;
      if (!refusal) return false;
      req.resume();
      res.writeHead(Number(refusal[0]), { 'Tus-Resumable': '1.0.0', 'Content-Type': 'text/plain' }).end(refusal[1]);
      return true;
    },
  });
  origin = tus.origin;
  tus.tus.on(EVENTS.POST_FINISH, (_req, _res, upload) => {
    const video = [...videos.values()].find((v) => v.uploadId === upload.id);
    if (video) video.uploaded = true;
  });

  return {
    origin,
    token,
    tus,
    videos,
    accepts,
    /** The stored bytes of a video's upload. */
    bytes: (id: string) => tus.file(videos.get(id)?.uploadId ?? ''),
    /** Videos created from now on end their transcode in error. */
    failTranscode(fail = true) {
      transcode = fail ? errs : completes;
    },
    /** The video's upload link answers 404 from now on. */
    expireUpload(id: string) {
      const video = videos.get(id);
      if (video) video.gone = true;
    },
    close: () => tus.close(),
  };
}

export type VimeoDouble = Awaited<ReturnType<typeof startVimeoDouble>>;
