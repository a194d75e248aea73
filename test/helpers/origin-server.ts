/**
 * A real HTTP origin on 127.0.0.1 for download tests, with byte ranges, validators and faults
 * that real servers have: dropped connections, 5xx and 429 bursts, lying lengths, refused HEAD,
 * redirects, changed files, trickling bodies, header-protected files, compression in transit
 * whatever the client asked. It counts what it served.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { listenOnLoopback } from './listen-loopback';

export type Coding = 'gzip' | 'deflate' | 'br';

export interface FileRoute {
  kind: 'file';
  body: Buffer;
  contentType?: string;
  /** Sent as Content-Disposition with every answer (the file's name, RFC 6266). */
  contentDisposition?: string;
  ranges?: boolean;
  etag?: string | null;
  lastModified?: string | null;
  headAllowed?: boolean;
  /** N GETs (the first ones, or those after the first `after`) answer this status (with Retry-After when given). */
  failFirst?: { times: number; status: number; retryAfter?: string; after?: number };
  /** N GETs (the first ones, or those after the first `after`) close the connection after this fraction of the body (or, `silent`, stop sending but keep it open). */
  dropAt?: { times: number; fraction: number; after?: number; silent?: boolean };
  /** With `trickle`: every response's connection is closed after this long, wherever it is. */
  dropEveryMs?: number;
  /** Serve the body compressed with this Content-Encoding, whatever the request's Accept-Encoding; lengths and ranges count compressed bytes. */
  encoding?: Coding;
  /** With `encoding`: whether HEAD says so too (default true); false when only GETs come compressed. */
  encodeHead?: boolean;
  /** After N GETs, the file is replaced (new body, new ETag). */
  changeAfter?: { gets: number; body: Buffer; etag: string };
  /** Announce this many bytes but send the real body. */
  claimLength?: number;
  /** Send the body in chunks with pauses (a slow but live origin). */
  trickle?: { chunkBytes: number; everyMs: number };
  /** Answer 401 unless the request has this header. */
  requireHeader?: [name: string, value: string];
  /** No Content-Length: a chunked body. */
  chunked?: boolean;
  /** Advertise Accept-Ranges but answer every request with the whole file (200). */
  ignoreRange?: boolean;
}

export type Route = FileRoute | { kind: 'redirect'; to: string; status?: number } | { kind: 'status'; status: number };

export interface Served {
  /** `active`: requests in flight when this one arrived, itself included. */
  requests: {
    method: string;
    path: string;
    headers: http.IncomingHttpHeaders;
    socket: number;
    active: number;
    /** When it arrived (epoch ms). */
    at: number;
  }[];
  bytes: Map<string, number>;
  gets: Map<string, number>;
  maxConcurrent: number;
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const encoders: Record<Coding, (body: Buffer) => Buffer> = {
  gzip: (body) => zlib.gzipSync(body),
  deflate: (body) => zlib.deflateSync(body),
  // Quality 4, not the default 11: the origin compresses in the test's own thread.
  br: (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }),
};

/** Each body compressed once per coding, not once per request. */
const compressed = new WeakMap<Buffer, Map<Coding, Buffer>>();
function encode(body: Buffer, coding: Coding): Buffer {
  const known = compressed.get(body) ?? new Map<Coding, Buffer>();
  compressed.set(body, known);
  const bytes = known.get(coding) ?? encoders[coding](body);
  known.set(coding, bytes);
  return bytes;
}

/** Whether GET number `gets` falls in a fault's window. */
const inWindow = (gets: number, fault: { times: number; after?: number }) =>
  gets > (fault.after ?? 0) && gets <= (fault.after ?? 0) + fault.times;

function parseRange(header: string | undefined, size: number): [number, number] | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match) return null;
  const start = match[1] === '' ? size - Number(match[2]) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start <= end ? [start, end] : null;
}

