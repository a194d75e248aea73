/**
 * A webhook URL set over ferry serve (PUT …/stream/webhook, or setSettings on the socket) may not
 * reach this machine or private networks unless the server was started allowing it: refused up
 * front with a 400 naming notificationUrl and the flag, and refused at connect time, recorded and
 * never sent, when the URL leads inward anyway. Whatever the receiver answers, the history keeps
 * its status line only, never its body. Receivers are real servers on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { VideoEvent } from '../../shared/api';
import { openDatabase } from '../../electron/engine/store/open-database';
import { SettingsStore } from '../../electron/engine/store/settings-store';
import { startReceiver } from '../helpers/webhook-receiver';
import { until } from '../helpers/wait-for';
import { pollVideo, serve, type Api } from './stream-fixture';
import { signedInSocket } from './ws-client';

const stream = '/client/v4/accounts/acct-1/stream';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const inward = [
  'http://127.0.0.1:9/hook',
  'http://10.1.2.3/hook',
  'http://[::1]:9/hook',
  'http://localhost:9/hook',
  'http://localhost.:9/hook',
  'http://169.254.169.254/latest/meta-data',
  'http://2130706433/hook',
];

/** A video that ends in error at once (nothing listens on port 9), so that its webhook goes out. */
async function failedVideo(api: Api): Promise<string> {
  const copied = await api.call('POST', `${stream}/copy`, { url: 'http://127.0.0.1:9/missing.mp4' });
  expect(copied.status, JSON.stringify(copied.json)).toBe(200);
  const uid = (copied.json.result as { uid: string }).uid;
  await pollVideo(api, `${stream}/${uid}`, (v) => (v.status as { state: string }).state === 'error', 30_000);
  return uid;
}

async function webhookRecords(api: Api, uid: string): Promise<Record<string, unknown>[]> {
  const socket = await signedInSocket(api.server.baseUrl, api.server.token);
  const history = await socket.call('history', { uid });
  await socket.close();
  if (!history.ok) throw new Error(history.error.message);
  return (history.value as VideoEvent[]).filter((e) => e.type === 'webhook').map((e) => e.data);
}

describe('webhook URLs set over ferry serve', () => {
  it('are refused up front when they name a loopback, private or link-local address: PUT answers 400 naming notificationUrl', async () => {
    const api = await serve();
    for (const url of inward) {
      const answer = await api.call('PUT', `${stream}/webhook`, { notificationUrl: url });
      expect(answer.status, url).toBe(400);
      const message = (answer.json.errors as { message: string }[])[0]?.message ?? '';
      expect(message, url).toMatch(/^notificationUrl: /);
      expect(message).toContain('--allow-private-networks');
    }
    expect((await api.server.engine.getSettings()).webhookUrl).toBeNull();
  });

  it('are taken as given when ferry serve allows private networks', async () => {
    const api = await serve({ allowPrivateNetworks: true });
    const answer = await api.call('PUT', `${stream}/webhook`, { notificationUrl: 'http://192.168.1.20/hook' });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect((await api.server.engine.getSettings()).webhookUrl).toBe('http://192.168.1.20/hook');
  });

  it('are refused the same way over the socket (setSettings webhookUrl)', async () => {
    const api = await serve();
    const socket = await signedInSocket(api.server.baseUrl, api.server.token);
    const answer = await socket.call('setSettings', { webhookUrl: 'http://192.168.1.20/hook' });
    await socket.close();
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!answer.ok && answer.error.message).toContain('webhookUrl: 192.168.1.20 is a private address');
    expect((await api.server.engine.getSettings()).webhookUrl).toBeNull();
  });

  it('reach a receiver on an allowed address (--allow-address), and its answer is kept as the status line only', async () => {
    let secret = '';
    const receiver = await startReceiver(
      () => secret,
      () => 404,
    );
    closers.push(receiver.close);
    const api = await serve({ allowAddresses: ['127.0.0.1'] });
    const put = await api.call('PUT', `${stream}/webhook`, { notificationUrl: receiver.url });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    secret = (put.json.result as { secret: string }).secret;
    const uid = await failedVideo(api);
    await until(() => receiver.received.length > 0, 20_000);
    await until(async () => (await webhookRecords(api, uid)).length > 0, 10_000);
    const [first] = await webhookRecords(api, uid);
    expect(first).toMatchObject({ attempt: 1, status: 404, error: 'The receiver answered HTTP 404 Not Found.' });
    // The receiver's body ("not now, try later") is not in the history an API caller reads.
    expect(JSON.stringify(await webhookRecords(api, uid))).not.toContain('not now');
  });

  it('are refused at connect time when the URL leads inward anyway: recorded as given up, nothing sent', async () => {
    const receiver = await startReceiver(
      () => '',
      () => 200,
    );
    closers.push(receiver.close);
    // Links may reach 127.0.0.1 (the failing video's origin); the webhook was set over HTTP with a
    // name that resolves to this machine, which the up-front check cannot see: written to the
    // data directory as the engine stores such a URL.
    const api = await serve({ allowAddresses: ['127.0.0.2'], allowPrivateNetworks: false });
    const { db } = openDatabase(`${api.dataDir}/ferry.db`);
    new SettingsStore(db).update({ webhookUrl: receiver.url, webhookPrivateNetworks: false });
    db.close();
    const copied = await api.call('POST', `${stream}/copy`, { url: 'http://127.0.0.2:9/missing.mp4' });
    const uid = (copied.json.result as { uid: string }).uid;
    await pollVideo(api, `${stream}/${uid}`, (v) => (v.status as { state: string }).state === 'error', 30_000);
    await until(async () => (await webhookRecords(api, uid)).length > 0, 20_000);
    const [first] = await webhookRecords(api, uid);
    expect(first).toMatchObject({ attempt: 1, outcome: 'gave up' });
    expect(first?.error).toContain('may not reach');
    expect(first?.error).toContain('--allow-private-networks');
    expect(receiver.received).toEqual([]);
  });
});
