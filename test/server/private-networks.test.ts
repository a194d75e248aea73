/**
 * Links sent to ferry serve may not reach this machine or private networks unless the user said
 * so: refused up front when the link names such an address (or localhost), and by the fetcher's
 * agent at connect time when a name or a redirect leads there, ending the video with a sentence
 * that names --allow-private-networks. The "public" first hop of the redirect is a server on
 * 127.0.0.2 allowed with --allow-address, so no real internet is needed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startOrigin } from '../helpers/origin-server';
import { pollVideo, serve, type Api } from './stream-fixture';

const stream = '/client/v4/accounts/acct-1/stream';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function redirector(to: string): Promise<string> {
  const server = http.createServer((_req, res) => res.writeHead(302, { Location: to }).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.2:${(server.address() as AddressInfo).port}/video.mp4`;
}

/** Copies `url` and polls the video until it fails, answering its status. */
async function copyUntilError(api: Api, url: string): Promise<{ errorReasonCode: string; errorReasonText: string }> {
  const copied = await api.call('POST', `${stream}/copy`, { url });
  expect(copied.status, JSON.stringify(copied.json)).toBe(200);
  const uid = (copied.json.result as { uid: string }).uid;
  const failed = (v: Record<string, unknown>) => (v.status as { state: string }).state === 'error';
  const ended = await pollVideo(api, `${stream}/${uid}`, failed, 30_000);
  return ended.status as { errorReasonCode: string; errorReasonText: string };
}

describe('links to private addresses over ferry serve', () => {
  it('are refused up front with 400 naming the flag: 127.0.0.1, 10.x, ::1, localhost (both APIs)', async () => {
    const api = await serve();
    for (const url of [
      'http://127.0.0.1:9/a.mp4',
      'http://10.20.30.40/a.mp4',
      'http://[::1]:9/a.mp4',
      'http://localhost:9/a.mp4',
      'http://localhost.:9/a.mp4',
      'http://169.254.169.254/latest/meta-data',
      'http://2130706433/a.mp4',
    ]) {
      const answer = await api.call('POST', `${stream}/copy`, { url });
      expect(answer.status, url).toBe(400);
      const message = (answer.json.errors as { message: string }[])[0]?.message ?? '';
      expect(message).toMatch(/^url: /);
      expect(message).toContain('--allow-private-networks');
      const omega = await api.call('POST', '/client/video/stream/copy', { title: 't', url });
      expect(omega.status, url).toBe(400);
      expect(omega.json.message).toContain('--allow-private-networks');
    }
    expect((await api.call('GET', stream)).json).toMatchObject({ total: 0 });
  });

  it('end the video in ERR_FETCH_ORIGIN_ERROR when an allowed first hop redirects to a name that resolves to 127.0.0.1', async () => {
    const origin = await startOrigin({ '/video.mp4': { kind: 'file', body: Buffer.alloc(4096) } });
    closers.push(() => origin.close());
    const hop = await redirector(origin.url('/video.mp4').replace('127.0.0.1', 'localhost'));
    const api = await serve({ allowAddresses: ['127.0.0.2'] });
    const status = await copyUntilError(api, hop);
    expect(status).toMatchObject({
      errorReasonCode: 'ERR_FETCH_ORIGIN_ERROR',
      errorReasonText: expect.stringContaining('localhost (127.0.0.1)'),
    });
    expect(status.errorReasonText).toContain('--allow-private-networks');
    // The agent refused before connecting: the loopback origin never saw a request.
    expect(origin.served.requests).toHaveLength(0);
  });

  it('are fetched when --allow-private-networks is given', async () => {
    const origin = await startOrigin({ '/video.mp4': { kind: 'file', body: Buffer.alloc(4096) } });
    closers.push(() => origin.close());
    const api = await serve({ allowPrivateNetworks: true });
    // Zeros are not a video: it fails in probing, after the download reached the origin.
    const status = await copyUntilError(api, origin.url('/video.mp4'));
    expect(status.errorReasonCode).not.toBe('ERR_FETCH_ORIGIN_ERROR');
    expect(origin.served.requests.length).toBeGreaterThan(0);
  });
});
