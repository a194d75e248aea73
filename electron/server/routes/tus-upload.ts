/**
 * TUS 1.0.0 uploads as Cloudflare Stream takes them (the protocol is @tus/server's, set up in
 * tus-uploads.ts): `POST …/stream` with the API token creates one (`stream-media-id` names its
 * video), `?direct_user=true` answers a one-time URL in `Location` for someone else's browser;
 * PATCH, HEAD and DELETE go to the upload URL. A finished upload is queued as a normal video.
 * Each request is held to the limits first (upload-limits.ts: the size, the chunk rules, the free
 * disk; direct-upload-rules.ts for one-time URLs), and unfinished uploads expire (upload-sweep.ts).
 *
 * Fastify only routes: each TUS request goes to @tus/server raw (hijacked, body unread).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasValidBearer } from '../check-token';
import type { ServerContext } from '../server-context';
import { readTusCreation, type TusCreation } from '../tus-creation-request';
import { nowSeconds, openTusUploads, type TusUploads } from '../tus-uploads';
import { admitBody, admitCreation, sizeLimit, type Verdict } from '../upload-limits';
import { findUpload, newUploadId, readUploadRef, uploadTicket } from '../upload-links';
import { parseUploadMetadata } from '../upload-metadata';
import { sweepEveryMs, sweepExpiredUploads } from '../upload-sweep';

type CreateRequest = FastifyRequest<{ Querystring: { direct_user?: string } }>;
type UploadUrlRequest = FastifyRequest<{ Params: { ref: string } }>;

function refuse(reply: FastifyReply, status: number, message: string) {
  return reply
    .status(status)
    .headers({ 'Access-Control-Allow-Origin': '*', 'Tus-Resumable': '1.0.0' })
    .type('application/json')
    .send({ result: null, success: false, errors: [{ code: status === 401 ? 10000 : status, message }], messages: [] });
}

const unauthorized = (reply: FastifyReply) =>
  refuse(reply, 401, 'Authentication error: send Authorization: Bearer <token>.');

export async function registerTusRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const uploads = openTusUploads(context);
  await queueCompleteUploads(uploads);
  await startExpirySweep(app, uploads);
  const handOver = (request: FastifyRequest, reply: FastifyReply) => handOverToTus(uploads, request, reply);
  const resume = (request: UploadUrlRequest, reply: FastifyReply) => resumeUpload(uploads, request, reply);
  await app.register(async (scope) => {
    // The upload's bytes are @tus/server's to read, as they arrive.
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    scope.post('/client/v4/accounts/:account/stream', (request: CreateRequest, reply) =>
      createUpload(uploads, request, reply),
    );
    scope.options('/client/v4/accounts/:account/stream', handOver);
    scope.route({ method: ['HEAD', 'PATCH', 'DELETE'], url: '/tus/:ref', handler: resume });
    scope.post('/tus/:ref', (request: UploadUrlRequest, reply) => overriddenMethod(request, reply, resume));
    scope.options('/tus/:ref', handOver);
  });
}

/** An upload complete on disk but never queued (the process stopped in between) is queued now. */
async function queueCompleteUploads(uploads: TusUploads): Promise<void> {
  for (const id of uploads.videos.withoutVideo()) {
    try {
      const upload = await uploads.store.getUpload(id);
      if (upload.size !== undefined && upload.offset === upload.size) await uploads.queue(upload);
    } catch (error) {
      process.emitWarning(
        `ferry serve: upload ${id} could not be queued: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      );
    }
  }
}

/** Expired unfinished uploads go now, and then as they expire, until the server closes. */
async function startExpirySweep(app: FastifyInstance, uploads: TusUploads): Promise<void> {
  const { store, directory, videos, expiryMs, room } = uploads;
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
}

function handOverToTus(uploads: TusUploads, request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  uploads.tus.handle(request.raw, reply.raw).catch((error: unknown) => {
    process.emitWarning(`ferry serve: an upload request failed: ${String(error)}`);
    reply.raw.destroy();
  });
}

async function createUpload(uploads: TusUploads, request: CreateRequest, reply: FastifyReply) {
  const { context } = uploads;
  if (!hasValidBearer(request.headers.authorization, context.token)) return unauthorized(reply);
  const directUser = request.query.direct_user === 'true';
  const creation = readTusCreation(request.headers, directUser, nowSeconds(), uploads.expiryMs / 1000);
  if (!creation.ok) return refuse(reply, 400, creation.message);
  const id = newUploadId();
  const admitted = await admitCreationRequest(uploads, request, reply, id, creation.value);
  if (!admitted.ok) return refuse(reply, admitted.status, admitted.message);
  const { ticketExpiresAt } = creation.value;
  if (ticketExpiresAt !== undefined)
    uploads.locations.set(id, `${context.baseUrl()}/tus/${uploadTicket(context.signingKey, id, ticketExpiresAt)}`);
  uploads.reservedIds.set(request.raw, id);
  reply.raw.setHeader('stream-media-id', id);
  reply.raw.once('close', () => uploads.locations.delete(id));
  handOverToTus(uploads, request, reply);
}

/** Creation with upload: the first chunk comes in the POST, held to the same rules as a PATCH's. */
function admitCreationRequest(
  uploads: TusUploads,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  creation: TusCreation,
): Promise<Verdict> {
  const { uploadLength } = creation;
  const withBody = request.headers['content-type'] === 'application/offset+octet-stream';
  const contentLength = request.headers['content-length'] ?? null;
  return uploads.room.admit(
    withBody ? { response: reply.raw, id, bytes: Number(contentLength) } : undefined,
    (limits) => {
      const limit = sizeLimit(limits.maxSizeBytes, creation.request.options.maxSizeBytes);
      const verdict = admitCreation(uploadLength, limit, limits.room);
      return verdict.ok && withBody
        ? admitBody({ contentLength, offset: 0, uploadLength }, limit, limits.room)
        : verdict;
    },
  );
}

async function resumeUpload(uploads: TusUploads, request: UploadUrlRequest, reply: FastifyReply) {
  const { context } = uploads;
  const ref = readUploadRef(context.signingKey, request.params.ref, nowSeconds());
  if (ref.kind === 'invalid') return refuse(reply, 404, 'No such upload, or its one-time URL has expired.');
  if (ref.kind === 'id' && !hasValidBearer(request.headers.authorization, context.token)) return unauthorized(reply);
  // A one-time URL is spent once its upload is complete.
  if (ref.kind === 'ticket' && uploads.videos.videoOf(ref.id) !== undefined)
    return refuse(reply, 410, 'This one-time upload URL has been used.');
  const admitted: Verdict =
    request.raw.method === 'PATCH' ? await admitPatch(uploads, request, reply, ref.id) : { ok: true };
  if (!admitted.ok) return refuse(reply, admitted.status, admitted.message);
  handOverToTus(uploads, request, reply);
}

/** A PATCH's bytes are admitted before they arrive, and hold their room until the request ends. */
async function admitPatch(uploads: TusUploads, request: FastifyRequest, reply: FastifyReply, id: string) {
  const offset = request.headers['upload-offset'];
  const upload = await findUpload(uploads.store, id);
  // A missing upload or offset is @tus/server's to answer (404, 410, 409), with no byte taken.
  if (!upload || typeof offset !== 'string' || !/^\d+$/.test(offset)) return { ok: true } as const;
  const parsed = parseUploadMetadata(upload.metadata ?? {});
  const declared = request.headers['upload-length'];
  const contentLength = request.headers['content-length'] ?? null;
  const body = {
    contentLength,
    offset: Number(offset),
    uploadLength: upload.size ?? (typeof declared === 'string' ? Number(declared) : undefined),
  };
  const creatorBytes = parsed.ok ? parsed.value.options.maxSizeBytes : undefined;
  return uploads.room.admit({ response: reply.raw, id, bytes: Number(contentLength) }, (limits) =>
    admitBody(body, sizeLimit(limits.maxSizeBytes, creatorBytes), limits.room),
  );
}

/** tus-js-client's overridePatchMethod (for proxies that drop PATCH): @tus/server 2 does not read it. */
async function overriddenMethod(
  request: UploadUrlRequest,
  reply: FastifyReply,
  resume: (request: UploadUrlRequest, reply: FastifyReply) => Promise<unknown>,
) {
  const method = String(request.headers['x-http-method-override'] ?? '').toUpperCase();
  if (!['PATCH', 'HEAD', 'DELETE'].includes(method))
    return refuse(reply, 405, 'An upload URL takes PATCH, HEAD and DELETE (or POST with X-HTTP-Method-Override).');
  request.raw.method = method;
  return resume(request, reply);
}
