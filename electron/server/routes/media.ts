/**
 * The media over HTTP: `/media/{uid}/{folder}/{file}` (or `/media/{token}/…`, a signed URL as
 * Cloudflare Stream writes it, so a manifest's relative segment URLs carry the token along; or
 * `?token=`), only from inside `library/<uid>/`, only the outputs' own names. No bearer token:
 * players cannot send one; a video's own rules (signed URLs, allowed origins) decide instead.
 *
 * Segments are answered from memory (segment-cache.ts says why); every other file goes out
 * through @fastify/static (`send`): byte ranges, 206/416, ETag and Last-Modified. It is registered
 * in a scope of its own so the UI's static files can use it too.
 */
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { liveFolder, videoFolder } from '../../engine/data-paths';
import { byteRange } from '../byte-range';
import { corsHeaders, preflightHeaders } from '../cors';
import { mediaAccess } from '../media-access';
import { mediaFile } from '../media-files';
import { playbackTokenUid } from '../playback-token';
import { fileInLibrary } from '../real-path-inside';
import { SegmentCache, type CachedFile } from '../segment-cache';
import type { ServerContext } from '../server-context';
import { videoUidFor } from '../upload-links';
import type { Video } from '../../../shared/video';

/**
 * Ours, not `send`'s: type and caching (set above). `highWaterMark` is `send`'s read size (missing
 * from @fastify/static's types): at its 64 KiB default a 2 MiB file took 32 reads and writes
 * (0.16x nginx's requests per second in bench/serve.ts); at 2 MiB, one.
 */
const sendOptions = { contentType: false, cacheControl: false, highWaterMark: 2 * 1024 * 1024 };

interface MediaParams {
  id: string;
  '*': string;
}

const refuse = (reply: FastifyReply, status: number, message: string) =>
  reply.status(status).headers(corsHeaders).type('text/plain; charset=utf-8').send(message);

async function videoOfUpload(context: ServerContext, id: string): Promise<Video | undefined> {
  const uid = videoUidFor(context.paths, id);
  const found = uid === id ? undefined : await context.call('get', { uid });
  return found?.ok ? found.value : undefined;
}

/** A file from memory, whole or the one byte range asked (unless If-Range names another version). */
function sendBytes(request: FastifyRequest, reply: FastifyReply, file: CachedFile) {
  const size = file.body.length;
  const modified = file.modified.toUTCString();
  const ifRange = request.headers['if-range'];
  const range = ifRange === undefined || ifRange === modified ? byteRange(request.headers.range, size) : undefined;
  reply.header('Accept-Ranges', 'bytes').header('Last-Modified', modified);
  if (range === 'unsatisfiable')
    return refuse(reply.header('Content-Range', `bytes */${size}`), 416, 'Range Not Satisfiable.');
  if (range === undefined) return reply.send(file.body);
  return reply
    .status(206)
    .header('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
    .send(file.body.subarray(range.start, range.end + 1));
}

export async function registerMediaRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  // 64 MiB: a few hundred segments of the videos being watched; a segment over 16 MiB is streamed.
  const segments = new SegmentCache(64 * 1024 * 1024, 16 * 1024 * 1024);
  await app.register(async (media) => {
    await media.register(fastifyStatic, { root: context.paths.library, serve: false });
    // What `send` refuses (416 with its Content-Range, a path it will not open) said in plain text.
    media.setErrorHandler<FastifyError & { headers?: Record<string, string> }>((error, _request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) process.emitWarning(`ferry serve: media: ${error.message}`);
      if (status === 416) return refuse(reply.headers(error.headers ?? {}), 416, 'Range Not Satisfiable.');
      return refuse(reply, status >= 500 ? 500 : 404, status >= 500 ? 'Ferry failed to answer.' : 'Not found.');
    });

    media.options('/media/*', (_request, reply) => reply.status(204).headers(preflightHeaders).send());

    media.get<{ Params: MediaParams; Querystring: { token?: string | string[] } }>(
      '/media/:id/*',
      async (request, reply) => {
        const query = request.query.token;
        if (Array.isArray(query)) return refuse(reply, 400, 'Give one token= in the media URL, not several.');
        const inPath = request.params.id.includes('.');
        const uid = inPath ? playbackTokenUid(request.params.id) : request.params.id;
        const file = mediaFile(request.params['*']);
        if (uid === undefined || file === undefined) return refuse(reply, 404, 'Not found.');
        // A uid, or the id a TUS upload was announced by (stream-media-id), as clients build URLs from either.
        const found = await context.call('get', { uid });
        const video = found.ok ? found.value : await videoOfUpload(context, uid);
        if (!video) return refuse(reply, 404, 'Not found.');
        const rules = {
          requireSignedURLs: video.requireSignedURLs === true,
          allowedOrigins: video.allowedOrigins ?? [],
        };
        // The token is signed for the video's own uid, whichever id the URL names it by.
        const access = mediaAccess(context.signingKey, rules, {
          uid: video.uid,
          token: inPath ? request.params.id : query,
          origin: request.headers.origin,
          referer: request.headers.referer,
          nowEpochSeconds: Math.floor(Date.now() / 1000),
        });
        if (!access.allowed) return refuse(reply, access.status, access.message);
        // By its real path, and only when that is still inside the library (a symlink may lead out).
        // The finished folder first; while the ladder is still encoded, what of it plays already.
        const folder = videoFolder(context.paths, video.uid);
        const published = await fileInLibrary(context.paths.library, path.join(folder, file.path));
        const growing = !published && video.playable && video.status.state !== 'ready';
        const real = growing
          ? await fileInLibrary(context.paths.library, path.join(liveFolder(folder), file.path))
          : published;
        if (!real) return refuse(reply, 404, 'Not found.');
        // A growing playlist must be asked for again each time: a kept copy would stop the player.
        const cacheControl = growing && !file.inMemory ? 'no-cache' : file.cacheControl;
        // A signed or origin-bound answer is for this requester only; shared caches must not keep it.
        const restricted = rules.requireSignedURLs || rules.allowedOrigins.length > 0;
        reply.headers(corsHeaders).header('Content-Type', file.contentType);
        reply.header('Cache-Control', restricted ? cacheControl.replace('public', 'private') : cacheControl);
        if (rules.allowedOrigins.length > 0) reply.header('Vary', 'Origin, Referer');
        if (file.inMemory) {
          const cached = await segments.read(real.path);
          if (cached === 'missing') return refuse(reply, 404, 'Not found.');
          if (cached !== 'large') return sendBytes(request, reply, cached);
        }
        return reply.sendFile(path.basename(real.path), path.dirname(real.path), sendOptions);
      },
    );
  });
}
