import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DownloadState } from '../../../electron/engine/sources/download-state';
import { downloadUrl, type DownloadError } from '../../../electron/engine/sources/download-url';
import { until } from '../../helpers/wait-for';
import { expectSame, file, MiB, options, origin } from './download-setup';

describe('a download whose connections break or are refused', () => {
  it('resumes a piece from the exact byte where its connection dropped, twice', async () => {
    const body = file(2 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, dropAt: { times: 2, fraction: 0.5 } } });
    const opts = options(o.url('/v.mp4'), { maxConnections: 1 });
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    // Not one byte twice: each resume asks from where the last one stopped.
    expect(o.served.bytes.get('/v.mp4')).toBe(body.length);
    const ranges = o.served.requests.filter((r) => r.method === 'GET').map((r) => r.headers.range);
    expect(ranges.slice(0, 3)).toEqual(['bytes=0-1048575', 'bytes=524288-1048575', 'bytes=786432-1048575']);
  });

  it('goes on from the exact byte after a connection falls silent mid-piece', async () => {
    const body = file(2 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, dropAt: { times: 1, fraction: 0.25, silent: true } } });
    const opts = options(o.url('/v.mp4'), { maxConnections: 1, idleTimeoutMs: 300 });
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    expect(o.served.bytes.get('/v.mp4')).toBe(body.length);
    const ranges = o.served.requests.filter((r) => r.method === 'GET').map((r) => r.headers.range);
    expect(ranges.slice(0, 2)).toEqual(['bytes=0-1048575', 'bytes=262144-1048575']);
  });

  it('hands a 503 back as transient with its status and Retry-After, keeping the bytes, and finishes on a later call', async () => {
    const body = file(4 * MiB);
    const o = await origin({
      '/v.mp4': {
        kind: 'file',
        body,
        dropAt: { after: 1, times: 1, fraction: 0.5 },
        failFirst: { after: 2, times: 1, status: 503, retryAfter: '3600' },
      },
    });
    const opts = options(o.url('/v.mp4'), { maxConnections: 1 });
    // Retry-After is an hour: had the call waited, the test would time out.
    await expect(downloadUrl(opts)).rejects.toMatchObject({
      code: 'ERR_FETCH_ORIGIN_ERROR',
      message: expect.stringContaining('503'),
      // It got a piece and a half first: the queue does not count this attempt against the limit.
      retry: { status: 503, retryAfter: '3600', madeProgress: true },
    });
    // Piece 0 whole and half of piece 1 are on disk, and the state says so.
    expect(JSON.parse(fs.readFileSync(`${opts.dest}.part.json`, 'utf8'))).toMatchObject({
      done: [0],
      partial: { 1: 512 * 1024 },
    });
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    expect(o.served.bytes.get('/v.mp4')).toBe(body.length);
  });

  it('hands back an origin that cannot be reached as transient', async () => {
    const o = await origin({});
    const url = o.url('/v.mp4');
    await o.close();
    await expect(downloadUrl(options(url))).rejects.toMatchObject({
      code: 'ERR_FETCH_ORIGIN_ERROR',
      message: expect.stringContaining('ECONNREFUSED'),
      retry: {},
    });
  });

  it('goes on through a trickling link that drops every few tenths of a second, more often than a piece takes', async () => {
    const body = file(3 * MiB);
    const o = await origin({
      '/v.mp4': { kind: 'file', body, trickle: { chunkBytes: 16 * 1024, everyMs: 10 }, dropEveryMs: 250 },
    });
    const opts = options(o.url('/v.mp4'), { maxConnections: 2 });
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    // Every drop cost at most the chunk in flight.
    const drops = o.served.requests.filter((r) => r.method === 'GET').length - 3;
    expect(drops).toBeGreaterThan(3);
    expect(o.served.bytes.get('/v.mp4')).toBeLessThanOrEqual(body.length + drops * 16 * 1024);
  });

  it('gives up, transient, once a connection keeps breaking without a byte of progress', async () => {
    const body = file(2 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, dropAt: { after: 1, times: 99, fraction: 0 } } });
    const opts = options(o.url('/v.mp4'), { maxConnections: 1 });
    await expect(downloadUrl(opts)).rejects.toMatchObject({
      code: 'ERR_FETCH_ORIGIN_ERROR',
      message: expect.stringContaining('3 times in a row without progress'),
      retry: {},
    });
    // The first piece and the three fruitless tries of the second, no more.
    expect(o.served.gets.get('/v.mp4')).toBe(4);
    expect(JSON.parse(fs.readFileSync(`${opts.dest}.part.json`, 'utf8'))).toMatchObject({ done: [0] });
  });

  it('treats a body shorter than its Content-Length as a broken connection, not a video', async () => {
    const o = await origin({ '/v.mp4': { kind: 'file', body: file(1000), ranges: false, claimLength: 5000 } });
    const opts = options(o.url('/v.mp4'));
    await expect(downloadUrl(opts)).rejects.toMatchObject({ code: 'ERR_FETCH_ORIGIN_ERROR', retry: {} });
    expect(fs.existsSync(opts.dest)).toBe(false);
  });

  it('uses fewer connections once the origin says it is busy, and finishes in the same call', async () => {
    const body = file(8 * MiB);
    const trickle = { chunkBytes: 256 * 1024, everyMs: 5 };
    const o = await origin({
      '/calm.mp4': { kind: 'file', body, trickle },
      '/busy.mp4': { kind: 'file', body, trickle, failFirst: { times: 1, status: 503 } },
    });
    const gets = (path: string) => o.served.requests.filter((r) => r.path === path && r.method === 'GET');
    await downloadUrl(options(o.url('/calm.mp4'), { maxConnections: 4 }));
    expect(Math.max(...gets('/calm.mp4').map((r) => r.active))).toBeGreaterThan(2);
    const busy = options(o.url('/busy.mp4'), { maxConnections: 4 });
    await downloadUrl(busy);
    expectSame(busy.dest, body);
    // The first four went out together; one was told 503, and from then on at most two at once.
    expect(gets('/busy.mp4').slice(4).length).toBeGreaterThan(2);
    expect(
      Math.max(
        ...gets('/busy.mp4')
          .slice(4)
          .map((r) => r.active),
      ),
    ).toBeLessThanOrEqual(2);
    expect(o.served.bytes.get('/busy.mp4')).toBe(body.length);
  });

  it('hands a 503 told to every connection at once back as transient', async () => {
    const body = file(8 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, failFirst: { times: 4, status: 503 } } });
    const opts = options(o.url('/v.mp4'), { maxConnections: 4 });
    const refused = await downloadUrl(opts).catch((error: unknown) => error);
    // Not a byte came: this attempt counts against the limit.
    expect(refused).toMatchObject({ retry: { status: 503 } });
    expect((refused as DownloadError).retry).not.toHaveProperty('madeProgress');
    await downloadUrl(opts);
    expectSame(opts.dest, body);
  });

  it('keeps how far each piece got when stopped (a pause), and the next call goes on from there', async () => {
    const body = file(8 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, trickle: { chunkBytes: 64 * 1024, everyMs: 10 } } });
    const stop = new AbortController();
    const opts = options(o.url('/v.mp4'), { maxConnections: 2 });
    const stateFile = `${opts.dest}.part.json`;
    const saved = () => JSON.parse(fs.readFileSync(stateFile, 'utf8')) as DownloadState;
    const stopped = downloadUrl({ ...opts, signal: stop.signal });
    // Stopped once the state records bytes within a piece.
    await until(() => fs.existsSync(stateFile) && Object.keys(saved().partial ?? {}).length > 0);
    stop.abort();
    await expect(stopped).rejects.toThrow();
    const { partial = {}, pieceBytes } = saved();
    const requestsBefore = o.served.requests.length;
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    // The next call asked for each unfinished piece from its first missing byte.
    const asked = o.served.requests.slice(requestsBefore).map((r) => r.headers.range);
    for (const [index, bytes] of Object.entries(partial)) {
      expect(asked).toContain(`bytes=${Number(index) * pieceBytes + bytes}-${(Number(index) + 1) * pieceBytes - 1}`);
    }
    // Only what was on its way when it stopped came twice.
    expect(o.served.bytes.get('/v.mp4')).toBeLessThanOrEqual(body.length + 2 * 512 * 1024);
  });
});
