/**
 * A page that connects to `ferry serve` while its engine is down is told so at sign-in, with the
 * reason, instead of waiting for the next change that may never come (the engine gave up).
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { socketPath } from '../../shared/socket-messages';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/wait-for';

let server: RunningServer | undefined;
afterEach(async () => server?.stop());

/** The messages a socket receives in its first moments after signing in. */
async function firstMessages(url: string, token: string): Promise<unknown[]> {
  const socket = new WebSocket(url.replace(/^http/, 'ws') + socketPath, { headers: { Origin: url } });
  const received: unknown[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ auth: token }));
  await until(() => received.length >= 2, 10_000).catch(() => undefined);
  socket.close();
  return received;
}

it('tells a page that signs in while the engine is stopped why, so it can offer Retry', async () => {
  server = await startServer({ dataDir: path.join(tempDir(), 'data'), port: 0 });
  const running = server;
  for (let death = 1; death <= 3; death++) {
    await until(() => running.engine.status().state === 'running', 20_000);
    process.kill(running.engine.pid()!, 'SIGKILL');
    await until(() => running.engine.status().crashes === death, 20_000);
  }
  await until(() => running.engine.status().state === 'stopped', 10_000);

  const messages = await firstMessages(server.baseUrl, server.token);
  expect(messages).toEqual([
    { signedIn: true },
    { event: 'engine', payload: { state: 'stopped', crashes: 3, reason: 'killed by SIGKILL' } },
  ]);
});
