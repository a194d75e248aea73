/**
 * Delivery targets saved over ferry serve's socket: an endpoint that names a loopback, private or
 * link-local address is refused up front; a target saved so is marked, and its requests are
 * refused at connect time when they would reach such an address anyway (here: the allowance the
 * target was saved under is gone after a restart); and re-saving a target with an endpoint on
 * another origin drops its stored credential, so a test never sends the user's token there.
 * The "service" is a real server on 127.0.0.2 that records what it was sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryTarget, DeliveryTargetInput } from '../../shared/delivery-targets';
import { fileMediaDir } from '../helpers/delivery-engine';
import * as make from '../helpers/media-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/wait-for';
import { serve, type Api } from './stream-fixture';
import { signedInSocket, type TestSocket } from './ws-client';

const mediaDir = fileMediaDir('ferry-target-ssrf-');
let media = '';
beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

// No keychain in the test process: the opt-in credentials file keeps them.
const env = { ...process.env, FERRY_CREDENTIALS: 'file' };

/** A Cloudflare-shaped API on `host` that records each request's Authorization header. */
async function recordingService(host: string) {
  const seen: { url: string; authorization: string | undefined }[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ success: true, errors: [], messages: [], result: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  closers.push(closing(server));
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, seen };
}

async function socketOf(api: Api): Promise<TestSocket> {
  const socket = await signedInSocket(api.server.baseUrl, api.server.token);
  closers.push(async () => void (await socket.close()));
  return socket;
}

const cloudflare = (endpoint: string): DeliveryTargetInput => ({
  name: 'stream',
  provider: 'cloudflare',
  mode: 'push',
  account: 'acct-1',
  endpoint,
});

