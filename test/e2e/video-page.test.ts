/**
 * A video's page in Chromium, from a real `ferry serve` over a real engine: a video downloaded
 * from a loopback origin and transcoded plays from the local HLS through hls.js, its timeline shows
 * the storyboard's tiles under the pointer and from the keyboard; a link that answers 404 shows
 * the plain explanation and Retry. axe-core finds no serious or critical violation on either page.
 * Screenshots go to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VideoState } from '../../shared/video-states';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { until } from '../helpers/wait-for';
import { seriousAxeFindings } from './support/axe-findings';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

/** A VTT time (`00:00:04.000`) in seconds. */
const vttTime = (text: string): number => text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);

/** Six seconds of test picture and tone, small, so the transcode is quick and the storyboard has tiles. */
async function sixSeconds(dir: string): Promise<string> {
  const out = path.join(dir, 'six-seconds.mp4');
  await make.ff([
    ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25:d=6'],
    ...['-f', 'lavfi', '-i', 'sine=f=440:sample_rate=48000:d=6'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out],
  ]);
  return out;
}

describe("a video's page, served by ferry serve", () => {
  let app: ServedApp;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let readyUid: string;
  let failedUid: string;
  let portraitUid: string;

  const stateOf = async (uid: string): Promise<VideoState> => (await app.served.engine.get({ uid })).status.state;

  async function openVideo(uid: string, colorScheme?: 'dark'): Promise<{ page: Page; problems: string[] }> {
    const opened = await app.open({ viewport: { width: 1100, height: 900 }, ...(colorScheme ? { colorScheme } : {}) });
    await opened.page.evaluate((hash) => (window.location.hash = hash), `#/video/${uid}`);
    await opened.page.locator('.video-title').waitFor();
    return opened;
  }

  beforeAll(async () => {
    app = await startServedApp('video-page');
    fs.mkdirSync(artifactsDir, { recursive: true });
    const source = await sixSeconds(app.work);
    const portrait = path.join(app.work, 'portrait.mp4');
    await make.ff([
      ...['-f', 'lavfi', '-i', 'testsrc2=s=360x640:r=25:d=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', portrait],
    ]);
    origin = await startOrigin({
      '/talk.mp4': { kind: 'file', body: fs.readFileSync(source), contentType: 'video/mp4' },
      '/gone.mp4': { kind: 'status', status: 404 },
      '/portrait.mp4': { kind: 'file', body: fs.readFileSync(portrait), contentType: 'video/mp4' },
    });
    const { queued } = await app.served.engine.addLinks({
      links: [
        { url: origin.url('/talk.mp4'), meta: { name: 'talk' } },
        { url: origin.url('/gone.mp4'), meta: { name: 'gone' } },
        { url: origin.url('/portrait.mp4'), meta: { name: 'portrait' } },
      ],
      options: { ladder: [360] },
    });
    [readyUid, failedUid, portraitUid] = queued.map((v) => v.uid) as [string, string, string];
    // Ends (either way) well before the limit: a wrong end state fails the test with its name.
    await until(async () => ['ready', 'error'].includes(await stateOf(readyUid)), 120_000);
    await until(async () => (await stateOf(failedUid)) === 'error', 60_000);
    await until(async () => ['ready', 'error'].includes(await stateOf(portraitUid)), 120_000);
    expect(await stateOf(readyUid)).toBe('ready');
    expect(await stateOf(portraitUid)).toBe('ready');
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  it("fits a portrait video's player to the window: Play and the timeline stay on screen at 1280×800 and 800×600", async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 800, height: 600 },
    ]) {
      const { page, problems } = await app.open({ viewport });
      await page.evaluate((hash) => (window.location.hash = hash), `#/video/${portraitUid}`);
      const play = page.locator('.play-button');
      await play.waitFor();
      await expect
        .poll(() => page.locator('.video-element').evaluate((video: HTMLVideoElement) => video.videoHeight))
        .toBeGreaterThan(0);
      for (const control of [play, page.locator('.timeline-range')]) {
        const box = await control.boundingBox();
        expect(box, `${viewport.width}×${viewport.height}`).not.toBeNull();
        expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
        expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      }
      const picture = await page.locator('.video-element').boundingBox();
      expect(picture!.height).toBeLessThan(viewport.height);
      await page.screenshot({
        path: path.join(artifactsDir, `video-page-portrait-${viewport.width}x${viewport.height}.png`),
      });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('plays the local HLS, and shows storyboard tiles over the timeline under the pointer and from the keyboard', async () => {
    const { page, problems } = await openVideo(readyUid);
    expect(await page.locator('.video-title').textContent()).toBe('talk');
    await expect.poll(() => page.locator('.video-state').textContent()).toBe('Ready');
    const details = page.getByRole('region', { name: 'Details' });
    expect(await details.textContent()).toContain('Picture640×360');
    expect(await page.getByRole('table', { name: 'Renditions' }).textContent()).toContain('640×360');

    await page.getByRole('button', { name: 'Play' }).click();
    const played = () => page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);
    await expect.poll(played, { timeout: 20_000, interval: 250 }).toBeGreaterThan(1);
    // hls.js, not the MP4: Media Source Extensions feed the element from a blob: URL.
    expect(await page.evaluate(() => document.querySelector('video')?.src ?? '')).toMatch(/^blob:/);
    await page.getByRole('button', { name: 'Pause' }).click();

    // The tiles the engine wrote, as the page should place them.
    const vttUrl = `${app.served.baseUrl}/media/${readyUid}/storyboard/storyboard.vtt`;
    const vtt = await (await fetch(vttUrl)).text();
    const tiles = [...vtt.matchAll(/(\S+) --> (\S+)\n(\S+)#xywh=(\d+),(\d+),(\d+),(\d+)/g)];
    expect(tiles.length).toBeGreaterThan(1);

    const timeline = page.locator('.timeline');
    const box = (await timeline.boundingBox())!;
    const tile = page.locator('.storyboard-tile');
    // Near the end: the last tile.
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2);
    await tile.waitFor();
    const last = tiles.at(-1)!;
    const style = () =>
      tile.evaluate((el) => ({
        image: getComputedStyle(el).backgroundImage,
        position: getComputedStyle(el).backgroundPosition,
        width: getComputedStyle(el).width,
      }));
    expect(await style()).toEqual({
      image: `url("${app.served.baseUrl}/media/${readyUid}/storyboard/storyboard.jpg")`,
      position: `${-Number(last[4])}px ${-Number(last[5])}px`,
      width: `${last[6]}px`,
    });
    // The sprite loads: the preview shows a picture, not a blank box.
    const sprite = await fetch(`${app.served.baseUrl}/media/${readyUid}/storyboard/storyboard.jpg`);
    expect(sprite.headers.get('content-type')).toBe('image/jpeg');
    await page.screenshot({ path: path.join(artifactsDir, 'video-page.png') });
    await page.mouse.move(0, 0);
    await expect.poll(() => tile.count()).toBe(0);

    // From the keyboard: Home, then an arrow moves the thumb 5 s, and the preview follows it.
    const seek = page.getByRole('slider', { name: 'Seek' });
    await seek.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.timeline-preview-time').textContent()).toBe('0:00');
    expect(await style()).toMatchObject({ position: '0px 0px' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.timeline-preview-time').textContent()).toBe('0:05');
    await expect.poll(played).toBeCloseTo(5, 0);
    const at5 = tiles.find((t) => vttTime(t[1]!) <= 5 && 5 < vttTime(t[2]!))!;
    expect(await style()).toMatchObject({ position: `${-Number(at5[4])}px ${-Number(at5[5])}px` });

    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('explains a link that answers 404 in plain words, with Retry and why it will fail again', async () => {
    const { page, problems } = await openVideo(failedUid);
    const panel = page.getByRole('region', { name: 'What went wrong' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('The server the link points at has no file there');
    expect(await panel.textContent()).toContain('a retry fails again unless the file is put back');
    expect(await page.getByRole('list', { name: 'History' }).textContent()).toContain('→ Failed');
    await page.screenshot({ path: path.join(artifactsDir, 'video-page-error.png') });
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Retry' }).click();
    // The engine took it back from the error (it will fail the same way again, as the link still answers 404).
    const retried = async () =>
      (await app.served.engine.history({ uid: failedUid })).some((e) => e.type === 'state' && e.data.from === 'error');
    await expect.poll(retried, { timeout: 30_000, interval: 250 }).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('has no serious accessibility problem in the dark theme either', async () => {
    for (const uid of [readyUid, failedUid]) {
      const { page, problems } = await openVideo(uid, 'dark');
      await page.getByRole('heading', { name: 'History' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      if (uid === readyUid) await page.screenshot({ path: path.join(artifactsDir, 'video-page-dark.png') });
      expect(await seriousAxeFindings(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('says so for a video that does not exist, with a way back to the queue', async () => {
    const { page } = await app.open();
    await page.evaluate(() => (window.location.hash = `#/video/${'0'.repeat(32)}`));
    await page.getByRole('heading', { name: 'No such video' }).waitFor();
    await page.getByRole('link', { name: 'See the videos in the queue' }).click();
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/');
    await page.close();
  });
});
