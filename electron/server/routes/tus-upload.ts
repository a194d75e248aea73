/**
 * TUS 1.0.0 uploads as Cloudflare Stream takes them, on @tus/server with its file store under
 * `<dataDir>/uploads/` (so an upload goes on after a restart): `POST …/stream` with the API token
 * creates one (`stream-media-id` names its video), `?direct_user=true` answers a one-time URL in
 * `Location` for someone else's browser; PATCH, HEAD and DELETE go to the upload URL. A finished
 * upload is queued through the dispatcher (`addFiles`, the metadata's options) as a normal video.
 *
 * Fastify only routes: each TUS request goes to @tus/server raw (hijacked, body unread).
 */
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Metadata, Server, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasValidBearer } from '../check-token';
import type { ServerContext } from '../server-context';
import { checkChunk } from '../upload-chunks';
import { newUploadId, readUploadRef, uploadsDirectory, uploadTicket, UploadVideos } from '../upload-links';
import { parseUploadMetadata, type TusMetadata } from '../upload-metadata';

/** A direct creator URL works this long unless the metadata's `expiry` says otherwise: hours, not minutes, so a slow upload is not cut off. */
const directUploadSeconds = 6 * 3600;

const nowSeconds = () => Math.floor(Date.now() / 1000);

function refuse(reply: FastifyReply, status: number, message: string) {
  return reply
    .status(status)
    .headers({ 'Access-Control-Allow-Origin': '*', 'Tus-Resumable': '1.0.0' })
    .type('application/json')
    .send({ result: null, success: false, errors: [{ code: status === 401 ? 10000 : status, message }], messages: [] });
}

