/**
 * The request matrix's expectations for HTTP: for each route fastify registers (`METHOD url`
 * pattern), whether it needs the token, a request it answers and with what status, and
 * malformed requests with the 4xx each gets. A route registered without an entry here fails the
 * matrix. A HEAD route fastify adds for a GET takes the GET's entry.
 */
export interface RouteSeed {
  /** A queued video whose manifest is in the library. */
  uid: string;
  /** A fresh upload created with the token (10 bytes long, nothing sent yet). */
  newUpload(): Promise<string>;
  /** A fresh direct upload's one-time URL (its path), nothing sent yet. */
  newDirectUpload(): Promise<string>;
  /** A fresh queued video. */
  newVideo(): Promise<string>;
}

export interface Sent {
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A status, or any 4xx where the exact one is the route's own business. */
export type Expect = number | '4xx';

export interface RouteCase {
  auth: 'public' | 'token';
  valid(seed: RouteSeed): Sent | Promise<Sent>;
  /** With the right token (and with a foreign Origin, which only the socket refuses). */
  status: number;
  malformed(seed: RouteSeed): [Sent, Expect][] | Promise<[Sent, Expect][]>;
}

const stream = '/client/v4/accounts/matrix/stream';
const json = { 'Content-Type': 'application/json' };
const tus = { 'Tus-Resumable': '1.0.0' };
const chunk = { ...tus, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' };
const notJson = (path: string): [Sent, Expect] => [{ path, headers: json, body: '{"url": ' }, 400];
const jsonBody = (path: string, value: unknown): Sent => ({ path, headers: json, body: JSON.stringify(value) });

export const routeCases: Record<string, RouteCase> = {
  'GET /': { auth: 'public', valid: () => ({ path: '/' }), status: 200, malformed: () => [] },
  'GET /assets/*': {
    auth: 'public',
    valid: () => ({ path: '/assets/index-matrix.js' }),
    status: 200,
    malformed: () => [
      [{ path: '/assets/..%2f..%2findex.html' }, '4xx'],
      [{ path: '/assets/%ff' }, '4xx'],
    ],
  },
  // Without an upgrade, the socket's URL answers nothing.
  'GET /ws': { auth: 'public', valid: () => ({ path: '/ws' }), status: 404, malformed: () => [] },
  'OPTIONS /media/*': {
    auth: 'public',
    valid: (s) => ({ path: `/media/${s.uid}/x` }),
    status: 204,
    malformed: () => [],
  },
  'GET /media/:id/*': {
    auth: 'public',
    valid: (s) => ({ path: `/media/${s.uid}/manifest/video.m3u8` }),
    status: 200,
    malformed: (s) => [
      [{ path: `/media/${s.uid}/manifest/video.m3u8?token=a&token=b` }, 400],
      [{ path: `/media/${s.uid}/manifest/video.m3u8?token=not-a-token` }, 401],
      [{ path: `/media/x.y.z/manifest/video.m3u8` }, 404],
      [{ path: `/media/%ff/manifest/video.m3u8` }, '4xx'],
      [{ path: `/media/${s.uid}/manifest/..%2f..%2fferry.db` }, 404],
      [{ path: `/media/${'9'.repeat(400)}/manifest/video.m3u8` }, '4xx'],
    ],
  },
  [`POST ${'/client/v4/accounts/:account/stream'}`]: {
    auth: 'token',
    valid: () => ({ path: stream, headers: { ...tus, 'Upload-Length': '10' } }),
    status: 201,
    malformed: () => [
      [{ path: stream, headers: { ...tus, 'Upload-Length': 'ten' } }, '4xx'],
      [{ path: stream, headers: { ...tus, 'Upload-Length': '10', 'Upload-Metadata': 'name !!!' } }, 400],
      [{ path: stream, headers: { 'Upload-Length': '10' } }, 400],
    ],
  },
  'OPTIONS /client/v4/accounts/:account/stream': {
    auth: 'public',
    valid: () => ({ path: stream }),
    status: 204,
    malformed: () => [],
  },
  'GET /client/v4/accounts/:account/stream': {
    auth: 'token',
    valid: () => ({ path: stream }),
    status: 200,
    malformed: () => [
      [{ path: `${stream}?limit=many` }, 400],
      [{ path: `${stream}?limit=1&limit=2` }, 400],
      [{ path: `${stream}?asc=maybe` }, 400],
      [{ path: `${stream}?status=exploded` }, 400],
      [{ path: `${stream}?limit=${'9'.repeat(400)}` }, 400],
      [{ path: `${stream}?start=yesterday` }, 400],
    ],
  },
  'GET /client/v4/accounts/:account/stream/': {
    auth: 'token',
    valid: () => ({ path: `${stream}/` }),
    status: 200,
    malformed: () => [[{ path: `${stream}/?limit=-1` }, 400]],
  },
  'POST /client/v4/accounts/:account/stream/copy': {
    auth: 'token',
    valid: () => jsonBody(`${stream}/copy`, { url: 'https://cdn.example.test/matrix.mp4' }),
    status: 200,
    malformed: () => [
      notJson(`${stream}/copy`),
      [jsonBody(`${stream}/copy`, { url: 5 }), 400],
      [jsonBody(`${stream}/copy`, []), 400],
      [jsonBody(`${stream}/copy`, { url: 'https://a.test/v.mp4', thumbnailTimestampPct: 'half' }), 400],
      [
        { path: `${stream}/copy`, headers: json, body: '{"url": "https://a.test/v.mp4", "maxDurationSeconds": 1e400}' },
        400,
      ],
      [jsonBody(`${stream}/copy`, { url: 'not a link' }), 400],
      [{ path: `${stream}/copy`, headers: json, body: '{"url": "https://a.test/v.mp4", "__proto__": {"x": 1}}' }, 400],
      [{ path: `${stream}/copy`, headers: json, body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` }, 400],
      [jsonBody(`${stream}/copy`, { url: 'https://a.test/v.mp4', headers: { 'Bad Name': 'x' } }), 400],
    ],
  },
  // The seed video is queued, not ready: nothing to cut a clip from yet (409, saying so).
  'POST /client/v4/accounts/:account/stream/clip': {
    auth: 'token',
    valid: (s) => jsonBody(`${stream}/clip`, { clippedFromVideoUID: s.uid, startTimeSeconds: 0, endTimeSeconds: 1 }),
    status: 409,
    malformed: (s) => [
      notJson(`${stream}/clip`),
      [jsonBody(`${stream}/clip`, { startTimeSeconds: 0, endTimeSeconds: 1 }), 400],
      [jsonBody(`${stream}/clip`, { clippedFromVideoUID: s.uid, startTimeSeconds: 'zero', endTimeSeconds: 1 }), 400],
      [jsonBody(`${stream}/clip`, { clippedFromVideoUID: s.uid, startTimeSeconds: 2, endTimeSeconds: 1 }), 400],
      [jsonBody(`${stream}/clip`, { clippedFromVideoUID: s.uid, startTimeSeconds: -1, endTimeSeconds: 1 }), 400],
      [
        jsonBody(`${stream}/clip`, { clippedFromVideoUID: 'f'.repeat(32), startTimeSeconds: 0, endTimeSeconds: 1 }),
        404,
      ],
    ],
  },
  'POST /client/v4/accounts/:account/stream/direct_upload': {
    auth: 'token',
    valid: () => jsonBody(`${stream}/direct_upload`, { maxDurationSeconds: 60, meta: { name: 'Matrix' } }),
    status: 200,
    malformed: () => [
      notJson(`${stream}/direct_upload`),
      [jsonBody(`${stream}/direct_upload`, {}), 400],
      [jsonBody(`${stream}/direct_upload`, { maxDurationSeconds: 'long' }), 400],
      [jsonBody(`${stream}/direct_upload`, { maxDurationSeconds: 60, expiry: 'tomorrow' }), 400],
      [jsonBody(`${stream}/direct_upload`, { maxDurationSeconds: 60, watermark: { uid: 'w' } }), 400],
    ],
  },
  // The one-time URL of a direct upload: the form with the file, no token.
  'POST /upload/:ticket': {
    auth: 'public',
    valid: async (s) => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(10)]), 'matrix.mp4');
      const request = new Request('http://form.invalid/', { method: 'POST', body: form });
      const body = Buffer.from(await request.arrayBuffer());
      return {
        path: await s.newDirectUpload(),
        headers: { 'Content-Type': request.headers.get('content-type')! },
        body,
      };
    },
    status: 200,
    malformed: async (s) => [
      [{ path: '/upload/not-a-ticket', body: 'x' }, 404],
      [{ path: await s.newDirectUpload(), headers: { 'Content-Type': 'text/plain' }, body: 'no form' }, 400],
    ],
  },
  'GET /client/v4/accounts/:account/stream/webhook': {
    auth: 'token',
    valid: () => ({ path: `${stream}/webhook` }),
    status: 200,
    malformed: () => [],
  },
  'PUT /client/v4/accounts/:account/stream/webhook': {
    auth: 'token',
    valid: () => jsonBody(`${stream}/webhook`, { notificationUrl: 'https://hooks.example.test/matrix' }),
    status: 200,
    malformed: () => [
      notJson(`${stream}/webhook`),
      [jsonBody(`${stream}/webhook`, { notificationUrl: 5 }), 400],
      [jsonBody(`${stream}/webhook`, { notificationUrl: 'ftp://hooks.example.test/' }), 400],
      [jsonBody(`${stream}/webhook`, {}), 400],
    ],
  },
  'DELETE /client/v4/accounts/:account/stream/webhook': {
    auth: 'token',
    valid: () => ({ path: `${stream}/webhook` }),
    status: 200,
    malformed: () => [],
  },
  'GET /client/v4/accounts/:account/stream/:uid': {
    auth: 'token',
    valid: (s) => ({ path: `${stream}/${s.uid}` }),
    status: 200,
    malformed: () => [
      [{ path: `${stream}/not-a-uid` }, 400],
      [{ path: `${stream}/%ff` }, '4xx'],
      [{ path: `${stream}/${'a'.repeat(2000)}` }, '4xx'],
    ],
  },
  'POST /client/v4/accounts/:account/stream/:uid': {
    auth: 'token',
    valid: (s) => jsonBody(`${stream}/${s.uid}`, { meta: { matrix: 'yes' } }),
    status: 200,
    malformed: (s) => [
      notJson(`${stream}/${s.uid}`),
      [jsonBody(`${stream}/${s.uid}`, { requireSignedURLs: 'maybe' }), 400],
      [jsonBody(`${stream}/${s.uid}`, { meta: 'name' }), 400],
      [jsonBody(`${stream}/${s.uid}`, {}), 400],
      [jsonBody(`${stream}/${s.uid}`, { allowedOrigins: ['https://x.test/path'] }), 400],
    ],
  },
  'DELETE /client/v4/accounts/:account/stream/:uid': {
    auth: 'token',
    valid: async (s) => ({ path: `${stream}/${await s.newVideo()}` }),
    status: 200,
    malformed: () => [[{ path: `${stream}/${'f'.repeat(32)}` }, 404]],
  },
  'POST /client/v4/accounts/:account/stream/:uid/token': {
    auth: 'token',
    valid: (s) => jsonBody(`${stream}/${s.uid}/token`, {}),
    status: 200,
    malformed: (s) => [
      notJson(`${stream}/${s.uid}/token`),
      [jsonBody(`${stream}/${s.uid}/token`, { exp: 'soon' }), 400],
      [jsonBody(`${stream}/${s.uid}/token`, { exp: 1e300 }), 400],
      [jsonBody(`${stream}/${s.uid}/token`, { exp: 10 ** 13 }), 400],
      [jsonBody(`${stream}/${s.uid}/token`, { exp: 1 }), 400],
      [jsonBody(`${stream}/${'f'.repeat(32)}/token`, {}), 404],
    ],
  },
  'POST /client/video/stream/copy': {
    auth: 'token',
    valid: () => jsonBody('/client/video/stream/copy', { title: 'Matrix', url: 'https://cdn.example.test/o.mp4' }),
    status: 200,
    malformed: () => [
      notJson('/client/video/stream/copy'),
      [jsonBody('/client/video/stream/copy', { title: 'x', url: { href: 'https://cdn.example.test/o.mp4' } }), 400],
      [jsonBody('/client/video/stream/copy', { url: 'https://cdn.example.test/o.mp4' }), 400],
      [jsonBody('/client/video/stream/copy', { title: 'x', url: 'nope' }), 400],
    ],
  },
  'GET /client/video/stream/:id': {
    auth: 'token',
    valid: (s) => ({ path: `/client/video/stream/${s.uid}` }),
    status: 200,
    malformed: () => [
      [{ path: '/client/video/stream/not-an-id' }, 400],
      [{ path: '/client/video/stream/%ff' }, '4xx'],
    ],
  },
  'HEAD /tus/:ref': {
    auth: 'token',
    valid: async (s) => ({ path: `/tus/${await s.newUpload()}`, headers: tus }),
    status: 200,
    malformed: () => [
      [{ path: '/tus/not-an-upload', headers: tus }, 404],
      [{ path: '/tus/a.b', headers: tus }, 404],
    ],
  },
  'PATCH /tus/:ref': {
    auth: 'token',
    valid: async (s) => ({ path: `/tus/${await s.newUpload()}`, headers: chunk, body: Buffer.alloc(10) }),
    status: 204,
    malformed: async (s) => [
      [{ path: `/tus/${await s.newUpload()}`, headers: { ...chunk, 'Upload-Offset': 'x' }, body: 'abc' }, '4xx'],
      [{ path: `/tus/${await s.newUpload()}`, headers: { ...chunk, 'Upload-Offset': '5' }, body: 'abc' }, '4xx'],
      [{ path: `/tus/${await s.newUpload()}`, headers: { ...chunk, 'Content-Type': 'text/plain' }, body: 'a' }, '4xx'],
      [{ path: `/tus/${await s.newUpload()}`, headers: chunk, body: Buffer.alloc(11) }, '4xx'],
    ],
  },
  'DELETE /tus/:ref': {
    auth: 'token',
    valid: async (s) => ({ path: `/tus/${await s.newUpload()}`, headers: tus }),
    status: 204,
    malformed: () => [[{ path: `/tus/${'0'.repeat(32)}`, headers: tus }, 404]],
  },
  'POST /tus/:ref': {
    auth: 'token',
    valid: async (s) => ({
      path: `/tus/${await s.newUpload()}`,
      headers: { ...tus, 'X-HTTP-Method-Override': 'HEAD' },
    }),
    status: 200,
    malformed: async (s) => [
      [{ path: `/tus/${await s.newUpload()}`, headers: { ...tus, 'X-HTTP-Method-Override': 'GET' } }, 405],
      [{ path: `/tus/${await s.newUpload()}`, headers: tus }, 405],
    ],
  },
  'OPTIONS /tus/:ref': { auth: 'public', valid: () => ({ path: '/tus/x' }), status: 204, malformed: () => [] },
};
