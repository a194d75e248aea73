/** A socket client for the tests, speaking shared/socket-messages.ts with the `ws` package (Node 20 has no WebSocket global). */
import WebSocket from 'ws';
import type { EventName } from '../../shared/api';
import type { Envelope } from '../../shared/ferry-error';
import { socketPath } from '../../shared/socket-messages';
import { until } from '../helpers/wait-for';

export interface Closed {
  code: number;
  reason: string;
}

export interface TestSocket {
  socket: WebSocket;
  /** Every message received, parsed. */
  received: Record<string, unknown>[];
  closed: Promise<Closed>;
  /** Sends a command and waits for the answer with its id. */
  call(command: unknown, input?: unknown): Promise<Envelope<unknown>>;
  /** Sends raw text and waits for the next answer (`reply`) that arrives. */
  sendRaw(text: string | Buffer): Promise<{ id: unknown; reply: Envelope<unknown> }>;
  events(event: EventName): unknown[];
  close(): Promise<Closed>;
}

export async function openSocket(baseUrl: string): Promise<TestSocket> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${socketPath}`);
  const received: Record<string, unknown>[] = [];
  const closed = new Promise<Closed>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const replyAfter = async (from: number, matches: (m: Record<string, unknown>) => boolean) => {
    await until(() => received.slice(from).some(matches), 10_000);
    return received.slice(from).find(matches) as { id: unknown; reply: Envelope<unknown> };
  };
  return {
    socket,
    received,
    closed,
    async call(command, input) {
      const id = nextId++;
      const from = received.length;
      socket.send(JSON.stringify({ id, command, input }));
      return (await replyAfter(from, (m) => m.id === id)).reply;
    },
    async sendRaw(text) {
      const from = received.length;
      socket.send(text);
      return replyAfter(from, (m) => 'reply' in m);
    },
    events: (event) => received.filter((m) => m.event === event).map((m) => m.payload),
    async close() {
      socket.close();
      return closed;
    },
  };
}

/** A socket signed in with `token`; throws with the close code when refused. */
export async function signedInSocket(baseUrl: string, token: string): Promise<TestSocket> {
  const client = await openSocket(baseUrl);
  client.socket.send(JSON.stringify({ auth: token }));
  const outcome = await Promise.race([
    until(() => client.received.some((m) => m.signedIn === true), 10_000).then(() => 'in' as const),
    client.closed,
  ]);
  if (outcome !== 'in') throw new Error(`refused: ${outcome.code} ${outcome.reason}`);
  return client;
}

/** How the socket's upgrade is answered: 101 (opened) or the refusal's status. */
export function upgradeStatus(baseUrl: string, headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${socketPath}`, { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}