export async function registerTusRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const directory = uploadsDirectory(context.paths);
  const store = new FileStore({ directory });
  const videos = new UploadVideos(directory);
  /** Where each upload created just now is reached, read once by `generateUrl`. */
  const locations = new Map<string, string>();
  /** The id reserved for each creation request, announced in its `stream-media-id` before @tus/server names the upload. */
  const reservedIds = new WeakMap<object, string>();

  const queueUpload = async (upload: Upload) => {
    const parsed = parseUploadMetadata(upload.metadata ?? {});
    if (!parsed.ok) throw { status_code: 400, body: `${parsed.message}\n` };
    const added = await context.callOwn('addFiles', {
      paths: [path.join(directory, upload.id)],
      options: parsed.value.options,
    });
    const video = added.ok ? (added.value.queued[0] ?? added.value.duplicates[0]) : undefined;
    if (!video) throw { status_code: 500, body: 'Ferry could not queue the uploaded file; see its terminal.\n' };
    videos.remember(upload.id, video.uid);
    return {};
  };

  // An upload complete on disk but never queued (the process stopped in between) is queued now.
  const queueIfComplete = async (id: string) => {
    const upload = await store.getUpload(id);
    if (upload.size !== undefined && upload.offset === upload.size) await queueUpload(upload);
  };
  for (const id of videos.withoutVideo())
    await queueIfComplete(id).catch((error: unknown) =>
      process.emitWarning(
        `ferry serve: upload ${id} could not be queued: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      ),
    );

  const tus = new Server({
    path: '/tus',
    datastore: store,
    // A complete upload is a queued video's source file: it stays.
    disableTerminationForFinishedUploads: true,
    allowedHeaders: ['Upload-Creator', 'Upload-Checksum', 'Range'],
    exposedHeaders: ['stream-media-id', 'Upload-Expires'],
    namingFunction: (request) => {
      const id = request.runtime?.node && reservedIds.get(request.runtime.node.req);
      if (id === undefined) throw { status_code: 500, body: 'Ferry lost the id of this upload.\n' };
      return id;
    },
    generateUrl: (_request, { id }) => locations.get(id) ?? `${context.baseUrl()}/tus/${id}`,
    getFileIdFromRequest: (_request, last) => {
      const ref = last === undefined ? undefined : readUploadRef(context.signingKey, last, nowSeconds());
      return ref && ref.kind !== 'invalid' ? ref.id : undefined;
    },
    onIncomingRequest: async (request, id) => {
      const length = request.headers.get('content-length');
      if (request.method !== 'PATCH' || length === null) return;
      const upload = await store.getUpload(id);
      const check = checkChunk({
        offset: Number(request.headers.get('upload-offset')),
        length: Number(length),
        uploadLength: upload.size,
      });
      if (!check.ok) throw { status_code: check.status, body: check.message };
    },
    // The creator given as a header is kept with the upload, as a metadata key of its own.
    onUploadCreate: async (request, upload) => {
      const creator = request.headers.get('upload-creator');
      return creator === null ? {} : { metadata: { ...upload.metadata, creator } };
    },
    onUploadFinish: async (_request, upload) => queueUpload(upload),
  });

  const handOver = (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    tus.handle(request.raw, reply.raw).catch((error: unknown) => {
      process.emitWarning(`ferry serve: an upload request failed: ${String(error)}`);
      reply.raw.destroy();
    });
  };

  const create = async (request: FastifyRequest<{ Querystring: { direct_user?: string } }>, reply: FastifyReply) => {
    if (!hasValidBearer(request.headers.authorization, context.token))
      return refuse(reply, 401, 'Authentication error: send Authorization: Bearer <token>.');
    if (request.headers['tus-resumable'] === undefined)
      return refuse(
        reply,
        400,
        'POST …/stream takes TUS uploads: send Tus-Resumable: 1.0.0 (or use …/stream/copy for a link).',
      );
    const creator = request.headers['upload-creator'];
    const header = request.headers['upload-metadata'];
    let metadata: TusMetadata = {};
    try {
      if (typeof header === 'string' && header.trim() !== '') metadata = Metadata.parse(header);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      return refuse(reply, 400, 'Upload-Metadata: must be comma-separated "key base64value" pairs.');
    }
    if (typeof creator === 'string') metadata = { ...metadata, creator };
    const parsed = parseUploadMetadata(metadata);
    if (!parsed.ok) return refuse(reply, 400, parsed.message);
    const id = newUploadId();
    if (request.query.direct_user === 'true') {
      const expires = parsed.value.expiry ? Date.parse(parsed.value.expiry) / 1000 : nowSeconds() + directUploadSeconds;
      locations.set(id, `${context.baseUrl()}/tus/${uploadTicket(context.signingKey, id, expires)}`);
    }
    reservedIds.set(request.raw, id);
    reply.raw.setHeader('stream-media-id', id);
    reply.raw.once('close', () => locations.delete(id));
    handOver(request, reply);
  };

  const resume = async (request: FastifyRequest<{ Params: { ref: string } }>, reply: FastifyReply) => {
    const ref = readUploadRef(context.signingKey, request.params.ref, nowSeconds());
    if (ref.kind === 'invalid') return refuse(reply, 404, 'No such upload, or its one-time URL has expired.');
    if (ref.kind === 'id' && !hasValidBearer(request.headers.authorization, context.token))
      return refuse(reply, 401, 'Authentication error: send Authorization: Bearer <token>.');
    // A one-time URL is spent once its upload is complete.
    if (ref.kind === 'ticket' && videos.videoOf(ref.id) !== undefined)
      return refuse(reply, 410, 'This one-time upload URL has been used.');
    handOver(request, reply);
  };

  // tus-js-client's overridePatchMethod (for proxies that drop PATCH): @tus/server 2 does not read it.
  const overridden = async (request: FastifyRequest<{ Params: { ref: string } }>, reply: FastifyReply) => {
    const method = String(request.headers['x-http-method-override'] ?? '').toUpperCase();
    if (!['PATCH', 'HEAD', 'DELETE'].includes(method))
      return refuse(reply, 405, 'An upload URL takes PATCH, HEAD and DELETE (or POST with X-HTTP-Method-Override).');
    request.raw.method = method;
    return resume(request, reply);
  };

  await app.register(async (scope) => {
    // The upload's bytes are @tus/server's to read, as they arrive.
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    scope.post('/client/v4/accounts/:account/stream', create);
    scope.options('/client/v4/accounts/:account/stream', handOver);
    scope.route({ method: ['HEAD', 'PATCH', 'DELETE'], url: '/tus/:ref', handler: resume });
    scope.post('/tus/:ref', overridden);
    scope.options('/tus/:ref', handOver);
  });
}
