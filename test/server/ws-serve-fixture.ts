/**
 * `ferry serve` for the socket and UI tests: the real server (createServer, every route module)
 * over a real engine on a real data directory, on 127.0.0.1. It can be closed and started again
 * on the same port, as a restarted `ferry serve` would be.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../electron/engine/create-engine';
import { inlineEngineLink } from '../../electron/engine/host/engine-link';
import { loopbackHostNames } from '../../electron/server/allowed-hosts';
import { createServer, routesOf, type RouteEntry } from '../../electron/server/create-server';
import { serverCalls } from '../../electron/server/server-calls';
import type { ServerContext } from '../../electron/server/server-context';

export interface Served {
  url: string;
  port: number;
  context: ServerContext;
  /** Stops the server (closing its sockets); the engine stays open for a restart. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  /** The routes the running server registered (fastify's own table). */
  routes(): readonly RouteEntry[];
}

export async function serveEngine(engine: Engine, token = randomBytes(16).toString('hex')): Promise<Served> {
  let port = 0;
  // Asserted rather than annotated: the context grows as the other route modules land (allowAddresses).
  const link = inlineEngineLink(engine);
  const signingKey = randomBytes(32);
  const baseUrl = () => `http://127.0.0.1:${port}`;
  const context = {
    engine: link,
    ...serverCalls(link, true, { baseUrl, signingKey }),
    token,
    signingKey,
    paths: engine.paths,
    allowPrivateNetworks: true,
    allowAddresses: [] as string[],
    allowedHosts: [...loopbackHostNames],
    baseUrl,
  } as ServerContext;
  let app: FastifyInstance | undefined;
  const start = async () => {
    app = await createServer(context);
    await app.listen({ host: '127.0.0.1', port });
    port = (app.server.address() as AddressInfo).port;
  };
  await start();
  const served: Served = {
    url: context.baseUrl(),
    port,
    context,
    stop: async () => {
      await app?.close();
      app = undefined;
    },
    restart: start,
    routes: () => (app ? routesOf(app) : []),
  };
  return served;
}
