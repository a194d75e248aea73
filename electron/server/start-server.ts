/**
 * `ferry serve` without the terminal: starts the engine in a process of its own (serve-engine.ts),
 * which works the queue, and serves the API, the media and the UI on one port in this one; links
 * that arrive over HTTP are kept off private networks unless allowed (public-only-calls.ts).
 * `stop()` closes the server, then has the engine hand running work back to the queue and exit.
 * The CLI command (cli/commands/serve.ts) and the tests both start it here.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { EngineLink } from '../engine/host/engine-link';
import { createServer } from './create-server';
import { allowedHostNames } from './allowed-hosts';
import { serveSecrets } from './serve-secrets';
import { serveEngine, type EngineServeOptions, type ServedEngine } from './serve-engine';
import { serverCalls } from './server-calls';
import type { ServerContext } from './server-context';

export const defaultPort = 8787;

export interface ListenOptions {
  dataDir: string;
  /** Default 8787; 0 takes any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: the data directory's `serve-token`, generated on first run. */
  token?: string;
  allowPrivateNetworks?: boolean;
  /** Without allowPrivateNetworks: addresses or CIDR ranges links may reach anyway (a NAS, a test origin). */
  allowAddresses?: string[];
  /** Host names requests may name besides loopback and `host` (`--allow-host`: a LAN name, a proxy's). */
  allowHosts?: string[];
  bodyLimitBytes?: number;
  /** Unfinished TUS uploads are removed this long after their creation; default 24 h (Cloudflare's rule). */
  uploadExpiryMs?: number;
}

export type ServeOptions = ListenOptions & EngineServeOptions;

export interface Listening {
  /** `http://127.0.0.1:8787` */
  baseUrl: string;
  /** Cloudflare Stream's API base on this server (any account id works). */
  apiBase: string;
  /** Opens the UI signed in: the token goes in the fragment, which browsers never send. */
  signInUrl: string;
  token: string;
  app: FastifyInstance;
  /** Stops taking requests; the engine is the caller's. */
  close(): Promise<void>;
}

export interface RunningServer extends Omit<Listening, 'close'> {
  engine: ServedEngine;
  stop(): Promise<void>;
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';

/** How clients reach a server bound to `host`: a wildcard binding is reached by this machine's name. */
function urlHost(host: string): string {
  const name = isWildcard(host) ? os.hostname() : host;
  return net.isIPv6(name) ? `[${name}]` : name;
}

/** The names a wildcard binding is reached by on this machine: its host name and its interfaces' addresses. */
function machineNames(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((one) => one.address));
  return [os.hostname(), ...addresses];
}

/**
 * The HTTP side alone, over an engine someone else runs: `ferry serve` below, and the desktop
 * app when its settings turn the server on.
 */
export async function listenOnEngine(engine: EngineLink, options: ListenOptions): Promise<Listening> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const { token, signingKey } = serveSecrets(options.dataDir, options.token);
  const allowPrivateNetworks = options.allowPrivateNetworks ?? false;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? defaultPort;
  let baseUrl = '';
  const context: ServerContext = {
    engine,
    ...serverCalls(engine, allowPrivateNetworks, { baseUrl: () => baseUrl, signingKey }),
    token,
    signingKey,
    paths: engine.paths,
    allowPrivateNetworks,
    allowAddresses: options.allowAddresses ?? [],
    ...(options.uploadExpiryMs === undefined ? {} : { uploadExpiryMs: options.uploadExpiryMs }),
    allowedHosts: allowedHostNames(host, machineNames(), options.allowHosts ?? []),
    baseUrl: () => baseUrl,
  };
  const app = await createServer(context, options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {});
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new Error(
        `Port ${port} on ${host} is in use; choose another port (ferry serve --port, or the app's serve.port setting).`,
      );
    throw error;
  }
  const address = app.server.address() as net.AddressInfo;
  baseUrl = `http://${urlHost(host)}:${address.port}`;
  // Webhooks name the media by their URLs here while the server runs.
  engine.serveAt(baseUrl);
  return {
    baseUrl,
    apiBase: `${baseUrl}/client/v4/accounts/local/stream`,
    signInUrl: `${baseUrl}/#token=${encodeURIComponent(token)}`,
    token,
    app,
    close: () => {
      engine.serveAt(null);
      return app.close();
    },
  };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const engine = await serveEngine(options);
  let listening: Listening;
  try {
    listening = await listenOnEngine(engine, options);
  } catch (error) {
    await engine.stop();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await listening.close();
      await engine.stop();
    })();
    return stopped;
  };
  const { baseUrl, apiBase, signInUrl, token, app } = listening;
  return { baseUrl, apiBase, signInUrl, token, app, engine, stop };
}
