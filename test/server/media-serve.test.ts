/**
 * The media over HTTP from a real `ferry serve` (createServer over a real engine, 127.0.0.1) of a
 * video ingested through the dispatcher and transcoded by real ffmpeg: what a player gets (types,
 * ranges, caching, CORS), what it may not get (paths outside the video's folder), and the video's
 * own rules (signed URLs, allowed origins) as Cloudflare Stream applies them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { signPlaybackToken } from '../../electron/server/playback-token';
import { shownVideo } from '../../shared/shown-video';
import type { VideoEdit } from '../../shared/api';
import type { Video } from '../../shared/video';
import { dashFiles, hlsMaster, hlsMediaFiles } from '../helpers/inspect-outputs';
import { noisyMp4 } from '../helpers/media-fixtures';
import { rawRequest } from './media-http';
import { serveEngine, type Served } from './ws-serve-fixture';

let dataDir: string;
let engine: Engine;
let served: Served;
let video: Video;
let folder: string;
let segment: string;

const get = (pathAndQuery: string, headers: Record<string, string> = {}) =>
  rawRequest(served.url, pathAndQuery, { headers });
const edit = async (changes: VideoEdit) => {
  const edited = await served.context.call('edit', { uid: video.uid, changes });
  expect(edited.ok).toBe(true);
};
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-media-'));
  engine = createEngine({ dataDir });
  served = await serveEngine(engine);
  const file = await noisyMp4(dataDir, 1);
  const added = await served.context.callOwn('addFiles', { paths: [file], options: { ladder: [240] } });
  if (!added.ok) throw new Error(added.error.message);
  await engine.run();
  const ready = await served.context.call('get', { uid: added.value.queued[0]!.uid });
  if (!ready.ok || ready.value.status.state !== 'ready') throw new Error(`not ready: ${JSON.stringify(ready)}`);
  video = ready.value;
  folder = path.join(engine.paths.library, video.uid);
  segment = fs.readdirSync(path.join(folder, 'manifest')).find((name) => /^chunk-.*\.m4s$/.test(name))!;
}, 120_000);

afterAll(async () => {
  await served.stop();
  engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('media over HTTP', () => {
  it('serves the manifests, a segment, the MP4, the thumbnail and the storyboard with their types', async () => {
    const shown = shownVideo(video, served.url);
    const hlsPath = new URL(shown.playback!.hls).pathname;
    const hls = await get(hlsPath);
    expect(hls.status).toBe(200);
    expect(hls.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(hls.headers['cache-control']).toMatch(/max-age=\d+$/);
    expect(hls.headers['access-control-allow-origin']).toBe('*');
    expect(hls.body.toString()).toMatch(/^#EXTM3U/);

    const dash = await get(new URL(shown.playback!.dash).pathname);
    expect([dash.status, dash.headers['content-type']]).toEqual([200, 'application/dash+xml']);

    const chunk = await get(`/media/${video.uid}/manifest/${segment}`);
    expect([chunk.status, chunk.headers['content-type']]).toEqual([200, 'video/iso.segment']);
    expect(chunk.headers['cache-control']).toContain('immutable');
    expect(chunk.body.equals(fs.readFileSync(path.join(folder, 'manifest', segment)))).toBe(true);

    const expected: [string, string][] = [
      [new URL(shown.downloads!.default).pathname, 'video/mp4'],
      [new URL(shown.thumbnail!).pathname, 'image/jpeg'],
      [`/media/${video.uid}/storyboard/storyboard.jpg`, 'image/jpeg'],
      [`/media/${video.uid}/storyboard/storyboard.vtt`, 'text/vtt; charset=utf-8'],
    ];
    for (const [file, type] of expected) {
      const answer = await get(file);
      expect([file, answer.status, answer.headers['content-type']]).toEqual([file, 200, type]);
    }
  });

  it('serves every file the HLS and DASH manifests name, at the URLs they resolve to', async () => {
    const base = `/media/${video.uid}/manifest/`;
    const text = async (file: string) => (await get(base + file)).body.toString();
    const master = hlsMaster(await text('video.m3u8'));
    const playlists = [...master.variants.map((variant) => variant.uri), ...(master.audio ? [master.audio] : [])];
    const files = new Set<string>(playlists);
    for (const playlist of playlists) {
      const media = hlsMediaFiles(await text(playlist));
      for (const file of [media.init, ...media.segments]) files.add(file);
    }
    for (const names of dashFiles(await text('video.mpd')).values()) for (const file of names) files.add(file);
    expect([...files].filter((file) => file.endsWith('.m4s')).length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const answer = await get(base + file);
      expect([file, answer.status]).toEqual([file, 200]);
      expect(answer.body.equals(fs.readFileSync(path.join(folder, 'manifest', file)))).toBe(true);
    }
  });

  it('answers a byte range with 206 and exactly those bytes, and an impossible one with 416', async () => {
    const bytes = fs.readFileSync(path.join(folder, 'downloads', 'default.mp4'));
    const part = await get(`/media/${video.uid}/downloads/default.mp4`, { Range: 'bytes=1000-4999' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-4999/${bytes.length}`);
    expect(part.body.equals(bytes.subarray(1000, 5000))).toBe(true);
    const head = await rawRequest(served.url, `/media/${video.uid}/downloads/default.mp4`, { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.headers['accept-ranges']]).toEqual([
      200,
      String(bytes.length),
      'bytes',
    ]);
    const beyond = await get(`/media/${video.uid}/downloads/default.mp4`, { Range: `bytes=${bytes.length + 10}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${bytes.length}`);
  });

  it('answers a range of a segment, as players of fMP4 ask, with exactly those bytes', async () => {
    const bytes = fs.readFileSync(path.join(folder, 'manifest', segment));
    const url = `/media/${video.uid}/manifest/${segment}`;
    const part = await get(url, { Range: 'bytes=10-109' });
    expect([part.status, part.headers['content-range']]).toEqual([206, `bytes 10-109/${bytes.length}`]);
    expect(part.body.equals(bytes.subarray(10, 110))).toBe(true);
    const tail = await get(url, { Range: 'bytes=-50' });
    expect(tail.body.equals(bytes.subarray(bytes.length - 50))).toBe(true);
    const beyond = await get(url, { Range: `bytes=${bytes.length}-` });
    expect([beyond.status, beyond.headers['content-range']]).toEqual([416, `bytes */${bytes.length}`]);
    const head = await rawRequest(served.url, url, { method: 'HEAD' });
    expect([head.status, head.headers['content-length']]).toEqual([200, String(bytes.length)]);
  });

  it('serves nothing outside the video folder nor any file that is not an output', async () => {
    fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'not for the web');
    const attempts = [
      `/media/${video.uid}/../../ferry.db`,
      `/media/${video.uid}/manifest/../../../ferry.db`,
      `/media/${video.uid}/manifest/..%2F..%2F..%2Fsecret.txt`,
      `/media/${video.uid}/%2e%2e/%2e%2e/secret.txt`,
      `/media/..%2F..%2Fsecret.txt/x/y`,
      `/media/${video.uid}/manifest`,
      `/media/${video.uid}/manifest/`,
      `/media/${video.uid}/downloads/.hidden.mp4`,
      `/media/${'0'.repeat(32)}/manifest/video.m3u8`,
    ];
    for (const attempt of attempts) {
      const answer = await get(attempt);
      expect([attempt, answer.status]).toEqual([attempt, 404]);
      expect(answer.body.toString()).not.toContain('not for the web');
    }
  });

  it('answers a CORS preflight with the headers players and the SDKs send', async () => {
    const answer = await rawRequest(served.url, `/media/${video.uid}/manifest/video.m3u8`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://player.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-headers']).toMatch(/Range.*Tus-Resumable.*Upload-Creator/s);
    expect(answer.headers['access-control-expose-headers']).toMatch(/Location.*stream-media-id.*Upload-Offset/s);
  });
});

describe('a video with requireSignedURLs', () => {
  beforeAll(() => edit({ requireSignedURLs: true }));
  afterAll(() => edit({ requireSignedURLs: false }));

  it('is refused without a token, with a bad or expired one, and with one for another video', async () => {
    const key = served.context.signingKey;
    const manifest = `/media/${video.uid}/manifest/video.m3u8`;
    expect((await get(manifest)).status).toBe(401);
    expect((await get(`${manifest}?token=nonsense`)).status).toBe(401);
    const expired = signPlaybackToken(key, video.uid, Math.floor(Date.now() / 1000) - 1);
    expect((await get(`/media/${expired}/manifest/video.m3u8`)).status).toBe(401);
    const other = signPlaybackToken(key, 'f'.repeat(32), inAnHour());
    expect((await get(`${manifest}?token=${other}`)).status).toBe(401);
    expect((await get(`/media/${other}/manifest/video.m3u8`)).status).toBe(404);
  });

  it('is served with its token in place of the uid (segments too) or as ?token=', async () => {
    const token = signPlaybackToken(served.context.signingKey, video.uid, inAnHour());
    const manifest = await get(`/media/${token}/manifest/video.m3u8`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers['cache-control']).toMatch(/^private/);
    const chunk = await get(`/media/${token}/manifest/${segment}`);
    expect(chunk.body.equals(fs.readFileSync(path.join(folder, 'manifest', segment)))).toBe(true);
    expect((await get(`/media/${video.uid}/thumbnails/thumbnail.jpg?token=${token}`)).status).toBe(200);
  });
});

describe('a video with allowedOrigins', () => {
  beforeAll(() => edit({ allowedOrigins: ['example.com', '*.partner.test'] }));
  afterAll(() => edit({ allowedOrigins: [] }));

  it('is refused to pages of other sites, by Origin or by Referer', async () => {
    const manifest = `/media/${video.uid}/manifest/video.m3u8`;
    expect((await get(manifest, { Origin: 'https://evil.test' })).status).toBe(403);
    expect((await get(manifest, { Referer: 'https://evil.test/watch' })).status).toBe(403);
    expect((await get(manifest, { Origin: 'https://example.com.evil.test' })).status).toBe(403);
    expect((await get(manifest, { Origin: 'null' })).status).toBe(403);
  });

  it('is served to its sites and to requests that name no page', async () => {
    const manifest = `/media/${video.uid}/manifest/video.m3u8`;
    expect((await get(manifest, { Origin: 'https://example.com' })).status).toBe(200);
    expect((await get(manifest, { Origin: 'https://cdn.partner.test:8443' })).status).toBe(200);
    expect((await get(manifest, { Referer: 'http://example.com/blog/post' })).status).toBe(200);
    expect((await get(manifest)).status).toBe(200);
  });
});
