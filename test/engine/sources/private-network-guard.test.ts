/**
 * Downloads told to reach public addresses only (links that came over `ferry serve`): refused at
 * connect time for a loopback address, a name that resolves to one, and a redirect to one, with a
 * sentence that names the flag; downloaded as before otherwise.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadUrl, DownloadError, type DownloadOptions } from '../../../electron/engine/sources/download-url';
import { privateAddressRefusal } from '../../../electron/engine/sources/private-network-guard';
import { expectSame, file, options, origin } from './download-setup';

const guarded: Partial<DownloadOptions> = { publicOnly: { allowAddresses: [] } };

/** A server on 127.0.0.2 (loopback too) that redirects every request to `to`: the allowed "public" first hop. */
async function redirector(to: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(302, { Location: to }).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.2:${port}/video.mp4`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function refusal(url: string, extra: Partial<DownloadOptions> = guarded): Promise<string> {
  const error = (await downloadUrl(options(url, extra)).catch((e: unknown) => e)) as DownloadError;
  expect(error).toBeInstanceOf(DownloadError);
  expect(error.code).toBe('ERR_FETCH_ORIGIN_ERROR');
  expect(error.retry).toBeUndefined();
  return error.message;
}

describe('a download that may reach public addresses only', () => {
  it('refuses loopback by address and by name, naming the flag that allows it', async () => {
    const body = file(64 * 1024);
    const local = await origin({ '/video.mp4': { kind: 'file', body } });
    const byAddress = await refusal(local.url('/video.mp4'));
    expect(byAddress).toMatch(/leads to 127\.0\.0\.1, a loopback, private or link-local address/);
    expect(byAddress).toContain('--allow-private-networks');
    expect(await refusal(local.url('/video.mp4').replace('127.0.0.1', 'localhost'))).toContain('localhost (127.0.0.1)');
    expect(local.served.requests).toHaveLength(0);
    // The same link, unguarded (the app, the CLI): downloaded.
    const plain = options(local.url('/video.mp4'));
    await downloadUrl(plain);
    expectSame(plain.dest, body);
  });

  it('refuses a redirect to loopback from an allowed first hop: the check is made at every hop', async () => {
    const local = await origin({ '/video.mp4': { kind: 'file', body: file(1024) } });
    const hop = await redirector(local.url('/video.mp4').replace('127.0.0.1', 'localhost'));
    closers.push(hop.close);
    const message = await refusal(hop.url, { publicOnly: { allowAddresses: ['127.0.0.2'] } });
    expect(message).toContain('localhost (127.0.0.1)');
    expect(local.served.requests).toHaveLength(0);
  });

  it('reads only the agent refusal as one', () => {
    expect(privateAddressRefusal(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toBeUndefined();
    expect(
      privateAddressRefusal(
        new Error('DNS lookup 10.1.2.3(family:4, host:undefined) is not allowed. Because, It is private IP address.'),
      ),
    ).toMatch(/^The link leads to 10\.1\.2\.3, /);
  });
});