export async function startOrigin(routes: Record<string, Route>) {
  const served: Served = { requests: [], bytes: new Map(), gets: new Map(), maxConcurrent: 0 };
  let concurrent = 0;

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    concurrent++;
    served.requests.push({
      method: req.method ?? '',
      path,
      headers: req.headers,
      socket: req.socket.remotePort ?? 0,
      active: concurrent,
      at: Date.now(),
    });
    served.maxConcurrent = Math.max(served.maxConcurrent, concurrent);
    res.on('close', () => concurrent--);
    const route = routes[path];
    if (!route) return void res.writeHead(404, 'Not Found').end();
    if (route.kind === 'redirect') return void res.writeHead(route.status ?? 302, { Location: route.to }).end();
    if (route.kind === 'status') return void res.writeHead(route.status).end();

    if (route.requireHeader && req.headers[route.requireHeader[0].toLowerCase()] !== route.requireHeader[1]) {
      return void res.writeHead(401, 'Unauthorized').end();
    }
    if (req.method === 'HEAD' && route.headAllowed === false)
      return void res.writeHead(405, 'Method Not Allowed').end();
    const gets = req.method === 'GET' ? (served.gets.get(path) ?? 0) + 1 : (served.gets.get(path) ?? 0);
    if (req.method === 'GET') served.gets.set(path, gets);
    if (route.changeAfter && gets > route.changeAfter.gets) {
      route.body = route.changeAfter.body;
      route.etag = route.changeAfter.etag;
    }
    if (req.method === 'GET' && route.failFirst && inWindow(gets, route.failFirst)) {
      const headers = route.failFirst.retryAfter ? { 'Retry-After': route.failFirst.retryAfter } : undefined;
      return void res.writeHead(route.failFirst.status, headers).end();
    }

    const encoded = route.encoding && (req.method === 'GET' || route.encodeHead !== false);
    const representation = encoded && route.encoding ? encode(route.body, route.encoding) : route.body;
    const size = representation.length;
    const etag = route.etag === undefined ? `"${sha256(representation).slice(0, 16)}"` : route.etag;
    const headers: http.OutgoingHttpHeaders = { 'Content-Type': route.contentType ?? 'video/mp4' };
    if (encoded) headers['Content-Encoding'] = route.encoding;
    if (etag) headers.ETag = etag;
    if (route.contentDisposition) headers['Content-Disposition'] = route.contentDisposition;
    if (route.lastModified) headers['Last-Modified'] = route.lastModified;
    if (route.ranges !== false) headers['Accept-Ranges'] = 'bytes';
    let [start, end] = [0, size - 1];
    let status = 200;
    const range = route.ranges !== false && !route.ignoreRange ? parseRange(req.headers.range, size) : null;
    const ifRange = req.headers['if-range'];
    if (range && (!ifRange || ifRange === etag || ifRange === route.lastModified)) {
      [start, end] = range;
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    if (!route.chunked) headers['Content-Length'] = route.claimLength ?? end - start + 1;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') return void res.end();

    let body = representation.subarray(start, end + 1);
    const drop = req.method === 'GET' && route.dropAt && inWindow(gets, route.dropAt);
    if (drop && route.dropAt) body = body.subarray(0, Math.floor(body.length * route.dropAt.fraction));
    const count = (n: number) => served.bytes.set(path, (served.bytes.get(path) ?? 0) + n);
    const finish = () => {
      if (drop && route.dropAt?.silent) return;
      if (drop || route.claimLength) req.socket.destroy();
      else res.end();
    };
    if (!route.trickle) {
      count(body.length);
      res.write(body, () => finish());
      return;
    }
    const { chunkBytes, everyMs } = route.trickle;
    let at = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return void clearInterval(timer);
      const chunk = body.subarray(at, at + chunkBytes);
      at += chunk.length;
      count(chunk.length);
      res.write(chunk);
      if (at >= body.length) {
        clearInterval(timer);
        finish();
      }
    }, everyMs);
    res.on('close', () => clearInterval(timer));
    if (route.dropEveryMs) {
      const cut = setTimeout(() => req.socket.destroy(), route.dropEveryMs);
      res.on('close', () => clearTimeout(cut));
    }
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    port,
    served,
    routes,
    /** Requests in flight right now. */
    active: () => concurrent,
    close,
  };
}
