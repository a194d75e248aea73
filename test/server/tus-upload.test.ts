/**
 * The TUS endpoint of a real `ferry serve` (createServer over a real engine, 127.0.0.1) as
 * Cloudflare Stream's clients use it: the API token required, Cloudflare's chunk rules, direct
 * creator uploads with a one-time URL, a complete upload never lost between disk and queue, and
 * the video named by the file's original name (`name`, or tus-js-client's `filename`), never by the
 * upload's id.
 * (A restart in the middle of an upload: tus-restart.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { parseUploadMetadata } from '../../electron/server/upload-metadata';
import { noisyMp4 } from '../helpers/media-fixtures';
import { chunkSize, streamEndpoint, upload, videoOfUpload } from './tus-client';
import { serveEngine, type Served } from './ws-serve-fixture';

let dataDir: string;
let engine: Engine;
let served: Served;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-tus-'));
  engine = createEngine({ dataDir });
  served = await serveEngine(engine);
});

afterEach(async () => {
  await served.stop();
  engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const endpoint = () => streamEndpoint(served.url);
const bearer = () => ({ Authorization: `Bearer ${served.context.token}` });
const videoOf = (mediaId: string) => videoOfUpload(served.context, mediaId);

describe('TUS uploads', () => {
  it('refuses a creation without the API token, and an upload URL used without it', async () => {
    const create = (headers: Record<string, string>) =>
      fetch(endpoint(), { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10', ...headers } });
    expect((await create({})).status).toBe(401);
    expect((await create({ Authorization: 'Bearer wrong' })).status).toBe(401);
    const created = await create(bearer());
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const head = await fetch(location, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    expect(head.status).toBe(401);
  });

  it('keeps to Cloudflare chunk rules: a small chunk that is not the last is refused', async () => {
    const created = await fetch(endpoint(), {
      method: 'POST',
      headers: { ...bearer(), 'Tus-Resumable': '1.0.0', 'Upload-Length': String(3 * chunkSize) },
    });
    const patch = (bytes: number) =>
      fetch(created.headers.get('location')!, {
        method: 'PATCH',
        headers: {
          ...bearer(),
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '0',
          'Content-Type': 'application/offset+octet-stream',
        },
        body: Buffer.alloc(bytes),
      });
    expect((await patch(1024 * 1024)).status).toBe(400);
    expect((await patch(chunkSize + 1000)).status).toBe(400);
    const accepted = await patch(chunkSize);
    expect([accepted.status, accepted.headers.get('upload-offset')]).toEqual([204, String(chunkSize)]);

    // Termination: an unfinished upload can be ended, and is gone after.
    const location = created.headers.get('location')!;
    const tusHeaders = { ...bearer(), 'Tus-Resumable': '1.0.0' };
    expect((await fetch(location, { method: 'DELETE', headers: tusHeaders })).status).toBe(204);
    expect((await fetch(location, { method: 'HEAD', headers: tusHeaders })).status).toBe(404);
  });
});

describe('direct creator uploads', () => {
  it('give a one-time URL that takes the upload without a token, once, with the metadata applied', async () => {
    const file = await noisyMp4(dataDir, 1);
    const size = fs.statSync(file).size;
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const created = await fetch(`${endpoint()}?direct_user=true`, {
      method: 'POST',
      headers: {
        ...bearer(),
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(size),
        'Upload-Creator': 'creator-42',
        'Upload-Metadata': `maxDurationSeconds ${b64('600')},requiresignedurls,name ${b64('from a visitor')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const mediaId = created.headers.get('stream-media-id')!;
    expect(location.startsWith(`${served.url}/tus/`)).toBe(true);
    expect(location).not.toContain(mediaId);

    await upload(file, { uploadUrl: location }).done;
    await expect(upload(file, { uploadUrl: location }).done).rejects.toThrow();
    const again = await fetch(location, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    expect(again.status).toBe(410);
    // Nor can the API token end it: the file is the video's source now.
    const uploadUrl = `${served.url}/tus/${mediaId}`;
    const ended = await fetch(uploadUrl, { method: 'DELETE', headers: { ...bearer(), 'Tus-Resumable': '1.0.0' } });
    expect(ended.status).toBe(400);

    await engine.run();
    const video = await videoOf(mediaId);
    expect(video).toMatchObject({
      status: { state: 'ready' },
      requireSignedURLs: true,
      creator: 'creator-42',
      maxDurationSeconds: 600,
      meta: { name: 'from a visitor' },
    });
    // A script polls the id it was told in stream-media-id, as Cloudflare's documentation does.
    const polled = await fetch(`${endpoint()}/${mediaId}`, { headers: bearer() });
    expect(polled.status).toBe(200);
    expect(((await polled.json()) as { result: { uid: string; readyToStream: boolean } }).result).toMatchObject({
      uid: video!.uid,
      readyToStream: true,
    });
  }, 120_000);
});

describe('an upload after a stop', () => {
  it('is queued at the next start when it was complete but had not become a video', async () => {
    const file = await noisyMp4(dataDir, 1);
    const created = await fetch(endpoint(), {
      method: 'POST',
      headers: { ...bearer(), 'Tus-Resumable': '1.0.0', 'Upload-Length': String(fs.statSync(file).size) },
    });
    const mediaId = created.headers.get('stream-media-id')!;
    // PATCH sent as POST, as tus-js-client's overridePatchMethod does for proxies that drop PATCH.
    const patched = await fetch(created.headers.get('location')!, {
      method: 'POST',
      headers: {
        ...bearer(),
        'X-HTTP-Method-Override': 'PATCH',
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
      },
      body: fs.readFileSync(file),
    });
    expect(patched.status).toBe(204);
    expect((await videoOf(mediaId)).uid).toBe(mediaId);

    // As if the process had stopped between the last byte and the queue: an upload complete on
    // disk, with no video yet.
    await served.stop();
    const stopped = randomUUID().replaceAll('-', '');
    const store = new FileStore({ directory: path.join(dataDir, 'uploads') });
    await store.create(new Upload({ id: stopped, size: fs.statSync(file).size, offset: 0, metadata: {} }));
    await store.write(Readable.from([fs.readFileSync(file)]), stopped, 0);
    await served.restart();

    const again = await videoOf(stopped);
    expect(again.uid).toBe(stopped);
    expect(fs.readFileSync(again.source.path!).equals(fs.readFileSync(file))).toBe(true);
  }, 60_000);
});

/** Uploads a small real video with this metadata and answers the video it became. */
async function uploaded(file: string, metadata: Record<string, string>) {
  let mediaId = '';
  await upload(file, {
    endpoint: endpoint(),
    headers: bearer(),
    metadata,
    onAfterResponse: (_request, response) => {
      mediaId ||= response.getHeader('stream-media-id') ?? '';
    },
  }).done;
  return videoOf(mediaId);
}

describe("an upload's name", () => {
  it("is the `filename` a TUS client sends, or Cloudflare's `name` over it, and never the upload's id", async () => {
    const file = await noisyMp4(dataDir, 1);
    const byFilename = await uploaded(file, { filename: 'Interview — take 3.mp4', filetype: 'video/mp4' });
    expect(byFilename.meta).toMatchObject({ name: 'Interview — take 3.mp4', filename: 'Interview — take 3.mp4' });
    const byName = await uploaded(file, { name: 'Keynote', filename: 'IMG_0042.MOV' });
    expect(byName.meta.name).toBe('Keynote');
    const unnamed = await uploaded(file, { filetype: 'video/mp4' });
    expect(unnamed.meta.name).toBeUndefined();
    expect(unnamed.source.path?.endsWith(unnamed.uid)).toBe(true);
  }, 60_000);

  it('takes `filename` in any case of its key, as every other key', () => {
    expect(parseUploadMetadata({ FileName: 'a.mov' })).toMatchObject({
      ok: true,
      value: { options: { meta: { name: 'a.mov', FileName: 'a.mov' } } },
    });
  });
});
