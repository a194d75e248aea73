/**
 * The providers' own "upload via link" requests, with only the base URL, the token and the link
 * changed: Cloudflare's curl (seed 001) and Omega Stream's request (seed 000) against ferry serve,
 * a real origin on loopback serving a generated video, real ffmpeg; then polled as the docs say
 * until the video is ready, and played: the manifest, a rendition's playlist and a segment.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { solidColor } from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { tempDir } from '../helpers/temp-dir';
import { pollVideo, serve } from './stream-fixture';

const run = promisify(execFile);
const origins: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const origin of origins.splice(0)) await origin.close();
});

/** The first URI of a playlist (a variant, an init segment or a segment), resolved against it. */
async function firstUri(playlistUrl: string): Promise<string> {
  const response = await fetch(playlistUrl);
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text.startsWith('#EXTM3U')).toBe(true);
  const map = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)?.[1];
  const line = map ?? text.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
  if (!line) throw new Error(`no URI in ${playlistUrl}:\n${text}`);
  return new URL(line.trim(), playlistUrl).href;
}

describe("the providers' upload-via-link requests against ferry serve", () => {
  it("Cloudflare's curl and Omega's copy: queued, polled until ready, then played over HTTP", async () => {
    const dir = tempDir();
    const body = fs.readFileSync(await solidColor(dir, 'blue', '320x240', 2));
    const origin = await startOrigin({
      '/Watermarks%20Demo/cf-ad-original.mp4': { kind: 'file', body, contentType: 'video/mp4' },
      '/omega.mp4': { kind: 'file', body, contentType: 'video/mp4', requireHeader: ['user-id', 'id-1234'] },
    });
    origins.push(origin);
    // The origin is on loopback: allowed, as the flag says.
    const api = await serve({ allowPrivateNetworks: true });
    const { baseUrl, token } = api.server;
    const account = '023e105f4ecef8ad9ca31a8372d0c353';
    const link = origin.url('/Watermarks%20Demo/cf-ad-original.mp4');

    // Seed 001, as written: curl -X POST -d '{...}' -H "Authorization: Bearer $TOKEN" .../stream/copy
    const { stdout } = await run('curl', [
      '-s',
      '-X',
      'POST',
      '-d',
      JSON.stringify({ url: link, meta: { name: 'My First Stream Video' } }),
      '-H',
      `Authorization: Bearer ${token}`,
      `${baseUrl}/client/v4/accounts/${account}/stream/copy`,
    ]);
    const copied = JSON.parse(stdout) as { result: { uid: string }; success: boolean };
    expect(copied).toMatchObject({
      success: true,
      errors: [],
      messages: [],
      result: {
        uid: expect.stringMatching(/^[0-9a-f]{32}$/),
        readyToStream: false,
        status: { state: 'queued' },
        meta: { 'downloaded-from': link, name: 'My First Stream Video' },
        allowedOrigins: [],
        requireSignedURLs: false,
        duration: -1,
        input: { width: -1, height: -1 },
        preview: expect.stringContaining(baseUrl),
      },
    });
    // As the SDK types it: a field with no value is left out, never null.
    expect(copied.result).not.toHaveProperty('creator');

    // Seed 000: POST [base_url]/client/video/stream/copy with title, url and headers.
    const omega = await api.call(
      'POST',
      '/client/video/stream/copy',
      { title: 'video', url: origin.url('/omega.mp4'), headers: { 'user-id': 'id-1234' } },
      { 'Content-Type': 'application/json' },
    );
    expect(omega.status).toBe(200);
    expect(omega.type).toContain('application/json');
    expect(omega.json).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      title: 'video',
      status: 'uploaded',
      ready_to_stream: false,
      playback: null,
      meta: { downloaded_from: origin.url('/omega.mp4') },
      storage: expect.any(Object),
    });
    expect(JSON.stringify(omega.json)).not.toContain('id-1234');

    const uid = copied.result.uid;
    const ready = (await pollVideo(
      api,
      `/client/v4/accounts/${account}/stream/${uid}`,
      // readyToStream turns true while the ladder is still encoded (as on Cloudflare); ready is the end.
      (video) => ['ready', 'error'].includes((video.status as { state: string }).state),
    )) as {
      readyToStream: boolean;
      status: unknown;
      playback: { hls: string; dash: string };
      thumbnail: string;
      downloads: { default: string };
    };
    expect(ready.status).toMatchObject({ state: 'ready', pctComplete: '100.000000', ferryState: 'ready' });
    expect(ready.readyToStream).toBe(true);
    const media = `${baseUrl}/media/${uid}`;
    expect(ready.playback).toEqual({ hls: `${media}/manifest/video.m3u8`, dash: `${media}/manifest/video.mpd` });
    expect(ready.thumbnail).toBe(`${media}/thumbnails/thumbnail.jpg`);
    expect(ready.downloads).toEqual({ default: `${media}/downloads/default.mp4` });
    expect(JSON.stringify(ready)).not.toContain(api.dataDir);

    // Played as a player would: master playlist, a rendition's playlist, its first segment.
    const rendition = await firstUri(ready.playback.hls);
    const segment = await firstUri(rendition);
    const bytes = await fetch(segment);
    expect(bytes.status).toBe(200);
    expect((await bytes.arrayBuffer()).byteLength).toBeGreaterThan(0);

    const omegaReady = await pollVideo(
      api,
      `/client/video/stream/${String(omega.json.uuid)}`,
      (video) => video.status === 'ready' || video.status === 'error',
    );
    expect(omegaReady).toMatchObject({
      status: 'ready',
      ready_to_stream: true,
      playback: { hls: expect.stringContaining('/media/') },
    });
    // The headers went to the origin (it answers 401 without them), and are never shown.
    expect(origin.served.requests.some((r) => r.path === '/omega.mp4' && r.headers['user-id'] === 'id-1234')).toBe(
      true,
    );
    expect(JSON.stringify(omegaReady)).not.toContain('id-1234');
  }, 180_000);
});
