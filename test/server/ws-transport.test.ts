/**
 * The contract over `ferry serve`'s WebSocket: the dispatcher's own cases (one valid and one
 * invalid input per command, test/engine/api/command-cases.ts) sent through a real socket to a
 * real server on 127.0.0.1 over a real engine, answered with the same envelopes; the token
 * checked before anything else; broken messages answered, never fatal; events pushed.
 */
import type { AddressInfo } from 'node:net';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { commandNames, type CommandName } from '../../shared/api';
import { maxSocketMessageBytes, socketCloseCodes, socketPath } from '../../shared/socket-messages';
import { defaultSessionLimits, serveSocket } from '../../electron/server/socket-session';
import { cases, openFixture, type Case, type Fixture } from '../engine/api/command-cases';
import { until } from '../helpers/wait-for';
import { openSocket, signedInSocket, type TestSocket } from './ws-client';
import { serveEngine, type Served } from './ws-serve-fixture';

let f: Fixture;
let served: Served;
let client: TestSocket | undefined;

beforeEach(async () => {
  f = await openFixture();
  served = await serveEngine(f.engine);
});

afterEach(async () => {
  if (client) await client.close();
  client = undefined;
  await served.stop();
  f.engine.close();
});

/**
 * Where the socket differs from the app's door: a file of this machine cannot be named (a list
 * goes by its content; files by TUS, so addFiles has no valid input here, nor moveLibrary: the
 * library moves on the host), and answers hide the host's paths (the library's place).
 */
const overSocket: Partial<Record<CommandName, Partial<Case>>> = {
  importList: {
    valid: (fixture) => ({ content: fs.readFileSync(fixture.list, 'utf8') }),
    invalid: { content: 'https://a.test/v.mp4', format: 'xml' },
    field: 'format',
  },
  libraryStatus: {
    answers: (v) =>
      expect(v).toEqual({ library: "Ferry's data directory/library", freeBytes: expect.any(Number), move: null }),
  },
  setSettings: {
    answers: async (v, fixture) => {
      expect(v).toMatchObject({ webhookUrl: 'http://127.0.0.1:9/hooks' });
      expect(v).toEqual({ ...(await fixture.engine.getSettings()), library: "Ferry's data directory/library" });
    },
  },
};
const socketCase = (name: CommandName): Case => ({ ...cases[name], ...overSocket[name] });
const takesHostFiles = (name: CommandName) => name === 'addFiles' || name === 'moveLibrary';

describe('the contract over the socket', () => {
  it.each(commandNames.filter((name) => !takesHostFiles(name)))(
    '"%s" answers a valid input with ok and the contract\'s value',
    async (name) => {
      const check = socketCase(name);
      await check.arrange?.(f);
      client = await signedInSocket(served.url, served.context.token);
      const reply = await client.call(name, check.valid(f));
      expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
      if (reply.ok) await check.answers(reply.value, f);
    },
  );

  it.each(commandNames.filter((name) => !takesHostFiles(name)))(
    '"%s" refuses an invalid input with INVALID_INPUT, naming the field',
    async (name) => {
      const { invalid, field } = socketCase(name);
      client = await signedInSocket(served.url, served.context.token);
      const reply = await client.call(name, invalid);
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (reply.ok) return;
      expect(reply.error.issues?.map((issue) => issue.path)).toContain(field);
      expect(reply.error.message).toContain(`"${name}"`);
    },
  );

  it('answers a name that is not a command with UNKNOWN_COMMAND, as the door does', async () => {
    client = await signedInSocket(served.url, served.context.token);
    for (const name of ['frobnicate', 'toString', '__proto__']) {
      expect(await client.call(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }
  });
});

describe('signing in', () => {
  it('refuses a wrong token, closing with the refused code before any command runs', async () => {
    client = await openSocket(served.url);
    client.socket.send(JSON.stringify({ auth: `${served.context.token}x` }));
    expect(await client.closed).toEqual({ code: socketCloseCodes.refused, reason: 'The token is wrong.' });
    expect(client.received).toEqual([]);
  });

  it('refuses a command sent before the token, and an empty token', async () => {
    client = await openSocket(served.url);
    client.socket.send(JSON.stringify({ id: 1, command: 'remove', input: { all: true } }));
    expect((await client.closed).code).toBe(socketCloseCodes.refused);
    expect(await f.engine.get({ uid: f.uid })).toMatchObject({ uid: f.uid });

    client = await openSocket(served.url);
    client.socket.send(JSON.stringify({ auth: '' }));
    expect((await client.closed).code).toBe(socketCloseCodes.refused);
  });
});

describe('a socket that never signs in', () => {
  it('is closed after the sign-in time, with the code that says so', async () => {
    const app = Fastify({ logger: false });
    await app.register(websocket);
    app.get(socketPath, { websocket: true }, (socket) =>
      serveSocket(socket, served.context, { ...defaultSessionLimits, signInMs: 100 }),
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      client = await openSocket(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
      expect((await client.closed).code).toBe(socketCloseCodes.signInTimeout);
    } finally {
      await app.close();
    }
  });
});

describe('broken messages', () => {
  it('answers each with INVALID_INPUT, carrying its id when it has one, and keeps the socket open', async () => {
    client = await signedInSocket(served.url, served.context.token);
    expect(await client.sendRaw('{not json')).toMatchObject({
      id: null,
      reply: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    expect(await client.sendRaw(JSON.stringify({ id: 7, command: 42 }))).toMatchObject({
      id: 7,
      reply: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    expect(await client.sendRaw(JSON.stringify([1, 2]))).toMatchObject({ id: null, reply: { ok: false } });
    expect(await client.sendRaw(Buffer.from([0xff, 0x00]))).toMatchObject({ reply: { ok: false } });
    expect(await client.call('totals')).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('closes a socket whose message is larger than the limit (1009), and serves the next one', async () => {
    client = await signedInSocket(served.url, served.context.token);
    client.socket.send(
      JSON.stringify({ id: 1, command: 'list', input: { search: 'x'.repeat(maxSocketMessageBytes) } }),
    );
    expect((await client.closed).code).toBe(1009);
    client = await signedInSocket(served.url, served.context.token);
    expect(await client.call('totals')).toMatchObject({ ok: true });
  });
});

describe('events', () => {
  it("pushes the engine's batched events to a signed-in socket", async () => {
    client = await signedInSocket(served.url, served.context.token);
    const reply = await client.call('pause', { uids: [f.uid] });
    expect(reply).toEqual({ ok: true, value: { changed: 1 } });
    await until(() => client!.events('videos').some((batch) => JSON.stringify(batch).includes('"paused"')), 10_000);
    await until(() => client!.events('totals').length > 0, 10_000);
    expect(client.events('totals').at(-1)).toMatchObject({ byState: { paused: 1 } });
    expect(await client.call('remove', { uids: [f.uid] })).toEqual({ ok: true, value: { removed: 1 } });
    await until(() => client!.events('removed').some((uids) => JSON.stringify(uids).includes(f.uid)), 10_000);
  });
});
