/**
 * `ferry serve` started in-process for the API tests: the real startServer (engine, queue, every
 * route module) on a real data directory, on 127.0.0.1 and a free port, stopped after the test.
 */
import { afterEach } from 'vitest';
import { startServer, type RunningServer, type ServeOptions } from '../../electron/server/start-server';
import { tempDir } from '../helpers/temp-dir';

const started: RunningServer[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) await server.stop();
});

export interface Api {
  server: RunningServer;
  dataDir: string;
  /** A request to the API with the token, answering the status and the parsed JSON. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; type: string; json: Record<string, unknown> }>;
}

export async function serve(options: Partial<ServeOptions> = {}): Promise<Api> {
  const dataDir = options.dataDir ?? tempDir();
  const server = await startServer({
    port: 0,
    // Short waits: a refused or failed fetch must end the video within the test.
    engine: { fetch: { maxAttempts: 1, baseMs: 50, maxMs: 200 } },
    ...options,
    dataDir,
  });
  started.push(server);
  return {
    server,
    dataDir,
    async call(method, path, body, headers = {}) {
      const url = path.startsWith('http') ? path : `${server.baseUrl}${path}`;
      const response = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${server.token}`, ...headers },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
    },
  };
}

/** Polls `GET …/stream/{uid}` until `done` says so, as the docs tell scripts to (bounded). */
export async function pollVideo(
  api: Api,
  path: string,
  done: (video: Record<string, unknown>) => boolean,
  timeoutMs = 90_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { json } = await api.call('GET', path);
    const video = (json.result ?? json) as Record<string, unknown>;
    if (done(video)) return video;
    if (Date.now() > deadline) throw new Error(`timed out polling ${path}: ${JSON.stringify(video.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
