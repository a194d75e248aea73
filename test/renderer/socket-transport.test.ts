/**
 * The renderer's socket transport (renderer/src/transport/socket-transport.ts) against a real
 * `ferry serve` on 127.0.0.1 over a real engine: the same FerryApi as IPC (values, FerryErrors
 * with their codes), events, a wrong token, and a server that stops and starts again.
 */
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FerryError } from '../../shared/ferry-error';
import {
  createSocketTransport,
  type ConnectionState,
  type SocketTransport,
} from '../../renderer/src/transport/socket-transport';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/wait-for';
import { serveEngine, type Served } from '../server/ws-serve-fixture';

let engine: Engine;
let served: Served;
let transport: SocketTransport | undefined;
const states: [ConnectionState, boolean][] = [];

// Node 20 has no WebSocket global; ws's client has the browser's interface.
const createSocket = (url: string) => new WebSocket(url) as unknown as globalThis.WebSocket;

function connect(token = served.context.token, backoff = { firstMs: 50, maxMs: 200, attempts: 100 }) {
  transport = createSocketTransport({ origin: served.url, token, createSocket, backoff, waitMs: 10_000 });
  transport.onConnection((state, resumed) => states.push([state, resumed]));
  transport.open();
  return transport;
}

const thrown = async (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: unknown) => error,
  );

beforeEach(async () => {
  states.length = 0;
  engine = createEngine({ dataDir: tempDir() });
  served = await serveEngine(engine);
});

afterEach(async () => {
  transport?.close();
  transport = undefined;
  await served.stop();
  engine.close();
});

describe('the socket transport', () => {
  it('answers values and throws FerryErrors with their codes, as the IPC transport does', async () => {
    const api = connect();
    const added = await api.addLinks({ links: [{ url: 'https://cdn.example.test/a.mp4' }] });
    expect(added.queued).toHaveLength(1);
    expect(await api.totals()).toMatchObject({ total: 1, byState: { queued: 1 } });

    const missing = await thrown(api.get({ uid: 'f'.repeat(32) }));
    expect(missing).toBeInstanceOf(FerryError);
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
    const invalid = await thrown(api.list({ limit: 0 }));
    expect(invalid).toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: 'limit' })] });
  });

  it("delivers the engine's events to the listeners", async () => {
    const api = connect();
    const batches: string[][] = [];
    api.on('videos', (videos) => batches.push(videos.map((v) => v.status.state)));
    const { queued } = await api.addLinks({ links: [{ url: 'https://cdn.example.test/b.mp4' }] });
    await api.pause({ uids: [queued[0]!.uid] });
    await until(() => batches.flat().includes('paused'), 10_000);
  });

  it('refuses a wrong token: the state says so and commands fail with FORBIDDEN', async () => {
    const api = connect('not-the-token');
    await until(() => api.state() === 'refused', 10_000);
    expect(await thrown(api.totals())).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reconnects after the server restarts, says it resumed, runs commands that waited, and gets events again', async () => {
    const api = connect();
    await api.totals();
    const batches: string[][] = [];
    api.on('videos', (videos) => batches.push(videos.map((v) => v.status.state)));

    await served.stop();
    await until(() => api.state() === 'reconnecting', 10_000);
    const waited = api.addLinks({ links: [{ url: 'https://cdn.example.test/c.mp4' }] });
    await new Promise((r) => setTimeout(r, 300));
    await served.restart();

    const { queued } = await waited;
    expect(queued).toHaveLength(1);
    expect(states).toContainEqual(['open', true]);
    await api.pause({ uids: [queued[0]!.uid] });
    await until(() => batches.flat().includes('paused'), 10_000);
  });

  it('gives up after its bounded attempts, fails waiting commands, and tries again when asked', async () => {
    const api = connect(served.context.token, { firstMs: 20, maxMs: 40, attempts: 3 });
    await api.totals();
    await served.stop();
    await until(() => api.state() === 'reconnecting', 10_000);
    const waiting = thrown(api.totals());
    await until(() => api.state() === 'offline', 10_000);
    expect(await waiting).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('cannot be reached') });

    await served.restart();
    api.open();
    expect(await api.totals()).toMatchObject({ total: 0 });
  });
});
