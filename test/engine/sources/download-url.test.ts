import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadUrl, type DownloadError, type DownloadProgress } from '../../../electron/engine/sources/download-url';
import { expectSame, file, MiB, options, origin } from './download-setup';

describe('downloading a link', () => {
  it('uses several connections on byte ranges and produces the identical file', async () => {
    const body = file(6 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body } });
    const opts = options(o.url('/v.mp4'));
    const result = await downloadUrl(opts);
    expectSame(opts.dest, body);
    expect(result).toMatchObject({ finalUrl: o.url('/v.mp4'), size: body.length, contentType: 'video/mp4' });
    const connections = new Set(o.served.requests.filter((r) => r.headers.range).map((r) => r.socket));
    expect(connections.size).toBeGreaterThan(1);
    expect(connections.size).toBeLessThanOrEqual(4);
    expect(o.served.bytes.get('/v.mp4')).toBe(body.length);
    expect(fs.readdirSync(path.dirname(opts.dest))).toEqual(['video.mp4']);
    expect(o.served.requests[0]?.method).toBe('HEAD');
  });

  it('reports bytes, total, a smoothed speed and an ETA while a slow origin trickles, without cutting it off', async () => {
    const body = file(600 * 1024);
    const o = await origin({
      '/slow.mp4': { kind: 'file', body, ranges: false, trickle: { chunkBytes: 40 * 1024, everyMs: 100 } },
    });
    const progress: DownloadProgress[] = [];
    const opts = options(o.url('/slow.mp4'), { idleTimeoutMs: 700, onProgress: (p) => progress.push(p) });
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    expect(progress.length).toBeGreaterThan(3);
    const mid = progress[Math.floor(progress.length / 2)]!;
    expect(mid.total).toBe(body.length);
    expect(mid.bytesPerSecond).toBeGreaterThan(100 * 1024);
    expect(mid.bytesPerSecond).toBeLessThan(2000 * 1024);
    expect(mid.etaSeconds).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.bytes).toBeGreaterThanOrEqual(progress[i - 1]!.bytes);
  });

  it('downloads in one stream from an origin without byte ranges', async () => {
    const body = file(3 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, ranges: false } });
    const opts = options(o.url('/v.mp4'));
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    expect(o.served.maxConcurrent).toBe(1);
  });

  it.each([
    [404, 'ERR_FETCH_NOT_FOUND', /404 Not Found: the file is not there/],
    [410, 'ERR_FETCH_NOT_FOUND', /410 Gone: the file has been removed/],
    [403, 'ERR_FETCH_ORIGIN_ERROR', /403 Forbidden: access is forbidden/],
  ])('does not retry a %i and says so in plain words', async (status, code, text) => {
    const o = await origin({ '/v.mp4': { kind: 'status', status } });
    const failure = await downloadUrl(options(o.url('/v.mp4'))).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code, message: expect.stringMatching(text) });
    expect((failure as DownloadError).retry).toBeUndefined();
    expect(o.served.requests.filter((r) => r.method === 'GET')).toHaveLength(1); // the ranged GET after HEAD failed
  });

  it('follows a redirect chain and records the final URL', async () => {
    const body = file(MiB);
    const o = await origin({
      '/a': { kind: 'redirect', to: '/b', status: 301 },
      '/b': { kind: 'redirect', to: '/c', status: 302 },
      '/c': { kind: 'redirect', to: '/files/v.mp4', status: 307 },
      '/files/v.mp4': { kind: 'file', body },
    });
    const opts = options(o.url('/a'));
    expect((await downloadUrl(opts)).finalUrl).toBe(o.url('/files/v.mp4'));
    expectSame(opts.dest, body);
  });

  it('refuses a redirect loop', async () => {
    const o = await origin({ '/a': { kind: 'redirect', to: '/b' }, '/b': { kind: 'redirect', to: '/a' } });
    await expect(downloadUrl(options(o.url('/a')))).rejects.toMatchObject({
      code: 'ERR_FETCH_ORIGIN_ERROR',
      message: expect.stringContaining('redirects in a loop'),
    });
  });

  it('falls back to a ranged GET when HEAD is refused', async () => {
    const body = file(MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, headAllowed: false } });
    const opts = options(o.url('/v.mp4'));
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    expect(o.served.requests.some((r) => r.method === 'GET' && r.headers.range === 'bytes=0-0')).toBe(true);
  });

  it('starts over, instead of stitching two versions, when the file changes between attempts', async () => {
    const v1 = file(2 * MiB);
    const v2 = file(2 * MiB);
    const o = await origin({
      '/v.mp4': {
        kind: 'file',
        body: v1,
        dropAt: { times: 1, fraction: 0.5 },
        changeAfter: { gets: 1, body: v2, etag: '"v2"' },
      },
    });
    const opts = options(o.url('/v.mp4'), { maxConnections: 1 });
    await downloadUrl(opts);
    expectSame(opts.dest, v2);
  });

  it('fetches the whole file cleanly from an origin that advertises ranges but answers 200', async () => {
    const body = file(4 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, ignoreRange: true } });
    const opts = options(o.url('/v.mp4'));
    await downloadUrl(opts);
    expectSame(opts.dest, body);
  });

  it.each([
    ['an HTML page served as text/html', { contentType: 'text/html; charset=utf-8' }, 'ERR_NOT_A_DIRECT_LINK'],
    [
      'an HTML page served as application/octet-stream',
      { contentType: 'application/octet-stream' },
      'ERR_NOT_A_DIRECT_LINK',
    ],
  ])('refuses %s', async (_what, route, code) => {
    const body = Buffer.from('<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>');
    const o = await origin({ '/v.mp4': { kind: 'file', body, ...route } });
    await expect(downloadUrl(options(o.url('/v.mp4')))).rejects.toMatchObject({ code });
  });

  it('refuses an HLS playlist', async () => {
    const body = Buffer.from('#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:4,\nseg0.ts\n');
    const o = await origin({ '/list.m3u8': { kind: 'file', body, contentType: 'application/vnd.apple.mpegurl' } });
    await expect(downloadUrl(options(o.url('/list.m3u8')))).rejects.toMatchObject({ code: 'ERR_STREAMING_MANIFEST' });
  });

  it('sends private headers to the origin, and not to a redirect target on another host', async () => {
    const body = file(MiB);
    const other = await origin({ '/cdn/v.mp4': { kind: 'file', body } });
    const o = await origin({
      '/private.mp4': { kind: 'file', body, requireHeader: ['Authorization', 'Bearer s3cret'] },
      '/moved.mp4': { kind: 'redirect', to: `http://localhost:${other.port}/cdn/v.mp4` },
    });
    const withKey = options(o.url('/private.mp4'), { headers: { Authorization: 'Bearer s3cret' } });
    await downloadUrl(withKey);
    expectSame(withKey.dest, body);
    await expect(downloadUrl(options(o.url('/private.mp4')))).rejects.toMatchObject({
      code: 'ERR_FETCH_ORIGIN_ERROR',
      message: expect.stringContaining('401 Unauthorized: the server wants credentials'),
    });
    await downloadUrl(options(o.url('/moved.mp4'), { headers: { Authorization: 'Bearer s3cret' } }));
    expect(
      o.served.requests
        .filter((r) => r.path === '/moved.mp4')
        .every((r) => r.headers.authorization === 'Bearer s3cret'),
    ).toBe(true);
    expect(other.served.requests.length).toBeGreaterThan(0);
    expect(other.served.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('refuses a file over the size limit from HEAD, before downloading it', async () => {
    const o = await origin({ '/v.mp4': { kind: 'file', body: file(MiB) } });
    await expect(downloadUrl(options(o.url('/v.mp4'), { maxSizeBytes: 1000 }))).rejects.toMatchObject({
      code: 'ERR_SIZE_EXCEED_CONSTRAINT',
    });
    expect(o.served.bytes.get('/v.mp4') ?? 0).toBe(0);
  });

  it('enforces the size limit while downloading when the origin does not announce a length', async () => {
    const o = await origin({ '/v.mp4': { kind: 'file', body: file(MiB), ranges: false, chunked: true } });
    await expect(downloadUrl(options(o.url('/v.mp4'), { maxSizeBytes: 100_000 }))).rejects.toMatchObject({
      code: 'ERR_SIZE_EXCEED_CONSTRAINT',
    });
  });

  it('says the disk is full, and keeps the partial download for a resume', async () => {
    const body = file(MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, etag: '"e1"' } });
    const opts = options(o.url('/v.mp4'), { maxConnections: 1 });
    // The .part file is /dev/full, so writes really fail with ENOSPC; the state says "resume".
    fs.symlinkSync('/dev/full', `${opts.dest}.part`);
    fs.writeFileSync(
      `${opts.dest}.part.json`,
      JSON.stringify({ url: opts.url, size: body.length, etag: '"e1"', lastModified: null, pieceBytes: MiB, done: [] }),
    );
    await expect(downloadUrl(opts)).rejects.toMatchObject({
      code: 'ERR_DISK_FULL',
      message: expect.stringContaining('resumes'),
    });
    expect(fs.existsSync(`${opts.dest}.part.json`)).toBe(true);
  });
});

