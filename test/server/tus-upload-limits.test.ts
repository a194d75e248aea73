/**
 * What a TUS client may make a real `ferry serve` (startServer, 127.0.0.1) hold: no upload over
 * the `uploads.maxSizeBytes` setting, announced as Tus-Max-Size and kept to while a deferred
 * upload's bytes arrive; a chunk only with its Content-Length, so the chunk rules hold before its
 * bytes do; a direct creator upload only with Cloudflare's limits (maxDurationSeconds, an expiry
 * its one-time URL can be checked against) and any size its creator set.
 */
import fs from 'node:fs';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { noisyMp4 } from '../helpers/media-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { ferry } from '../cli/ferry-process';
import { pollVideo, serve, type Api } from './stream-fixture';
import { chunkSize, createUpload, patchUpload, refusal, streamEndpoint, upload, uploadOffset } from './tus-client';

const chunk = Buffer.alloc(chunkSize);
const b64 = (text: string) => Buffer.from(text).toString('base64');
const create = (api: Api, headers: Record<string, string>, query = '') =>
  createUpload(api.server.baseUrl, api.server.token, headers, query);
const bearer = (api: Api) => ({ Authorization: `Bearer ${api.server.token}` });

async function announcedMaxSize(api: Api) {
  const options = await fetch(streamEndpoint(api.server.baseUrl), { method: 'OPTIONS' });
  return options.headers.get('tus-max-size');
}

describe('the largest upload', () => {
  it('is announced as Tus-Max-Size and refused over uploads.maxSizeBytes with 413, a deferred upload included', async () => {
    const api = await serve();
    expect(await announcedMaxSize(api)).toBe(String(200 * 1024 ** 3));
    const terabyte = await create(api, { 'Upload-Length': String(1024 ** 4) });
    expect(terabyte.status).toBe(413);
    expect(await refusal(terabyte)).toBe(
      'This upload is 1099511627776 bytes (1.0 TiB), over the largest upload this server takes: ' +
        '214748364800 bytes (200 GiB), the uploads.maxSizeBytes setting (ferry settings uploads.maxSizeBytes).',
    );

    const set = await ferry(['settings', 'uploads.maxSizeBytes', '10MiB', '--data-dir', api.dataDir]);
    expect(set.stdout, set.stderr).toBe('uploads.maxSizeBytes = 10485760 (10.0 MiB)\n');
    expect(await announcedMaxSize(api)).toBe('10485760');

    // A deferred upload grows a chunk at a time, up to the limit and not past it.
    const deferred = await create(api, { 'Upload-Defer-Length': '1' });
    expect(deferred.status).toBe(201);
    const location = deferred.headers.get('location')!;
    expect((await patchUpload(location, 0, chunk, bearer(api))).status).toBe(204);
    expect((await patchUpload(location, chunkSize, chunk, bearer(api))).status).toBe(204);
    const past = await patchUpload(location, 2 * chunkSize, chunk, bearer(api));
    expect(past.status).toBe(413);
    expect(await refusal(past)).toMatch(/^This chunk would make the upload 15728640 bytes .*uploads\.maxSizeBytes/);
    const declared = await patchUpload(location, 2 * chunkSize, Buffer.alloc(10), {
      ...bearer(api),
      'Upload-Length': String(20 * 1024 * 1024),
    });
    expect(declared.status).toBe(413);
    expect(await uploadOffset(location, bearer(api))).toEqual({ status: 200, offset: String(2 * chunkSize) });
  }, 60_000);
});

/** A request whose body is sent chunked, without Content-Length, as a streaming script may. */
function sentChunked(method: string, url: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method,
      headers: {
        'Tus-Resumable': '1.0.0',
        'Content-Type': 'application/offset+octet-stream',
        'Transfer-Encoding': 'chunked',
        ...headers,
      },
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.write(body);
    request.end();
  });
}

describe('a chunk without Content-Length', () => {
  it('is refused with 411 before any byte is taken: the chunk rules cannot be checked on a stream', async () => {
    const api = await serve();
    const created = await create(api, { 'Upload-Length': String(3 * chunkSize) });
    const location = created.headers.get('location')!;
    // 1 MiB, not the last chunk: Cloudflare's rules refuse it, and a stream must not slip past them.
    const small = Buffer.alloc(1024 * 1024);
    expect(await sentChunked('PATCH', location, { ...bearer(api), 'Upload-Offset': '0' }, small)).toBe(411);
    expect(await uploadOffset(location, bearer(api))).toEqual({ status: 200, offset: '0' });
    // Nor in a creation that carries its first chunk (creation-with-upload).
    const withUpload = { ...bearer(api), 'Upload-Length': String(3 * chunkSize) };
    expect(await sentChunked('POST', streamEndpoint(api.server.baseUrl), withUpload, small)).toBe(411);
  });
});

describe('direct creator uploads', () => {
  /** Created by the creator's backend with the token; the one-time URL comes back in Location. */
  const direct = (api: Api, metadata: Record<string, string>, length: number | 'deferred' = chunkSize) =>
    create(
      api,
      {
        ...(length === 'deferred' ? { 'Upload-Defer-Length': '1' } : { 'Upload-Length': String(length) }),
        'Upload-Metadata': Object.entries(metadata)
          .map(([key, value]) => `${key} ${b64(value)}`)
          .join(','),
      },
      '?direct_user=true',
    );
  const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

  it('need a maxDurationSeconds and an expiry ahead that the one-time URL can be checked against', async () => {
    const api = await serve();
    const without = await direct(api, { name: 'no limit' });
    expect(without.status).toBe(400);
    expect(await refusal(without)).toMatch(/^maxDurationSeconds: a direct creator upload needs one/);
    for (const expiry of ['2001-01-01T00:00:00Z', '+040000-01-01T00:00:00Z', inHours(48)]) {
      const refused = await direct(api, { maxDurationSeconds: '600', expiry });
      expect(refused.status, expiry).toBe(400);
      expect(await refusal(refused)).toMatch(/^expiry: /);
    }
    expect((await direct(api, { maxDurationSeconds: '600', expiry: inHours(2) })).status).toBe(201);
  });

  it("are held to their creator's maxSizeBytes, deferred or not, and their video to maxDurationSeconds", async () => {
    const api = await serve();
    const tooLong = await direct(api, { maxDurationSeconds: '600', maxsizebytes: String(1024 * 1024) });
    expect(tooLong.status).toBe(413);
    expect(await refusal(tooLong)).toMatch(/over .* 1048576 bytes .*the maxSizeBytes given in its Upload-Metadata/);

    const deferred = await direct(api, { maxDurationSeconds: '600', maxsizebytes: String(chunkSize + 10) }, 'deferred');
    const ticket = deferred.headers.get('location')!;
    expect((await patchUpload(ticket, 0, chunk)).status).toBe(204);
    expect((await patchUpload(ticket, chunkSize, chunk)).status).toBe(413);

    const file = await noisyMp4(tempDir(), 3);
    const created = await direct(api, { maxDurationSeconds: '1' }, fs.statSync(file).size);
    await upload(file, { uploadUrl: created.headers.get('location')! }).done;
    const video = await pollVideo(api, `/client/v4/accounts/a/stream/${created.headers.get('stream-media-id')}`, (v) =>
      ['error', 'ready'].includes((v.status as { state: string }).state),
    );
    expect(video.status).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DURATION_EXCEED_CONSTRAINT' });
  }, 90_000);
});
