/**
 * A ladder whose top rendition is the source's video copied, in a real Chromium with hls.js: it
 * plays on the copied rendition, then switches down to an encoded one and plays on, as segments
 * that line up across renditions allow.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/create-engine';
import { launchChromium } from '../helpers/chromium';
import { writePlayerPage } from '../helpers/player-site';
import * as make from '../helpers/media-fixtures';
import { serveFolder } from '../helpers/static-server';
import { tempDir } from '../helpers/temp-dir';

describe('a passthrough ladder in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let site: string;

  beforeAll(async () => {
    const media = tempDir();
    site = fs.mkdtempSync(path.join(path.dirname(media), 'ferry-passthrough-site-'));
    const source = path.join(media, 'eligible.mp4');
    await make.ff([
      ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=30:d=8', '-f', 'lavfi', '-i', 'sine=d=8:sample_rate=48000'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-b:v', '400k', '-maxrate', '600k'],
      ...['-bufsize', '800k', '-g', '30', '-keyint_min', '30', '-sc_threshold', '0'],
      ...['-c:a', 'aac', '-ac', '2', '-shortest', source],
    ]);
    const dataDir = tempDir();
    const engine = createEngine({ dataDir });
    try {
      const uid = (await engine.addFiles({ paths: [source], options: { ladder: [360, 240] } })).queued[0]?.uid ?? '';
      await engine.run();
      const video = await engine.get({ uid });
      expect(video.topRendition?.original).toBe(true);
      fs.cpSync(path.join(dataDir, 'library', uid), site, { recursive: true });
    } finally {
      engine.close();
    }
    writePlayerPage(site);
    server = await serveFolder(site);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  const state = (page: Page) =>
    page.evaluate(`(() => {
      const video = document.getElementById('v');
      return { time: video.currentTime, level: window.hls.currentLevel, height: video.videoHeight, error: document.title };
    })()`) as Promise<{ time: number; level: number; height: number; error: string }>;

  it('plays the copied top rendition, then an encoded one after a switch', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.addScriptTag({ url: `${server.url}hls.js` });
    // Levels are ordered by bitrate: the last is the top (copied) rendition.
    await page.evaluate(`(() => {
      const video = document.getElementById('v');
      const hls = new Hls({ startPosition: 0, capLevelToPlayerSize: false });
      window.hls = hls;
      hls.on(Hls.Events.ERROR, (_e, data) => { if (data.fatal) document.title = 'error: ' + data.details; });
      hls.on(Hls.Events.MANIFEST_PARSED, () => { hls.currentLevel = hls.levels.length - 1; });
      hls.loadSource('manifest/video.m3u8');
      hls.attachMedia(video);
      video.play();
    })()`);
    await expect.poll(async () => (await state(page)).time, { timeout: 30_000, interval: 250 }).toBeGreaterThan(1.5);
    expect(await state(page)).toMatchObject({ level: 1, height: 360, error: '' });

    await page.evaluate('window.hls.currentLevel = 0');
    await expect.poll(async () => (await state(page)).height, { timeout: 30_000, interval: 250 }).toBe(240);
    const switchedAt = (await state(page)).time;
    await expect
      .poll(async () => (await state(page)).time, { timeout: 30_000, interval: 250 })
      .toBeGreaterThan(switchedAt + 1);
    expect((await state(page)).error).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
