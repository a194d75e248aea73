/**
 * Cloudflare Stream's video API on this machine (`/client/v4/accounts/{any}/stream`): upload via
 * link (`/copy`), clips (`/clip`), list with Cloudflare's filters, get, edit and delete, every one through the
 * engine's one door. Videos are answered with their media as http URLs on this server. The TUS
 * endpoint on `POST …/stream` is tus-upload.ts's; the webhook and token routes stream-webhook.ts's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { privateLinkProblem } from '../private-link-rule';
import type { ServerContext } from '../server-context';
import { guardStreamScope, sendError, sendFailure, sendResult, streamPrefix } from '../stream-scope';
import {
  addLinksFromCopy,
  copyBodySchema,
  editBodySchema,
  editFromBody,
  listQueryFrom,
  listQuerySchema,
  type CopyBody,
  type EditBody,
  type ListParams,
} from '../stream-requests';
import { videoUidFor } from '../upload-links';
import { clipBodySchema, clipFromBody, clipRenames, type ClipBody } from '../clip-request';
import { PendingUploads } from '../pending-uploads';
import { callerView } from '../caller-view';

type UidRequest = FastifyRequest<{ Params: { uid: string } }>;

/** A page of the list, with Cloudflare's envelope and Ferry's `total`. */
const sendList = (reply: FastifyReply, result: unknown[], total: number) =>
  reply.status(200).type('application/json').send({ result, success: true, errors: [], messages: [], total });

/** The list's contract names as Cloudflare's query calls them. */
const listRenames = { state: 'status' };

export async function registerStreamApi(app: FastifyInstance, context: ServerContext): Promise<void> {
  const { stream: shown } = callerView(context);
  const uploads = new PendingUploads(context);

  await app.register(
    async (api) => {
      guardStreamScope(api, context);

      api.post<{ Body: CopyBody }>('/copy', { schema: { body: copyBodySchema } }, async (request, reply) => {
        const creatorHeader = request.headers['upload-creator'];
        const translated = addLinksFromCopy(
          request.body ?? {},
          typeof creatorHeader === 'string' ? creatorHeader : undefined,
        );
        if (!translated.ok) return sendError(reply, 400, translated.message);
        const link = translated.input.links[0]?.url ?? '';
        const problem = context.allowPrivateNetworks ? undefined : privateLinkProblem(link, context.allowAddresses);
        if (problem) return sendError(reply, 400, `url: ${problem}`);
        const added = await context.call('addLinks', translated.input);
        if (!added.ok) return sendFailure(reply, added.error, context.paths);
        const { queued, invalid } = added.value;
        if (invalid[0]) return sendError(reply, 400, `url: ${invalid[0].reason}`);
        if (!queued[0]) return sendError(reply, 500, 'Ferry could not queue the link; see its terminal.');
        return sendResult(reply, shown(queued[0]));
      });

      api.post<{ Body: ClipBody }>('/clip', { schema: { body: clipBodySchema } }, async (request, reply) => {
        const creatorHeader = request.headers['upload-creator'];
        const translated = clipFromBody(
          request.body ?? {},
          typeof creatorHeader === 'string' ? creatorHeader : undefined,
        );
        if (!translated.ok) return sendError(reply, 400, translated.message);
        const { input } = translated;
        const clipped = await context.call('clip', { ...input, uid: videoUidFor(context.paths, input.uid) });
        if (!clipped.ok) return sendFailure(reply, clipped.error, context.paths, clipRenames);
        // Cloudflare's Clip answer: the new video, with the clip's own fields beside it.
        const { start: startTimeSeconds, end: endTimeSeconds } = input;
        return sendResult(reply, {
          ...shown(clipped.value),
          clippedFromVideoUID: input.uid,
          startTimeSeconds,
          endTimeSeconds,
        });
      });

      api.get<{ Querystring: ListParams }>(
        '/',
        { schema: { querystring: listQuerySchema } },
        async (request, reply) => {
          // Uploads under way are no videos of the engine yet: this server answers them itself.
          if (request.query.status === 'pendingupload') {
            const videos = await uploads.list(request.query);
            return sendList(reply, videos, videos.length);
          }
          const page = await context.call('list', listQueryFrom(request.query));
          if (!page.ok) return sendFailure(reply, page.error, context.paths, listRenames);
          return sendList(reply, page.value.videos.map(shown), page.value.total);
        },
      );

      api.get('/:uid', async (request: UidRequest, reply) => {
        // The uid first: the mapping file is only for uploads made before a video took its upload's id.
        const id = request.params.uid;
        const direct = await context.call('get', { uid: id });
        const mapped = direct.ok ? id : videoUidFor(context.paths, id);
        const found = mapped === id ? direct : await context.call('get', { uid: mapped });
        if (found.ok) return sendResult(reply, shown(found.value));
        const uploading = found.error.code === 'NOT_FOUND' ? await uploads.get(request.params.uid) : undefined;
        if (uploading) return sendResult(reply, uploading);
        return sendFailure(reply, found.error, context.paths);
      });

      api.post<{ Params: { uid: string }; Body: EditBody }>(
        '/:uid',
        { schema: { body: editBodySchema } },
        async (request, reply) => {
          const translated = editFromBody(request.body ?? {});
          if (!translated.ok) return sendError(reply, 400, translated.message);
          const uid = videoUidFor(context.paths, request.params.uid);
          const edited = await context.call('edit', { uid, changes: translated.input });
          if (!edited.ok) return sendFailure(reply, edited.error, context.paths);
          return sendResult(reply, shown(edited.value));
        },
      );

      api.delete('/:uid', async (request: UidRequest, reply) => {
        const uid = videoUidFor(context.paths, request.params.uid);
        const removed = await context.call('remove', { uids: [uid], deleteOutputs: true });
        if (!removed.ok) return sendFailure(reply, removed.error, context.paths);
        if (removed.value.removed === 0 && !(await uploads.remove(request.params.uid)))
          return sendError(reply, 404, `No video with uid ${request.params.uid} on this Ferry.`);
        return sendResult(reply, null);
      });
    },
    { prefix: streamPrefix },
  );
}
