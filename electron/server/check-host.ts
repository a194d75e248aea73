/**
 * Every request, before any route: its `Host` must be a name this server was started for (421
 * otherwise), and the socket's upgrade must not come from a page of another site (`Origin`, 403).
 * Added on the root, so it runs for every route module registered after it.
 */
import { socketPath } from '../../shared/socket-messages';
import { hostProblem, originProblem } from './allowed-hosts';
import type { RegisterRoutes } from './server-context';

export const registerHostCheck: RegisterRoutes = (app, context) => {
  app.addHook('onRequest', async (request, reply) => {
    const wrongHost = hostProblem(request.headers.host, context.allowedHosts);
    const wrongOrigin =
      request.url.split('?')[0] === socketPath
        ? originProblem(request.headers.origin, context.allowedHosts)
        : undefined;
    const problem = wrongHost ?? wrongOrigin;
    if (problem === undefined) return;
    // A refused upgrade's socket is no longer the HTTP server's to close: it is ended here.
    if (request.headers.upgrade !== undefined) reply.raw.once('finish', () => request.raw.socket.destroy());
    return reply
      .status(wrongHost ? 421 : 403)
      .header('Connection', 'close')
      .type('text/plain; charset=utf-8')
      .send(problem);
  });
};
