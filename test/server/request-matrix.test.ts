/**
 * Every door of `ferry serve` against every kind of caller: each HTTP route fastify registered
 * (its own table, not a list kept here) and each command of the contract over the socket, ×
 * {no token, wrong token, right token, foreign Host, foreign Origin, malformed input, oversize
 * input}, answered as request-matrix-routes.ts and request-matrix-commands.ts expect. A route or
 * a command without an entry there fails; no answer anywhere is a 5xx or names the data
 * directory. One server, started once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/api';
import { maxSocketMessageBytes, socketCloseCodes } from '../../shared/socket-messages';
import os from 'node:os';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { FileVault } from '../../electron/engine/delivery/file-vault';
import { rawRequest } from './media-http';
import { commandCases, malformedInput, type CommandSeed } from './request-matrix-commands';
import { routeCases, type Expect, type RouteSeed, type Sent } from './request-matrix-routes';
import { createUpload } from './tus-client';
import { openSocket, signedInSocket, upgradeStatus, type TestSocket } from './ws-client';
import { serveEngine, type Served } from './ws-serve-fixture';

let dataDir: string;
let engine: Engine;
let served: Served;
let routeSeed: RouteSeed;
let commandSeed: CommandSeed;

beforeAll(async () => {
  // One data directory for every test of the file (test/helpers/temp-dir.ts empties its own after each test).
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-matrix-'));
  const rendererDir = path.join(dataDir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-matrix.js'), '');
  process.env.FERRY_RENDERER_DIR = rendererDir;
  // No keychain in the test process: the file store keeps saveTarget's credential.
  engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
  served = await serveEngine(engine);
  const uid = (await engine.addLinks({ links: [{ url: 'https://cdn.example.test/seed.mp4' }] })).queued[0]?.uid ?? '';
  const file = path.join(dataDir, 'clip.mp4');
  fs.writeFileSync(file, 'a file of the host');
  const manifest = path.join(engine.paths.library, uid, 'manifest');
  fs.mkdirSync(manifest, { recursive: true });
  fs.writeFileSync(path.join(manifest, 'video.m3u8'), '#EXTM3U\n');
  let videos = 0;
  routeSeed = {
    uid,
    async newUpload() {
      const created = await createUpload(served.url, served.context.token, { 'Upload-Length': '10' });
      return created.headers.get('stream-media-id') ?? '';
    },
    async newDirectUpload() {
      const created = await fetch(`${served.url}/client/v4/accounts/matrix/stream/direct_upload`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${served.context.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ maxDurationSeconds: 60 }),
      });
      const { result } = (await created.json()) as { result: { uploadURL: string } };
      return new URL(result.uploadURL).pathname;
    },
    async newVideo() {
      const added = await engine.addLinks({ links: [{ url: `https://cdn.example.test/${++videos}.mp4` }] });
      return added.queued[0]?.uid ?? '';
    },
  };
  commandSeed = { uid, file };
});

afterAll(async () => {
  delete process.env.FERRY_RENDERER_DIR;
  await served.stop();
  engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const variants = ['no token', 'wrong token', 'right token', 'foreign Host', 'foreign Origin', 'malformed', 'oversize'];
/** Twice the body limit, and past every other limit of the server. */
const oversizeBody = Buffer.alloc(2 * 1024 * 1024, 32);
const matches = (status: number, expected: Expect) =>
  status < 500 && (expected === '4xx' ? status >= 400 : status === expected);

