/**
 * Unfinished TUS uploads to a real `ferry serve` (startServer) expire: 24 h after their creation
 * by default, announced in Upload-Expires; an expired one answers 410 and is removed from
 * `uploads/` (its file and its .json) by a sweep that runs at start and then as uploads expire.
 * A finished upload, a video's source, stays. (The expiry is shortened through ServeOptions.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noisyMp4 } from '../helpers/media-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/wait-for';
import { serve, type Api } from './stream-fixture';
import { chunkSize, createUpload, patchUpload, upload, uploadOffset } from './tus-client';

const day = 24 * 3600 * 1000;
const create = (api: Api, length: number) =>
  createUpload(api.server.baseUrl, api.server.token, { 'Upload-Length': String(length) });
const bearer = (api: Api) => ({ Authorization: `Bearer ${api.server.token}` });
const uploadFiles = (dataDir: string, id: string) =>
  [id, `${id}.json`].filter((name) => fs.existsSync(path.join(dataDir, 'uploads', name)));

describe('unfinished uploads', () => {
  it('are announced to expire 24 h after their creation', async () => {
    const api = await serve();
    const before = Math.floor(Date.now() / 1000) * 1000;
    const created = await create(api, 3 * chunkSize);
    const expires = Date.parse(created.headers.get('upload-expires') ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + day);
    expect(expires).toBeLessThanOrEqual(Date.now() + day);
    const patched = await patchUpload(created.headers.get('location')!, 0, Buffer.alloc(chunkSize), bearer(api));
    expect(patched.headers.get('upload-expires')).toBe(created.headers.get('upload-expires'));
  });

  it('are removed when the server starts after they expired; a finished upload stays', async () => {
    const dataDir = tempDir();
    const first = await serve({ dataDir });
    const abandoned = await create(first, 3 * chunkSize);
    expect(
      (await patchUpload(abandoned.headers.get('location')!, 0, Buffer.alloc(chunkSize), bearer(first))).status,
    ).toBe(204);
    const file = await noisyMp4(tempDir(), 1);
    const finished = await create(first, fs.statSync(file).size);
    await upload(file, { uploadUrl: finished.headers.get('location')!, headers: bearer(first) }).done;
    const abandonedId = abandoned.headers.get('stream-media-id')!;
    const finishedId = finished.headers.get('stream-media-id')!;
    expect(uploadFiles(dataDir, abandonedId)).toHaveLength(2);
    await first.server.stop();

    const second = await serve({ dataDir, uploadExpiryMs: 1 });
    expect(uploadFiles(dataDir, abandonedId)).toEqual([]);
    const againAt = `${second.server.baseUrl}/tus/${abandonedId}`;
    expect(await uploadOffset(againAt, bearer(second))).toEqual({ status: 404, offset: null });
    expect(uploadFiles(dataDir, finishedId)).toHaveLength(2);
  }, 60_000);

  it('answer 410 once expired while the server runs, and are removed by its sweep', async () => {
    const api = await serve({ uploadExpiryMs: 1 });
    const created = await create(api, 3 * chunkSize);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const id = created.headers.get('stream-media-id')!;
    await until(async () => (await uploadOffset(location, bearer(api))).status !== 200, 10_000);
    expect([410, 404]).toContain((await patchUpload(location, 0, Buffer.alloc(chunkSize), bearer(api))).status);
    await until(() => uploadFiles(api.dataDir, id).length === 0, 10_000);
    expect(await uploadOffset(location, bearer(api))).toEqual({ status: 404, offset: null });
  });
});
