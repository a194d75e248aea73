/**
 * Omega Stream's upload via link on this machine: `POST /client/video/stream/copy` with `title`,
 * `url` and `headers` (sent to the origin, never echoed), answered 200 in that service's own shape
 * (omega-video.ts), and `GET /client/video/stream/{id}` to poll it. Same token as the rest of the
 * API; failures as `{ status: "error", message }` with the HTTP status that fits.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasValidBearer } from '../check-token';
import { privateLinkProblem } from '../private-link-rule';
import { omegaVideo, uidFromOmegaId } from '../omega-video';
import type { ServerContext } from '../server-context';
import { statusForFailure } from '../stream-envelope';
import { closeIfBodyUnread, readBodiesAsJson } from '../stream-scope';
import { describeFailure } from '../stream-requests';
import { callerView } from '../caller-view';

interface CopyBody {
  title: string;
  url: string;
  headers?: Record<string, string>;
}

const copyBodySchema = {
  type: 'object',
  required: ['title', 'url'],
  properties: {
    title: { type: 'string' },
    url: { type: 'string' },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

const refuse = (reply: FastifyReply, status: number, message: string) =>
  reply.status(status).type('application/json').send({ status: 'error', message });

export async function registerOmegaApi(app: FastifyInstance, context: ServerContext): Promise<void> {
  const view = callerView(context);
  const fail = (reply: FastifyReply, error: Parameters<typeof describeFailure>[0]) => {
    const status = statusForFailure(error.code);
    if (error.code === 'ENGINE_RESTARTING')
      return refuse(reply.header('Retry-After', '2'), status, view.text(error.message));
    if (status >= 500) process.emitWarning(`ferry serve: ${error.message}`);
    const message =
      status >= 500
        ? 'Ferry failed to answer this request; see its terminal for more.'
        : view.text(describeFailure(error, { name: 'title' }));
    return refuse(reply, status, message);
  };

  await app.register(
    async (api) => {
      readBodiesAsJson(api);
      api.addHook('onRequest', async (request, reply) => {
        if (hasValidBearer(request.headers.authorization, context.token)) return;
        closeIfBodyUnread(request, reply);
        return refuse(reply, 401, 'Unauthorized: send Authorization: Bearer <token>, the token ferry serve printed.');
      });
      api.setErrorHandler<FastifyError>((error, _request, reply) => {
        if (error.validation) {
          const problems = error.validation.map((issue) => {
            const missing = (issue.params as { missingProperty?: string }).missingProperty;
            return `${missing ?? issue.instancePath.replace(/^\//, '')}: ${missing ? 'is required' : issue.message}`;
          });
          return refuse(reply, 400, `${problems.join('; ')}.`);
        }
        const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
        if (status < 500) return refuse(reply, status, error.message);
        process.emitWarning(`ferry serve: ${error.message}`);
        return refuse(reply, 500, 'Ferry failed to answer this request; see its terminal for more.');
      });

      api.post<{ Body: CopyBody }>('/copy', { schema: { body: copyBodySchema } }, async (request, reply) => {
        const { title, url, headers } = request.body;
        const problem = context.allowPrivateNetworks ? undefined : privateLinkProblem(url, context.allowAddresses);
        if (problem) return refuse(reply, 400, `url: ${problem}`);
        const link = { url, ...(title ? { name: title } : {}), ...(headers ? { headers } : {}) };
        // Every copy is a video of its own, as on Omega, whoever copied the same link before.
        const added = await context.call('addLinks', { links: [link], options: { duplicates: 'allow' } });
        if (!added.ok) return fail(reply, added.error);
        const { queued, invalid } = added.value;
        if (invalid[0]) return refuse(reply, 400, `url: ${invalid[0].reason}`);
        const found = queued[0];
        if (!found) return refuse(reply, 500, 'Ferry could not queue the link; see its terminal.');
        return reply
          .status(200)
          .type('application/json')
          .send(omegaVideo(view.video(found)));
      });

      api.get<{ Params: { id: string } }>('/:id', async (request, reply) => {
        const found = await context.call('get', { uid: uidFromOmegaId(request.params.id) });
        if (!found.ok) return fail(reply, found.error);
        return reply
          .status(200)
          .type('application/json')
          .send(omegaVideo(view.video(found.value)));
      });
    },
    { prefix: '/client/video/stream' },
  );
}
