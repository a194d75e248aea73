/**
 * The media route and the token route of a started `ferry serve` (createServer over a real
 * engine on a real data directory, 127.0.0.1) against what a hostile or careless caller sends:
 * a symlink in a video's folder that leads out of the library is not followed, repeated
 * `token=` is a 400 (not a 500), the id a TUS creation announced takes the video's playback
 * token, and a token that could never verify is not issued.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { rawRequest } from './media-http';
import { createUpload, patchUpload, streamEndpoint, videoOfUpload } from './tus-client';
import { serveEngine, type Served } from './ws-serve-fixture';

let dataDir: string;
let engine: Engine;
let served: Served;
let uid: string;
let mediaId: string;
let folder: string;
const secret = 'outside the library';

const api = (method: string, pathAndQuery: string, body?: unknown) =>
  fetch(`${streamEndpoint(served.url)}${pathAndQuery}`, {
    method,
    headers: { Authorization: `Bearer ${served.context.token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const tokenFor = async (id: string, body: unknown) => {
  const answer = await api('POST', `/${id}/token`, body);
  const json = (await answer.json()) as { result: { token: string } | null; errors: { message: string }[] };
  return { status: answer.status, token: json.result?.token, message: json.errors[0]?.message ?? '' };
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-media-requests-'));
  engine = createEngine({ dataDir });
  served = await serveEngine(engine);
  // A real TUS upload (its video is queued, never run): the video is known by the id it announced too.
  const created = await createUpload(served.url, served.context.token, { 'Upload-Length': '10' });
  mediaId = created.headers.get('stream-media-id') ?? '';
  const auth = { Authorization: `Bearer ${served.context.token}` };
  expect((await patchUpload(created.headers.get('location') ?? '', 0, Buffer.alloc(10), auth)).status).toBe(204);
  uid = (await videoOfUpload(served.context, mediaId)).uid;
  // The outputs as the engine publishes them, and links out of the library beside them.
  folder = path.join(engine.paths.library, uid);
  fs.mkdirSync(path.join(folder, 'manifest'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'downloads'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'manifest', 'video.m3u8'), '#EXTM3U\n');
  fs.writeFileSync(path.join(dataDir, 'secret.txt'), secret);
  fs.symlinkSync(path.join(dataDir, 'secret.txt'), path.join(folder, 'manifest', 'chunk-0.m4s'));
  fs.symlinkSync(path.join(dataDir, 'secret.txt'), path.join(folder, 'downloads', 'default.mp4'));
  fs.symlinkSync(path.join(dataDir, 'ferry.db'), path.join(folder, 'manifest', 'stolen.mpd'));
  fs.symlinkSync(path.join(folder, 'manifest', 'loop.m3u8'), path.join(folder, 'manifest', 'loop.m3u8'));
}, 60_000);

afterAll(async () => {
  await served.stop();
  engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a symlink in a video folder', () => {
  it('is not followed out of the library, segment, MP4 or manifest alike', async () => {
    expect((await rawRequest(served.url, `/media/${uid}/manifest/video.m3u8`)).status).toBe(200);
    for (const file of ['manifest/chunk-0.m4s', 'downloads/default.mp4', 'manifest/stolen.mpd']) {
      const answer = await rawRequest(served.url, `/media/${uid}/${file}`);
      expect([file, answer.status]).toEqual([file, 404]);
      expect(answer.body.toString()).not.toContain(secret);
    }
  });

  it('that loops, or a video folder that is a file, is a 404, not a 500', async () => {
    expect((await rawRequest(served.url, `/media/${uid}/manifest/loop.m3u8`)).status).toBe(404);
    const other = (await engine.addLinks({ links: [{ url: 'https://cdn.example.test/other.mp4' }] })).queued[0]!.uid;
    fs.writeFileSync(path.join(engine.paths.library, other), 'a file where a folder should be');
    expect((await rawRequest(served.url, `/media/${other}/manifest/chunk-0.m4s`)).status).toBe(404);
    expect((await rawRequest(served.url, `/media/${other}/manifest/video.m3u8`)).status).toBe(404);
  });
});

describe('the token of a media URL', () => {
  it('is refused with a 400, not a 500, when given twice', async () => {
    const answer = await rawRequest(served.url, `/media/${uid}/manifest/video.m3u8?token=a&token=b`);
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toContain('one token=');
  });

  it('opens a signed video by the id its TUS creation announced, as by its uid', async () => {
    // The id announced is the video's uid, as on Cloudflare.
    expect(mediaId).toBe(uid);
    expect((await api('POST', `/${mediaId}`, { requireSignedURLs: true })).status).toBe(200);
    const { token } = await tokenFor(mediaId, { exp: Math.floor(Date.now() / 1000) + 600 });
    expect(token).toBeDefined();
    expect((await rawRequest(served.url, `/media/${mediaId}/manifest/video.m3u8`)).status).toBe(401);
    for (const url of [
      `/media/${mediaId}/manifest/video.m3u8?token=${token}`,
      `/media/${uid}/manifest/video.m3u8?token=${token}`,
      `/media/${token}/manifest/video.m3u8`,
    ])
      expect([url, (await rawRequest(served.url, url)).status]).toEqual([url, 200]);
  });
});

describe('POST …/stream/{uid}/token', () => {
  it('refuses an exp no token can carry, or one in the past, naming exp', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const exp of [10 ** 12, 10 ** 13, 1e300, now - 60, -1]) {
      const answer = await tokenFor(uid, { exp });
      expect([exp, answer.status]).toEqual([exp, 400]);
      expect(answer.message).toMatch(/^exp: /);
    }
    expect((await tokenFor(uid, { exp: 10 ** 12 - 1 })).status).toBe(200);
  });
});
