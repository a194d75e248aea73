/**
 * DNS rebinding and framing, through the real doors of a started `ferry serve`: a request whose
 * Host is a name the server was not started for is refused (421, naming --allow-host) on every
 * kind of route; loopback names, and a name given with --allow-host, are answered; the socket
 * refuses a page of another site (Origin) and takes one of its own; the UI may not be framed.
 */
import { describe, expect, it } from 'vitest';
import { bin, waitFor } from '../cli/ferry-process';
import { finished, spawnTs } from '../helpers/spawn-ts';
import { tempDir } from '../helpers/temp-dir';
import { rawRequest } from './media-http';
import { serve } from './stream-fixture';
import { upgradeStatus } from './ws-client';

const uid = 'a'.repeat(32);

describe('the Host header', () => {
  it('refuses a name the server was not started for on every kind of route, with the fix', async () => {
    const api = await serve();
    const { port } = new URL(api.server.baseUrl);
    const foreign = { Host: `rebound.example:${port}`, Authorization: `Bearer ${api.server.token}` };
    for (const path of [
      '/',
      `/media/${uid}/manifest/video.m3u8`,
      '/client/v4/accounts/x/stream',
      '/client/video/stream/x',
    ]) {
      const answer = await rawRequest(api.server.baseUrl, path, { headers: foreign });
      expect([path, answer.status]).toEqual([path, 421]);
      expect(answer.body.toString()).toContain('--allow-host rebound.example');
    }
    expect(await upgradeStatus(api.server.baseUrl, { Host: `rebound.example:${port}` })).toBe(421);
  });

  it('answers loopback names, and a name allowed with allowHosts', async () => {
    const api = await serve({ allowHosts: ['ferry.lan'] });
    const { port } = new URL(api.server.baseUrl);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, 'ferry.lan']) {
      const answer = await rawRequest(api.server.baseUrl, '/client/v4/accounts/x/stream', {
        headers: { Host: host, Authorization: `Bearer ${api.server.token}` },
      });
      expect([host, answer.status]).toEqual([host, 200]);
    }
  });
});

describe("the socket's Origin", () => {
  it('refuses a page of another site, and opens for no Origin or a page of the server itself', async () => {
    const api = await serve();
    const { port } = new URL(api.server.baseUrl);
    expect(await upgradeStatus(api.server.baseUrl, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(api.server.baseUrl, { Origin: 'null' })).toBe(403);
    expect(await upgradeStatus(api.server.baseUrl, {})).toBe(101);
    expect(await upgradeStatus(api.server.baseUrl, { Origin: `http://127.0.0.1:${port}` })).toBe(101);
    expect(await upgradeStatus(api.server.baseUrl, { Origin: `http://localhost:${port}` })).toBe(101);
  });
});

describe('the UI', () => {
  it('may not be framed by another site', async () => {
    const api = await serve();
    const page = await rawRequest(api.server.baseUrl, '/');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });
});

describe('ferry serve --allow-host', () => {
  it('answers requests for that name too, and refuses a value that is not a host name', async () => {
    const bad = await finished(spawnTs(bin, ['serve', '--allow-host', 'ferry.lan:8787', '--data-dir', tempDir()]));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--allow-host takes a host name');

    const child = spawnTs(bin, ['serve', '--port', '0', '--allow-host', 'ferry.lan', '--data-dir', tempDir()]);
    const ended = finished(child, 60_000);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitFor(() => stdout.includes('Ctrl-C stops'), 'the server to start');
      const baseUrl = /(http:\/\/127\.0\.0\.1:\d+)\/#token=/.exec(stdout)?.[1] ?? '';
      expect((await rawRequest(baseUrl, '/', { headers: { Host: 'ferry.lan' } })).status).not.toBe(421);
      expect((await rawRequest(baseUrl, '/', { headers: { Host: 'other.lan' } })).status).toBe(421);
    } finally {
      child.kill('SIGTERM');
      await ended;
    }
  }, 90_000);
});