describe('every HTTP route', () => {
  it('has an entry in the expectation table', () => {
    const routes = served.routes().map(({ method, url }) => `${method} ${url}`);
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((key) => !routeCases[key] && !routeCases[key.replace(/^HEAD /, 'GET ')]);
    expect(missing, 'routes without an entry in request-matrix-routes.ts').toEqual([]);
  });

  it.each(variants)('answers a request with %s as expected, never with a 5xx', async (variant) => {
    const wrong: string[] = [];
    const right = { Authorization: `Bearer ${served.context.token}` };
    const { port } = new URL(served.url);
    for (const { method, url } of served.routes()) {
      const entry = routeCases[`${method} ${url}`] ?? routeCases[`GET ${url}`];
      if (!entry) continue;
      const valid = await entry.valid(routeSeed);
      const at = (sent: Sent, headers: Record<string, string>) => ({
        ...sent,
        headers: { ...sent.headers, ...headers },
      });
      const refused = entry.auth === 'token' ? 401 : entry.status;
      const tries: [Sent, Expect][] =
        variant === 'no token'
          ? [[valid, refused]]
          : variant === 'wrong token'
            ? [[at(valid, { Authorization: 'Bearer not-the-token' }), refused]]
            : variant === 'right token'
              ? [[at(valid, right), entry.status]]
              : variant === 'foreign Host'
                ? [[at(valid, { ...right, Host: `rebound.example:${port}` }), 421]]
                : variant === 'foreign Origin'
                  ? [[at(valid, { ...right, Origin: 'https://evil.example' }), url === '/ws' ? 403 : entry.status]]
                  : variant === 'malformed'
                    ? (await entry.malformed(routeSeed)).map(([sent, expected]) => [at(sent, right), expected])
                    : [[at(valid, { ...right, 'Content-Type': 'application/json' }), '4xx']];
      for (const [sent, expected] of tries) {
        const body = variant === 'oversize' ? oversizeBody : sent.body;
        const answer = await rawRequest(served.url, sent.path, {
          method,
          headers: sent.headers ?? {},
          ...(body === undefined ? {} : { body }),
        }).catch((error: unknown) => ({ status: 0, body: Buffer.from(String(error)) }));
        // An oversize body may be refused by closing the connection before it is all sent.
        const closed = answer.status === 0 && variant === 'oversize';
        if (answer.body.includes(dataDir)) wrong.push(`${method} ${sent.path}: names the data directory`);
        if (!closed && !matches(answer.status, expected))
          wrong.push(
            `${method} ${sent.path.slice(0, 120)}: ${answer.status}, expected ${expected}: ${answer.body.toString().slice(0, 200)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('every socket command', () => {
  it('has an entry in the expectation table', () => {
    expect(Object.keys(commandCases).sort()).toEqual([...commandNames].sort());
  });

  it.each(variants)('answers a command with %s as expected', async (variant) => {
    const wrong: string[] = [];
    const { port } = new URL(served.url);
    let shared: TestSocket | undefined;
    const note = (name: string, got: unknown, expected: unknown) =>
      JSON.stringify(got) === JSON.stringify(expected) ||
      wrong.push(`${name}: ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    /** How a socket that sent this message first (no sign-in) or after `auth` ended. */
    const closedAfter = async (messages: string[]) => {
      const client = await openSocket(served.url);
      for (const message of messages) client.socket.send(message);
      const closed = await client.closed;
      return { code: closed.code, answers: client.received.filter((m) => 'reply' in m).length };
    };
    try {
      for (const name of commandNames) {
        const { input, answers } = commandCases[name];
        const message = JSON.stringify({ id: 1, command: name, input: input(commandSeed) });
        if (variant === 'no token')
          note(name, await closedAfter([message]), { code: socketCloseCodes.refused, answers: 0 });
        else if (variant === 'wrong token')
          note(name, await closedAfter([JSON.stringify({ auth: 'not-the-token' }), message]), {
            code: socketCloseCodes.refused,
            answers: 0,
          });
        else if (variant === 'foreign Host')
          note(name, await upgradeStatus(served.url, { Host: `rebound.example:${port}` }), 421);
        else if (variant === 'foreign Origin')
          note(name, await upgradeStatus(served.url, { Origin: 'https://evil.example' }), 403);
        else if (variant === 'oversize') {
          const client = await signedInSocket(served.url, served.context.token);
          client.socket.send(
            JSON.stringify({ id: 1, command: name, input: { content: 'x'.repeat(maxSocketMessageBytes) } }),
          );
          note(name, (await client.closed).code, 1009);
        } else {
          shared ??= await signedInSocket(served.url, served.context.token);
          const reply = await shared.call(name, variant === 'malformed' ? malformedInput : input(commandSeed));
          const code = reply.ok ? 'ok' : reply.error.code;
          if (JSON.stringify(reply).includes(dataDir)) wrong.push(`${name}: names the data directory`);
          note(name, code, variant === 'malformed' ? 'INVALID_INPUT' : answers);
        }
      }
    } finally {
      await shared?.close();
    }
    expect(wrong).toEqual([]);
  });
});
