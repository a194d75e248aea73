/**
 * TUS 1.0.0 uploads as Cloudflare Stream takes them, on @tus/server with its file store under
 * `<dataDir>/uploads/` (so an upload goes on after a restart): `POST …/stream` with the API token
 * creates one (`stream-media-id` names its video), `?direct_user=true` answers a one-time URL in
 * `Location` for someone else's browser; PATCH, HEAD and DELETE go to the upload URL. A finished
 * upload is queued through the dispatcher (`addFiles`, the metadata's options) as a normal video.
 * Each request is held to the limits first (upload-limits.ts: the size, the chunk rules, the free
 * disk; direct-upload-rules.ts for one-time URLs), and unfinished uploads expire (upload-sweep.ts).
 *
 * Fastify only routes: each TUS request goes to @tus/server raw (hijacked, body unread).
 */
import { FileStore } from '@tus/file-store';
import { Metadata, Server, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasValidBearer } from '../check-token';
import { queueUpload as queueFinished } from '../queue-upload';
import { directTicket } from '../direct-upload-rules';
import type { ServerContext } from '../server-context';
import { admitBody, admitCreation, sizeLimit, type Verdict } from '../upload-limits';
import { findUpload, newUploadId, readUploadRef, uploadTicket, UploadVideos } from '../upload-links';
import { parseUploadMetadata, type TusMetadata } from '../upload-metadata';
import { UploadRoom } from '../upload-room';
import { defaultUploadExpiryMs, sweepEveryMs, sweepExpiredUploads } from '../upload-sweep';

const nowSeconds = () => Math.floor(Date.now() / 1000);

function refuse(reply: FastifyReply, status: number, message: string) {
  return reply
    .status(status)
    .headers({ 'Access-Control-Allow-Origin': '*', 'Tus-Resumable': '1.0.0' })
    .type('application/json')
    .send({ result: null, success: false, errors: [{ code: status === 401 ? 10000 : status, message }], messages: [] });
}

export async function registerTusRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const directory = context.paths.uploads;
  const expiryMs = context.uploadExpiryMs ?? defaultUploadExpiryMs;
  const store = new FileStore({ directory, expirationPeriodInMilliseconds: expiryMs });
  const videos = new UploadVideos(directory);
  const room = new UploadRoom(context);
  /** Where each upload created just now is reached, read once by `generateUrl`. */
  const locations = new Map<string, string>();
  /** The id reserved for each creation request, announced in its `stream-media-id` before @tus/server names the upload. */
  const reservedIds = new WeakMap<object, string>();

  const queueUpload = (upload: Upload) => queueFinished(context, directory, videos, upload);

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

  // Expired unfinished uploads go now, and then as they expire.
  const sweep = () => sweepExpiredUploads({ store, directory, videos, expiryMs, busy: (id) => room.busy(id) });
  await sweep();
  const sweeper = setInterval(
    () =>
      void sweep().catch((error: unknown) =>
        process.emitWarning(`ferry serve: expired uploads could not be removed: ${String(error)}`),
      ),
    sweepEveryMs(expiryMs),
  );
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  /** A PATCH's bytes are admitted before they arrive, and hold their room until the request ends. */
  const admitPatch = async (request: FastifyRequest, reply: FastifyReply, id: string): Promise<Verdict> => {
    const offset = request.headers['upload-offset'];
    const upload = await findUpload(store, id);
    // A missing upload or offset is @tus/server's to answer (404, 410, 409), with no byte taken.
    if (!upload || typeof offset !== 'string' || !/^\d+$/.test(offset)) return { ok: true };
    const parsed = parseUploadMetadata(upload.metadata ?? {});
    const declared = request.headers['upload-length'];
    const contentLength = request.headers['content-length'] ?? null;
    const body = {
      contentLength,
      offset: Number(offset),
      uploadLength: upload.size ?? (typeof declared === 'string' ? Number(declared) : undefined),
    };
    const creatorBytes = parsed.ok ? parsed.value.options.maxSizeBytes : undefined;
    return room.admit({ response: reply.raw, id, bytes: Number(contentLength) }, (limits) =>
      admitBody(body, sizeLimit(limits.maxSizeBytes, creatorBytes), limits.room),
    );
  };

  const tus = new Server({
    path: '/tus',
    datastore: store,
    // A complete upload is a queued video's source file: it stays.
    disableTerminationForFinishedUploads: true,
    allowedHeaders: ['Upload-Creator', 'Upload-Checksum', 'Range'],
    exposedHeaders: ['stream-media-id', 'Upload-Expires'],
    // Announced as Tus-Max-Size; each request was held to it (and to an upload's own limit) before.
    maxSize: () => room.maxSizeBytes(),
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
    const ticket =
      request.query.direct_user === 'true' ? directTicket(parsed.value, nowSeconds(), expiryMs / 1000) : undefined;
    if (ticket && !ticket.ok) return refuse(reply, 400, ticket.message);

    const lengthHeader = request.headers['upload-length'];
    if (lengthHeader !== undefined && (typeof lengthHeader !== 'string' || !/^\d+$/.test(lengthHeader)))
      return refuse(reply, 400, "Upload-Length: must be the upload's size in bytes (or send Upload-Defer-Length: 1).");
    const uploadLength = typeof lengthHeader === 'string' ? Number(lengthHeader) : undefined;
    const id = newUploadId();
    // Creation with upload: the first chunk comes in the POST, held to the same rules as a PATCH's.
    const withBody = request.headers['content-type'] === 'application/offset+octet-stream';
    const contentLength = request.headers['content-length'] ?? null;
    const admitted = await room.admit(
      withBody ? { response: reply.raw, id, bytes: Number(contentLength) } : undefined,
      (limits) => {
        const limit = sizeLimit(limits.maxSizeBytes, parsed.value.options.maxSizeBytes);
        const creation = admitCreation(uploadLength, limit, limits.room);
        return creation.ok && withBody
          ? admitBody({ contentLength, offset: 0, uploadLength }, limit, limits.room)
          : creation;
      },
    );
    if (!admitted.ok) return refuse(reply, admitted.status, admitted.message);

    if (ticket) locations.set(id, `${context.baseUrl()}/tus/${uploadTicket(context.signingKey, id, ticket.expiresAt)}`);
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
    const admitted: Verdict = request.raw.method === 'PATCH' ? await admitPatch(request, reply, ref.id) : { ok: true };
    if (!admitted.ok) return refuse(reply, admitted.status, admitted.message);
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
