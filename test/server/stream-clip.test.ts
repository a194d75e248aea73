/**
 * Cloudflare Stream's clip API over real HTTP on `ferry serve`: `POST …/stream/clip` with
 * `clippedFromVideoUID`, `startTimeSeconds` and `endTimeSeconds` makes a new video that is that
 * part of a ready one (here cut from its MP4: the link's original is dropped once ready), cut to
 * the frame, also through the official SDK's `stream.clip.create`; an end past the video's length
 * is refused with Cloudflare's own words.
 */
import Cloudflare from 'cloudflare';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { colorAt, colorSteps, videoFrames } from '../helpers/color-steps';
import { serveFolder } from '../helpers/static-server';
import { tempDir } from '../helpers/temp-dir';
import { pollVideo, serve } from './stream-fixture';

const stream = '/client/v4/accounts/acct-1/stream';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const isReady = (video: Record<string, unknown>) => (video.status as { state: string }).state === 'ready';

describe('a clip over the API', () => {
  it('is a new video of the part asked for, and an end past the video is refused', async () => {
    const media = tempDir();
    const source = await colorSteps(media, ['red', 'green', 'blue', 'white'], 50);
    const origin = await serveFolder(media);
    cleanups.push(() => origin.close());
    const api = await serve({ allowPrivateNetworks: true });
    const copied = await api.call('POST', `${stream}/copy`, { url: `${origin.url}${path.basename(source)}` });
    const parent = (copied.json.result as { uid: string }).uid;
    await pollVideo(api, `${stream}/${parent}`, isReady);

    const clipped = await api.call('POST', `${stream}/clip`, {
      clippedFromVideoUID: parent,
      startTimeSeconds: 1,
      endTimeSeconds: 3,
      meta: { name: 'The green and blue' },
      creator: 'editor-1',
    });
    expect(clipped.status).toBe(200);
    expect(clipped.json).toMatchObject({ success: true, errors: [] });
    const clip = clipped.json.result as Record<string, unknown> & { uid: string };
    expect(clip).toMatchObject({
      clippedFromVideoUID: parent,
      clippedFrom: parent,
      startTimeSeconds: 1,
      endTimeSeconds: 3,
      meta: { name: 'The green and blue' },
      creator: 'editor-1',
      status: { state: 'queued' },
    });
    expect(clip.uid).not.toBe(parent);

    const ready = (await pollVideo(api, `${stream}/${clip.uid}`, isReady)) as {
      duration: number;
      downloads: { default: string };
    };
    expect(ready.duration).toBeCloseTo(2, 2);
    const mp4 = path.join(tempDir(), 'clip.mp4');
    const response = await fetch(ready.downloads.default);
    fs.writeFileSync(mp4, Buffer.from(await response.arrayBuffer()));
    expect((await videoFrames(mp4)).frames).toBe(50);
    expect(await colorAt(mp4, 0)).toBe('green');
    expect(await colorAt(mp4, 1.95)).toBe('blue');

    // The official SDK's clip call takes the answer as Cloudflare's.
    const client = new Cloudflare({
      apiToken: api.server.token,
      baseURL: `${api.server.baseUrl}/client/v4`,
      maxRetries: 0,
    });
    const viaSdk = await client.stream.clip.create({
      account_id: 'acct-1',
      clippedFromVideoUID: parent,
      startTimeSeconds: 0,
      endTimeSeconds: 2,
    });
    expect(viaSdk).toMatchObject({
      clippedFromVideoUID: parent,
      startTimeSeconds: 0,
      endTimeSeconds: 2,
      status: { state: 'queued' },
    });

    const tooLong = await api.call('POST', `${stream}/clip`, {
      clippedFromVideoUID: parent,
      startTimeSeconds: 1,
      endTimeSeconds: 9,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json).toMatchObject({ success: false });
    expect((tooLong.json.errors as { message: string }[])[0]?.message).toMatch(
      /^endTimeSeconds: Requested encoding duration exceeds clip length: 9 s is past the end of the video \(0:04\); give at most 4\.$/,
    );
    const reversed = await api.call('POST', `${stream}/clip`, {
      clippedFromVideoUID: parent,
      startTimeSeconds: 3,
      endTimeSeconds: 1,
    });
    expect((reversed.json.errors as { message: string }[])[0]?.message).toContain(
      'endTimeSeconds: must be after start',
    );
  });
});