function closing(server: http.Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/**
 * A TUS server on 127.0.0.2 whose creation answer sends the upload to `location` (how a public
 * service could point Ferry's PATCHes inward); the requests it got are kept.
 */
async function redirectingTus(location: string) {
  const methods: string[] = [];
  const server = http.createServer((request, response) => {
    methods.push(request.method ?? '');
    request.resume();
    const tus = { 'Tus-Resumable': '1.0.0', 'Tus-Version': '1.0.0' };
    if (request.method === 'POST') response.writeHead(201, { ...tus, Location: location }).end();
    else response.writeHead(204, tus).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  closers.push(closing(server));
  return { endpoint: `http://127.0.0.2:${(server.address() as AddressInfo).port}/files/`, methods };
}

/** A service on 127.0.0.1 that refuses everything with `status` and `body`. */
async function refusingService(status: number, type: string, body: string) {
  const server = http.createServer((_request, response) =>
    response.writeHead(status, { 'Content-Type': type }).end(body),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(closing(server));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("a target's test, as an API caller reads it", () => {
  it("shows a service's refusal by its status, never the body of an arbitrary page", async () => {
    const page = await refusingService(404, 'text/html', '<html><title>Router admin</title>internal page</html>');
    const api = await serve({ env });
    const { id } = await api.server.engine.saveTarget({ ...cloudflare(page), credential: 't' });
    const test = await (await socketOf(api)).call('testTarget', { id });
    const message = test.ok ? (test.value as { message: string }).message : '';
    expect(message).toContain('answered 404');
    expect(message).not.toContain('Router admin');
    expect(message).not.toContain('internal page');
  });

  it("quotes the service's own error message from its documented JSON shape, bounded in length", async () => {
    const said = `Authentication error ${'x'.repeat(2000)}`;
    const service = await refusingService(
      403,
      'application/json',
      JSON.stringify({ success: false, errors: [{ code: 10000, message: said }], result: null }),
    );
    const api = await serve({ env });
    const { id } = await api.server.engine.saveTarget({ ...cloudflare(service), credential: 't' });
    const test = await (await socketOf(api)).call('testTarget', { id });
    const message = test.ok ? (test.value as { message: string }).message : '';
    expect(message).toContain('refused the credential (403) ("Authentication error x');
    expect(message.length).toBeLessThan(600);
  });
});

describe('delivery targets saved over ferry serve', () => {
  it('are refused up front when the endpoint names a loopback, private or link-local address, naming the field and the flag', async () => {
    const api = await serve({ env });
    const socket = await socketOf(api);
    for (const endpoint of [
      'http://127.0.0.1:9',
      'http://localhost:9',
      'http://10.0.0.8',
      'http://[::1]:9',
      'http://169.254.169.254',
    ]) {
      const answer = await socket.call('saveTarget', cloudflare(endpoint));
      expect(answer, endpoint).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const message = answer.ok ? '' : answer.error.message;
      expect(message).toMatch(/^endpoint: /);
      expect(message).toContain('--allow-private-networks');
    }
    expect(await socket.call('listTargets')).toEqual({ ok: true, value: [] });
  });

  it('are tested at connect time too: a target saved under --allow-address is refused once that allowance is gone', async () => {
    const service = await recordingService('127.0.0.1');
    const dataDir = tempDir();
    const allowed = await serve({ env, dataDir, allowAddresses: ['127.0.0.1'] });
    const saved = await (await socketOf(allowed)).call('saveTarget', cloudflare(service.url));
    if (!saved.ok) throw new Error(saved.error.message);
    const { id } = saved.value as DeliveryTarget;
    expect(await (await socketOf(allowed)).call('testTarget', { id })).toMatchObject({ ok: true, value: { ok: true } });
    expect(service.seen).toHaveLength(1);
    await allowed.server.stop();

    const guarded = await serve({ env, dataDir });
    const test = await (await socketOf(guarded)).call('testTarget', { id });
    expect(test).toMatchObject({ ok: true, value: { ok: false } });
    const message = test.ok ? (test.value as { message: string }).message : '';
    expect(message).toContain('may not reach');
    expect(message).toContain('--allow-private-networks');
    // The agent refused before connecting: the service saw nothing more.
    expect(service.seen).toHaveLength(1);
  });

  it('push through the guarded agent: an upload URL that leads to this machine is refused, and the delivery fails saying so', async () => {
    const inside = await recordingService('127.0.0.1');
    const tus = await redirectingTus(`${inside.url.replace('127.0.0.1', 'localhost')}/files/abc`);
    const api = await serve({
      env,
      allowAddresses: ['127.0.0.2'],
      engine: { delivery: { retryBaseMs: 20, retryMaxMs: 100, maxAttempts: 3 } },
    });
    const saved = await (
      await socketOf(api)
    ).call('saveTarget', {
      name: 'archive',
      provider: 'tus',
      mode: 'push',
      endpoint: tus.endpoint,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const { id } = saved.value as DeliveryTarget;
    // The file is the local user's (a path, so the engine's own door); the target is the caller's.
    const added = await api.server.engine.addFiles({ paths: [media], options: { ladder: [240], deliverTo: [id] } });
    const uid = added.queued[0]!.uid;
    const delivery = async () => (await api.server.engine.get({ uid })).deliveries[0];
    await until(async () => (await delivery())?.state === 'error', 60_000);
    expect((await delivery())?.error).toContain('localhost');
    expect((await delivery())?.error).toContain('may not reach');
    expect(tus.methods).toContain('POST');
    expect(inside.seen).toEqual([]);
  });

  it('lose their stored credential when re-saved with an endpoint on another origin, so a test cannot carry it away', async () => {
    const user = await recordingService('127.0.0.1');
    const attacker = await recordingService('127.0.0.2');
    const api = await serve({ env, allowAddresses: ['127.0.0.2'] });
    // The user's own target, saved by the app or the CLI (the engine's door), with the token.
    const mine = await api.server.engine.saveTarget({ ...cloudflare(user.url), credential: 'cf-token-of-the-user' });
    expect(mine.hasCredential).toBe(true);

    const socket = await socketOf(api);
    const moved = await socket.call('saveTarget', { ...cloudflare(attacker.url), id: mine.id });
    expect(moved).toMatchObject({ ok: true, value: { id: mine.id, endpoint: attacker.url, hasCredential: false } });
    await socket.call('testTarget', { id: mine.id });
    expect(attacker.seen.length).toBeGreaterThan(0);
    expect(attacker.seen.map((request) => request.authorization)).toEqual(attacker.seen.map(() => undefined));
  });
});
