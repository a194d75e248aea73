/**
 * In and out points on a video's page in Chromium, through a real `ferry serve` and engine: set
 * by keyboard (I at the player's time, an arrow on the focused out handle), shown as sliders
 * whose values read as times, applied: the video is transcoded again, and its MP4 (ffprobe) is
 * the part kept, to a frame. Screenshots at 1280×800 and 800×600 go to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorAt, colorSteps, videoFrames } from '../helpers/color-steps';
import { until } from '../helpers/wait-for';
import { seriousAxeFindings } from './support/axe-findings';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

describe('trimming on the video page', () => {
  let app: ServedApp;
  let uid: string;

  const videoOf = () => app.served.engine.get({ uid });

  async function openVideo(viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
    const opened = await app.open({ viewport });
    await opened.page.evaluate((hash) => (window.location.hash = hash), `#/video/${uid}`);
    await opened.page.getByRole('group', { name: 'Trim' }).waitFor();
    // The player knows the length: the out handle sits at the end.
    await expect
      .poll(() => opened.page.getByRole('slider', { name: 'Out point' }).getAttribute('aria-valuenow'))
      .not.toBe('0');
    // The storyboard's tiles in the strip (fetched after the page).
    await opened.page.locator('.trim-strip-tile').first().waitFor();
    return opened;
  }

  beforeAll(async () => {
    app = await startServedApp('trim');
    fs.mkdirSync(artifactsDir, { recursive: true });
    const source = await colorSteps(app.work, ['red', 'green', 'blue', 'white', 'red', 'green'], 50);
    const { queued } = await app.served.engine.addFiles({ paths: [source], options: { ladder: [180] } });
    uid = queued[0]!.uid;
    await until(async () => ['ready', 'error'].includes((await videoOf()).status.state), 120_000);
    expect((await videoOf()).status.state).toBe('ready');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('sets the points by keyboard, applies them, and the MP4 made again is that part', async () => {
    const { page, problems } = await openVideo({ width: 1280, height: 800 });
    const inPoint = page.getByRole('slider', { name: 'In point' });
    const outPoint = page.getByRole('slider', { name: 'Out point' });
    const length = Number(await outPoint.getAttribute('aria-valuenow'));
    expect(length).toBeGreaterThan(5.9);

    // The player at 1 s (as if played there), Play focused: I sets the in point there.
    await page.evaluate(() => {
      const video = document.querySelector('video')!;
      video.currentTime = 1;
    });
    await expect.poll(() => page.locator('.player-time').textContent()).toMatch(/^0:01 \//);
    await page.getByRole('button', { name: 'Play' }).focus();
    await page.keyboard.press('i');
    expect(await inPoint.getAttribute('aria-valuenow')).toBe('1');
    expect(await inPoint.getAttribute('aria-valuetext')).toMatch(/^0:01 of 0:0[56]/);

    // The out handle focused: an arrow takes it a second back.
    await outPoint.focus();
    const end = Number(await outPoint.getAttribute('aria-valuenow'));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // Alt: one frame (25 fps, the ladder playlist's FRAME-RATE).
    await page.keyboard.press('Alt+ArrowLeft');
    const out = Number(await outPoint.getAttribute('aria-valuenow'));
    expect(out).toBeCloseTo(end - 2.04, 2);
    const summary = page.locator('.trim-summary');
    expect(await summary.textContent()).toContain('trimmed duration');

    await page.screenshot({ path: path.join(artifactsDir, 'trim-timeline-1280x800.png') });
    expect(await seriousAxeFindings(page, '.trim-bar')).toEqual([]);
    const small = await openVideo({ width: 800, height: 600 });
    await small.page.getByRole('slider', { name: 'In point' }).focus();
    await small.page.keyboard.press('ArrowRight');
    expect(await small.page.locator('.trim-summary').textContent()).toMatch(
      /^0:01 – 0:06(\.\d+)? · trimmed duration 0:05/,
    );
    // Dragged: the out handle to the middle of the strip.
    const outHandle = small.page.getByRole('slider', { name: 'Out point' });
    await outHandle.scrollIntoViewIfNeeded();
    const strip = (await small.page.locator('.trim-track').boundingBox())!;
    const handleBox = (await outHandle.boundingBox())!;
    await small.page.mouse.move(handleBox.x + handleBox.width / 2, handleBox.y + handleBox.height / 2);
    await small.page.mouse.down();
    await small.page.mouse.move(strip.x + strip.width / 2, strip.y + strip.height / 2, { steps: 5 });
    await small.page.mouse.up();
    const dragged = Number(await outHandle.getAttribute('aria-valuenow'));
    expect(Math.abs(dragged - length / 2)).toBeLessThan(0.1);
    await small.page.getByRole('group', { name: 'Trim' }).scrollIntoViewIfNeeded();
    await small.page.screenshot({ path: path.join(artifactsDir, 'trim-timeline-800x600.png') });
    const trimBox = (await small.page.getByRole('group', { name: 'Trim' }).boundingBox())!;
    expect(trimBox.x + trimBox.width).toBeLessThanOrEqual(800);
    expect(small.problems).toEqual([]);
    await small.page.close();

    await page.getByRole('button', { name: 'Apply' }).click();
    await until(async () => (await videoOf()).trim !== null, 10_000);
    const asked = (await videoOf()).trim!;
    expect(asked.start).toBe(1);
    expect(asked.end).toBeCloseTo(out, 3);
    await until(async () => {
      const video = await videoOf();
      return video.status.state === 'ready' && Math.abs(video.duration - (asked.end - asked.start)) < 0.001;
    }, 120_000);
    const mp4 = (await videoOf()).downloads!.default;
    const { duration } = await videoFrames(mp4);
    // One frame at 25 fps either way.
    expect(Math.abs(duration - (asked.end - asked.start))).toBeLessThanOrEqual(0.04);
    expect(await colorAt(mp4, 0)).toBe('green');
    // Opened again, the page's handles span the new, shorter video.
    const again = await openVideo({ width: 1280, height: 800 });
    const newEnd = Number(await again.page.getByRole('slider', { name: 'Out point' }).getAttribute('aria-valuenow'));
    expect(Math.abs(newEnd - (asked.end - asked.start))).toBeLessThanOrEqual(0.05);
    expect(again.problems).toEqual([]);
    await again.page.close();
    expect(problems).toEqual([]);
    await page.close();
  });
});
