import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaSegments } from '../../electron/engine/media/write-hls-master';
import * as make from '../helpers/media-fixtures';
import { until } from '../helpers/wait-for';
import { startServedApp, type ServedApp } from './support/serve-app';

/**
 * Progressive publishing as a producer sees it through `ferry serve`: a 1080p ladder still being
 * encoded is offered for Play, plays in the app's player (hls.js in Chromium) from the start,
 * and keeps playing past the segments that did not exist yet when it started.
 */
describe('playing a video while it is still encoded', () => {
  let app: ServedApp;
  let source: string;

  beforeAll(async () => {
    app = await startServedApp('play-encoding');
    const media = path.join(app.work, 'media');
    fs.mkdirSync(media);
    // Long enough, and a five-rung ladder heavy enough, that the encode outlasts the player's start.
    source = await make.landscape1080(media, 10);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  /** Seconds listed in the longest of the live media playlists, and whether any claims to be complete. */
  function livePlaylists(uid: string): { seconds: number; ended: boolean } {
    const folder = path.join(app.work, 'data', 'library', `${uid}.live`, 'manifest');
    const texts = fs.existsSync(folder)
      ? fs
          .readdirSync(folder)
          .filter((name) => /^media_\d+\.m3u8$/.test(name))
          .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'))
      : [];
    const seconds = Math.max(0, ...texts.map((t) => mediaSegments(t).reduce((sum, s) => sum + s.duration, 0)));
    return { seconds, ended: texts.some((t) => t.includes('#EXT-X-ENDLIST')) };
  }

  it('offers Play once playable and plays on past the segments written after it started', async () => {
    const { engine } = app.served;
    const { page, problems } = await app.open();
    const added = await engine.addFiles({ paths: [source], options: {} });
    const uid = added.queued[0]!.uid;

    await page.getByRole('link', { name: /^Play / }).click({ timeout: 60_000 });
    const player = page.locator('video.video-element');
    await until(async () => (await player.evaluate((v: HTMLVideoElement) => v.currentTime)) > 0, 60_000);

    // The moment playback started: still encoding, and the live playlists not final.
    const started = await engine.get({ uid });
    const live = livePlaylists(uid);
    expect(started.status.state).toBe('inprogress');
    expect(started.playable).toBe(true);
    expect(live.ended).toBe(false);
    expect(live.seconds).toBeGreaterThan(0);
    expect(live.seconds).toBeLessThan(10);

    // Over the Cloudflare API: readyToStream as Cloudflare says it, the state still in progress,
    // and the playback URLs answering the growing playlists, never cached.
    const { served } = app;
    const answer = await fetch(`${served.apiBase}/${uid}`, { headers: { Authorization: `Bearer ${served.token}` } });
    const { result } = (await answer.json()) as {
      result: { readyToStream: boolean; status: { state: string }; playback: { hls: string; dash: string } };
    };
    expect(result).toMatchObject({ readyToStream: true, status: { state: 'inprogress' } });
    const master = await fetch(result.playback.hls);
    expect(master.status).toBe(200);
    expect(master.headers.get('cache-control')).toBe('no-cache');
    const rendition = await fetch(new URL('media_0.m3u8', result.playback.hls));
    const text = await rendition.text();
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
    expect(text).not.toContain('#EXT-X-ENDLIST');
    expect(await (await fetch(result.playback.dash)).text()).toContain('type="dynamic"');

    // Later segments play as they come (and, when the ladder is done, from the finished folder).
    await until(async () => (await player.evaluate((v: HTMLVideoElement) => v.currentTime)) > live.seconds + 1, 90_000);
    await until(async () => (await engine.get({ uid })).status.state === 'ready', 90_000);
    expect(fs.existsSync(path.join(app.work, 'data', 'library', `${uid}.live`))).toBe(false);
    expect(problems).toEqual([]);
  }, 240_000);
});
