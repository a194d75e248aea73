/**
 * The rest of Cloudflare Stream's API that scripts use around uploads: the webhook subscription
 * (`…/stream/webhook`: one per account, its answer carrying the signing secret, as Cloudflare's
 * does) and playback tokens for signed URLs (`…/stream/{uid}/token`, one hour unless `exp` says).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Settings } from '../../../shared/api';
import { signPlaybackToken } from '../playback-token';
import { tokenExpiryProblem } from '../signed-token';
import { videoUidFor } from '../upload-links';
import type { ServerContext } from '../server-context';
import { guardStreamScope, sendError, sendFailure, sendResult, streamPrefix } from '../stream-scope';

const defaultTokenSeconds = 60 * 60;

/** The webhook as Cloudflare answers it. */
const webhookResult = (settings: Settings) => ({
  notificationUrl: settings.webhookUrl,
  secret: settings.webhookSecret,
});

const webhookBodySchema = {
  type: 'object',
  required: ['notificationUrl'],
  properties: { notificationUrl: { type: 'string' } },
} as const;

const tokenBodySchema = {
  type: ['object', 'null'],
  properties: { exp: { type: 'integer' } },
} as const;

export async function registerStreamWebhook(app: FastifyInstance, context: ServerContext): Promise<void> {
  const answerSettings = async (reply: FastifyReply, patch?: { webhookUrl: string | null }) => {
    const settings = patch ? await context.call('setSettings', patch) : await context.call('getSettings', undefined);
    if (!settings.ok) return sendFailure(reply, settings.error, context.paths, { webhookUrl: 'notificationUrl' });
    return sendResult(reply, webhookResult(settings.value));
  };

  await app.register(
    async (api) => {
      guardStreamScope(api, context);

      api.get('/webhook', async (_request, reply) => answerSettings(reply));
      api.put<{ Body: { notificationUrl: string } }>(
        '/webhook',
        { schema: { body: webhookBodySchema } },
        async (request, reply) => answerSettings(reply, { webhookUrl: request.body.notificationUrl }),
      );
      api.delete('/webhook', async (_request, reply) => answerSettings(reply, { webhookUrl: null }));

      api.post<{ Params: { uid: string }; Body: { exp?: number } | null }>(
        '/:uid/token',
        { schema: { body: tokenBodySchema } },
        async (request, reply) => {
          // The id a TUS creation announced names the video its upload became.
          const uid = videoUidFor(context.paths, request.params.uid);
          const found = await context.call('get', { uid });
          if (!found.ok) return sendFailure(reply, found.error, context.paths);
          const now = Math.floor(Date.now() / 1000);
          const exp = request.body?.exp ?? now + defaultTokenSeconds;
          // A token that could never verify is not issued.
          const problem = tokenExpiryProblem(exp, now);
          if (problem) return sendError(reply, 400, `exp: ${problem} (default: in 1 hour).`);
          return sendResult(reply, { token: signPlaybackToken(context.signingKey, uid, exp) });
        },
      );
    },
    { prefix: streamPrefix },
  );
}