describe('share links that need one more step', () => {
  it('follows a Google Drive "download anyway" page to the file, named as the page names it', async () => {
    const body = file(MiB);
    const o = await origin({
      '/uc': {
        kind: 'file',
        contentType: 'text/html; charset=utf-8',
        body: Buffer.from(''),
      },
      '/download': { kind: 'file', body },
    });
    // The page Drive serves for files too large to scan for viruses.
    (o.routes['/uc'] as { body: Buffer }).body = Buffer.from(
      `<!DOCTYPE html><html><head><title>Google Drive - Virus scan warning</title></head><body>
      <p class="uc-warning-subcaption"><span class="uc-name-size"><a href="/open?id=1AbC">Big Buck Bunny.mp4</a>
      (1.2G)</span> is too large for Google to scan for viruses.</p>
      <form id="download-form" action="${o.url('/download')}" method="get">
      <input type="submit" value="Download anyway"/>
      <input type="hidden" name="id" value="1AbC"><input type="hidden" name="export" value="download">
      <input type="hidden" name="confirm" value="t"><input type="hidden" name="uuid" value="u-1"></form></body></html>`,
    );
    const names: string[] = [];
    const opts = options(o.url('/uc?export=download&id=1AbC'), {
      driveHosts: ['127.0.0.1'],
      onName: (name) => names.push(name),
    });
    const result = await downloadUrl(opts);
    expectSame(opts.dest, body);
    expect(names).toEqual(['Big Buck Bunny.mp4']);
    expect(result.finalUrl).toBe(`${o.url('/download')}?id=1AbC&export=download&confirm=t&uuid=u-1`);
  });

  it('still refuses the same kind of page from any other host', async () => {
    const o = await origin({
      '/uc': {
        kind: 'file',
        contentType: 'text/html',
        body: Buffer.from('<html><form id="download-form"></form></html>'),
      },
    });
    await expect(downloadUrl(options(o.url('/uc')))).rejects.toMatchObject({ code: 'ERR_NOT_A_DIRECT_LINK' });
  });
});
