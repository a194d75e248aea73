/**
 * Cloudflare Stream's basic direct creator upload: `POST …/stream/direct_upload` (API token)
 * answers `{ uid, uploadURL }`, and the one-time `uploadURL` takes one file as a
 * `multipart/form-data` POST (field `file`) with no token, up to Cloudflare's 200 MB. The upload
 * is kept as a TUS upload of deferred length under the uid (so `GET …/stream/{uid}` answers it in
 * `pendingupload`, it expires as TUS uploads do, and the URL is spent once used), then queued.
 */
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { directTicket } from '../direct-upload-rules';
import { directUploadBodySchema, directUploadMetadata, type DirectUploadBody } from '../direct-upload-body';
import { queueUpload } from '../queue-upload';
import type { ServerContext } from '../server-context';
import { guardStreamScope, sendError, sendResult, streamPrefix } from '../stream-scope';
import { newUploadId, readUploadRef, uploadTicket, UploadVideos } from '../upload-links';
import { parseUploadMetadata } from '../upload-metadata';
import { admitCreation, sizeLimit } from '../upload-limits';
import { UploadRoom } from '../upload-room';
import { defaultUploadExpiryMs } from '../upload-sweep';

/** Cloudflare's cap on a basic (non-TUS) upload: larger files go by TUS. */
export const basicUploadMaxBytes = 200 * 1024 * 1024;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The form's `file`, read by the platform's own form parser; undefined when there is none. */
async function formFile(request: FastifyRequest, type: string): Promise<Blob | undefined> {
  try {
    // A streamed body needs `duplex` (Node's fetch), which the DOM's RequestInit does not type.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { 'content-type': type },
      body: Readable.toWeb(request.raw) as ReadableStream<Uint8Array>,
      duplex: 'half',
    };
    const form = await new Request('http://upload.invalid/', init).formData();
    const file = form.get('file');
    return file instanceof Blob ? file : undefined;
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

export async function registerDirectUpload(app: FastifyInstance, context: ServerContext): Promise<void> {
  const directory = context.paths.uploads;
  const expiryMs = context.uploadExpiryMs ?? defaultUploadExpiryMs;
  let made: { store: FileStore; videos: UploadVideos } | undefined;
  // Made when first needed: the store's constructor creates the folder, which a server may never use.
  const uploads = () => (made ??= { store: new FileStore({ directory }), videos: new UploadVideos(directory) });
  const room = new UploadRoom(context);

  await app.register(
    async (api) => {
      guardStreamScope(api, context);
      api.post<{ Body: DirectUploadBody }>(
        '/direct_upload',
        { schema: { body: directUploadBodySchema } },
        async (request, reply) => {
          const header = request.headers['upload-creator'];
          const metadata = directUploadMetadata(request.body ?? {}, typeof header === 'string' ? header : undefined);
          const parsed = parseUploadMetadata(metadata);
          if (!parsed.ok) return sendError(reply, 400, parsed.message);
          const ticket = directTicket(parsed.value, nowSeconds(), expiryMs / 1000);
          if (!ticket.ok) return sendError(reply, 400, ticket.message);
          const uid = newUploadId();
          await uploads().store.create(new Upload({ id: uid, offset: 0, metadata }));
          return sendResult(reply, {
            uid,
            uploadURL: `${context.baseUrl()}/upload/${uploadTicket(context.signingKey, uid, ticket.expiresAt)}`,
            scheduledDeletion: parsed.value.options.scheduledDeletion ?? null,
            watermark: null,
          });
        },
      );
    },
    { prefix: streamPrefix },
  );

  const take = async (request: FastifyRequest<{ Params: { ticket: string } }>, reply: FastifyReply) => {
    const ref = readUploadRef(context.signingKey, request.params.ticket, nowSeconds());
    if (ref.kind !== 'ticket') return sendError(reply, 404, 'No such upload, or its one-time URL has expired.');
    const { store, videos } = uploads();
    if (videos.videoOf(ref.id) !== undefined) return sendError(reply, 410, 'This one-time upload URL has been used.');
    const length = Number(request.headers['content-length']);
    if (!Number.isInteger(length))
      return sendError(reply, 411, 'Send the form with its Content-Length (a chunked body is not taken).');
    if (length > basicUploadMaxBytes)
      return sendError(
        reply,
        413,
        'A basic upload takes up to 200 MB: upload larger files by TUS (?direct_user=true).',
      );
    // Held to the largest upload and the free disk as a TUS upload is, before a byte is read.
    const creator = parseUploadMetadata((await store.getUpload(ref.id)).metadata ?? {});
    const admitted = await room.admit({ response: reply.raw, id: ref.id, bytes: length }, (limits) =>
      admitCreation(
        length,
        sizeLimit(limits.maxSizeBytes, creator.ok ? creator.value.options.maxSizeBytes : undefined),
        limits.room,
      ),
    );
    if (!admitted.ok) return sendError(reply, admitted.status, admitted.message);
    const type = request.headers['content-type'] ?? '';
    const file = type.startsWith('multipart/form-data') ? await formFile(request, type) : undefined;
    if (!file) return sendError(reply, 400, 'file: send the video as the form field "file" (multipart/form-data).');
    await store.declareUploadLength(ref.id, file.size);
    await store.write(Readable.fromWeb(file.stream() as Parameters<typeof Readable.fromWeb>[0]), ref.id, 0);
    try {
      await queueUpload(context, directory, videos, await store.getUpload(ref.id));
    } catch (error) {
      const refused = error as { status_code?: number; body?: string };
      return sendError(reply, refused.status_code ?? 500, (refused.body ?? String(error)).trim());
    }
    // A visitor's browser posts the form from another page: it may read the answer.
    return reply.status(200).header('Access-Control-Allow-Origin', '*').send();
  };

  await app.register(async (scope) => {
    // The form is read as it arrives, here, not by fastify.
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.post('/upload/:ticket', { bodyLimit: basicUploadMaxBytes }, take);
  });
}
