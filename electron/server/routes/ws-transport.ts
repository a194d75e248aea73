/**
 * The contract over a WebSocket at `/ws`, for the renderer in a browser (socket-session.ts does
 * the talking). Registered in its own scope so the plugin's decorators meet no other module's.
 * Message size is capped by the socket itself; compression stays off (ws's default), so a small
 * message cannot inflate into a large one.
 */
import websocket from '@fastify/websocket';
import { maxSocketMessageBytes, socketPath } from '../../../shared/socket-messages';
import type { RegisterRoutes } from '../server-context';
import { serveSocket } from '../socket-session';

export const registerSocketTransport: RegisterRoutes = async (app, context) => {
  await app.register(async (scope) => {
    await scope.register(websocket, { options: { maxPayload: maxSocketMessageBytes } });
    scope.get(socketPath, { websocket: true }, (socket) => serveSocket(socket, context));
  });
};
