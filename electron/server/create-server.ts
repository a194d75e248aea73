/**
 * The HTTP server of `ferry serve`, on fastify (routing, body limits, content types). Each family
 * of routes is a module of its own under routes/, registered here; each answers its own clients'
 * error shape (Cloudflare's envelope, Omega's, plain text for media), and none of them ever sends
 * a stack trace, a path outside the library or a secret.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerHostCheck } from './check-host';
import { registerDirectUpload } from './routes/direct-upload';
import { registerMediaRoutes } from './routes/media';
import { registerOmegaApi } from './routes/omega-api';
import { registerStreamApi } from './routes/stream-api';
import { registerStreamWebhook } from './routes/stream-webhook';
import { registerTusRoutes } from './routes/tus-upload';
import { registerUi } from './routes/ui';
import { registerSocketTransport } from './routes/ws-transport';
import type { RegisterRoutes, ServerContext } from './server-context';

export interface ServerOptions {
  /** Largest JSON body accepted (uploads go through TUS, not here). */
  bodyLimitBytes?: number;
}

/** One route of the server as fastify registered it: a method and its URL pattern. */
export interface RouteEntry {
  method: string;
  url: string;
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route `app` answers, read from fastify's own registration (so a test covers each new one). */
export const routesOf = (app: FastifyInstance): readonly RouteEntry[] => routeTables.get(app) ?? [];

/** The route modules, in registration order (the Host check first: it guards every one after it). */
const routeModules: RegisterRoutes[] = [
  registerHostCheck,
  registerUi,
  registerSocketTransport,
  registerMediaRoutes,
  registerTusRoutes,
  registerDirectUpload,
  registerStreamApi,
  registerStreamWebhook,
  registerOmegaApi,
];

export async function createServer(context: ServerContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    // Stopping ends every connection, not only idle ones: a browser keeps a picture's or a
    // segment's connection open, and a stop that waited for it would hand work back a minute late.
    forceCloseConnections: true,
  });
  // The last word on anything a route did not answer itself: a status and a sentence, nothing internal.
  app.setErrorHandler<FastifyError>((error, _request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    const message = status < 500 ? error.message : 'Ferry failed to answer this request; see its terminal for more.';
    if (status >= 500) process.emitWarning(`ferry serve: ${error.message}`);
    void reply
      .status(status)
      .type('application/json')
      .send({ success: false, errors: [{ code: status, message }] });
  });
  const routes: RouteEntry[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url ?? route.path });
  });
  for (const register of routeModules) await register(app, context);
  return app;
}
