/**
 * What a user takes away from a ready video, in Chromium through a real `ferry serve`: the URLs the
 * "Use this video" panel copies answer over HTTP (signed ones too, when the video requires them);
 * its hls.js embed snippet plays in a page of another site; the player's mute, volume, speed,
 * quality and full screen work from the keyboard; the title renames in place; a ready video goes
 * to a TUS target added after it was made (a real TUS server), and again with Deliver again, the
 * history naming the target. axe-core finds nothing serious; screenshots go to test-artifacts/.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-ts';
import * as make from '../helpers/media-fixtures';
import { serveFolder } from '../helpers/static-server';
import { startTusServer, type TusTestServer } from '../helpers/tus-server';
import { until } from '../helpers/wait-for';
import { seriousAxeFindings } from './support/axe-findings';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const hlsJs = path.join(repoRoot, 'node_modules/hls.js/dist/hls.min.js');

describe('Use this video, the player and Deliver to…, served by ferry serve', () => {
  let app: ServedApp;
  let uid: string;
  let tus: TusTestServer | undefined;
  let embedSite: Awaited<ReturnType<typeof serveFolder>> | undefined;

  async function openVideo(
    viewport = { width: 1280, height: 800 },
    colorScheme?: 'dark',
  ): Promise<{ page: Page; problems: string[] }> {
    const opened = await app.open({ viewport, ...(colorScheme ? { colorScheme } : {}) });
    await opened.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.served.baseUrl });
    await opened.page.evaluate((hash) => (window.location.hash = hash), `#/video/${uid}`);
    await opened.page.locator('.video-title').waitFor();
    return opened;
  }

  /** What the Copy button put on the clipboard. */
  async function copied(page: Page, name: string): Promise<string> {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
    return page.evaluate(() => navigator.clipboard.readText());
  }

  beforeAll(async () => {
    app = await startServedApp('use-this-video');
    fs.mkdirSync(artifactsDir, { recursive: true });
    const source = path.join(app.work, 'talk.mp4');
    await make.ff([
      ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25:d=4'],
      ...['-f', 'lavfi', '-i', 'sine=f=440:sample_rate=48000:d=4'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', source],
    ]);
    const { queued } = await app.served.engine.addFiles({
      paths: [source],
      options: { ladder: [360, 240], meta: { name: 'talk' } },
    });
    uid = queued[0]!.uid;
    await until(async () => ['ready', 'error'].includes((await app.served.engine.get({ uid })).status.state), 120_000);
    expect((await app.served.engine.get({ uid })).status.state).toBe('ready');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await tus?.close();
    await embedSite?.close();
  });

  it("copies the media's URLs, which answer over HTTP, and an embed snippet that plays in another site's page", async () => {
    const { page, problems } = await openVideo();
    const panel = page.getByRole('region', { name: 'Use this video' });
    await panel.getByRole('button', { name: 'Copy the HLS URL' }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'use-this-video-1280x800.png') });

    const expected: [string, RegExp][] = [
      ['Copy the HLS URL', /mpegurl/],
      ['Copy the DASH URL', /dash\+xml/],
      ['Copy the MP4 URL', /video\/mp4/],
      ['Copy the Thumbnail URL', /image\/jpeg/],
    ];
    for (const [button, type] of expected) {
      const url = await copied(page, button);
      expect(url.startsWith(`${app.served.baseUrl}/media/${uid}/`), url).toBe(true);
      const answer = await fetch(url);
      expect(answer.status, url).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(type);
    }
    const mp4 = Buffer.from(await (await fetch(await copied(page, 'Copy the MP4 URL'))).arrayBuffer());
    expect(sha256(mp4)).toBe(
      sha256(fs.readFileSync(path.join(app.work, 'data/library', uid, 'downloads/default.mp4'))),
    );

    // The hls.js snippet, pasted into a page of another origin; its CDN script is served from node_modules.
    const snippet = await copied(page, 'Copy the hls.js embed code');
    const site = path.join(app.work, 'site');
    fs.mkdirSync(site, { recursive: true });
    fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html><title>Embed</title><body>${snippet}</body>`);
    embedSite = await serveFolder(site);
    const embed = await app.browser.newPage();
    await embed.route('https://cdn.jsdelivr.net/npm/hls.js@1', (route) =>
      route.fulfill({ path: hlsJs, contentType: 'text/javascript' }),
    );
    await embed.goto(embedSite.url);
    const played = () =>
      embed.evaluate(() => {
        const video = document.querySelector('video');
        if (video && video.paused) {
          video.muted = true;
          void video.play().catch(() => undefined);
        }
        return video?.currentTime ?? 0;
      });
    await expect.poll(played, { timeout: 20_000, interval: 250 }).toBeGreaterThan(0.5);
    // Through hls.js (Media Source Extensions), not the MP4 fallback.
    expect(await embed.evaluate(() => document.querySelector('video')?.src ?? '')).toMatch(/^blob:/);
    await embed.close();

    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('signs the URLs of a video that requires signed URLs: the copied ones answer, the plain ones do not', async () => {
    await app.served.engine.edit({ uid, changes: { requireSignedURLs: true } });
    const { page } = await openVideo();
    await page.getByText(/carry a token and stop working at/).waitFor();
    const url = await copied(page, 'Copy the HLS URL');
    expect(url).not.toContain(`/media/${uid}/`);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(`${app.served.baseUrl}/media/${uid}/manifest/video.m3u8`)).status).toBe(401);
    await app.served.engine.edit({ uid, changes: { requireSignedURLs: false } });
    await page.close();
  });

  it("operates the player's sound, speed, quality and full screen from the keyboard", async () => {
    const { page, problems } = await openVideo();
    const video = <T>(read: (element: HTMLVideoElement) => T) =>
      page.locator('.video-element').evaluate(read as (element: HTMLVideoElement) => T);

    await page.getByRole('slider', { name: 'Volume' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => video((v) => v.volume)).toBeCloseTo(0.95, 5);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => video((v) => v.volume)).toBeCloseTo(0.9, 5);
    await page.getByRole('button', { name: 'Mute' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => video((v) => v.muted)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => video((v) => v.muted)).toBe(false);

    await page.getByRole('combobox', { name: 'Speed' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => video((v) => v.playbackRate)).toBe(1.25);

    // The ladder's two rungs, chosen from the keyboard: the picture becomes 240 lines high.
    const quality = page.getByRole('combobox', { name: 'Quality' });
    await quality.waitFor();
    expect(await quality.locator('option').allTextContents()).toEqual([
      'Auto',
      expect.stringMatching(/^360p · /),
      expect.stringMatching(/^240p · /),
    ]);
    await quality.focus();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => video((v) => v.videoHeight), { timeout: 20_000, interval: 250 }).toBe(240);
    await page.getByRole('button', { name: 'Pause' }).click();

    await page.getByRole('button', { name: 'Full screen' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label') ?? null))
      .toBe('Player');
    await page.screenshot({ path: path.join(artifactsDir, 'video-player-fullscreen.png') });
    await page.getByRole('button', { name: 'Exit full screen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renames the video on its title: F2, a new name, Enter (at 800×600, dark)', async () => {
    const { page, problems } = await openVideo({ width: 800, height: 600 }, 'dark');
    await page.getByRole('button', { name: 'talk' }).focus();
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'Name of the video' }).fill('Keynote 2026');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.video-title').textContent()).toBe('Keynote 2026');
    expect((await app.served.engine.get({ uid })).meta.name).toBe('Keynote 2026');
    await page.screenshot({ path: path.join(artifactsDir, 'video-title-renamed-800x600.png') });
    const panel = page.getByRole('region', { name: 'Use this video' });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'use-this-video-800x600-dark.png') });
    // Nothing of the page is wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('delivers the ready video to a TUS target added after it was ready, and again with Deliver again', async () => {
    tus = await startTusServer();
    await app.served.engine.saveTarget({ name: 'Archive', provider: 'tus', mode: 'push', endpoint: tus.endpoint });
    const { page, problems } = await openVideo();
    const deliveries = page.getByRole('region', { name: 'Deliveries' });
    await deliveries.getByRole('button', { name: 'Deliver to…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deliver to…' });
    await dialog.getByRole('checkbox', { name: /Archive/ }).check();
    await page.screenshot({ path: path.join(artifactsDir, 'deliver-to-dialog-1280x800.png') });
    expect(await seriousAxeFindings(page, '.deliver-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Deliver' }).click();

    const archive = deliveries.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Archive' }) });
    await expect.poll(() => archive.locator('.delivery-state').textContent(), { timeout: 60_000 }).toBe('Ready');
    const library = fs.readFileSync(path.join(app.work, 'data/library', uid, 'downloads/default.mp4'));
    expect(tus.uploads()).toHaveLength(1);
    expect(sha256(tus.file(tus.uploads()[0]!))).toBe(sha256(library));

    await archive.getByRole('button', { name: 'Deliver again to Archive' }).click();
    await until(() => tus!.uploads().length === 2, 60_000);
    await expect.poll(() => archive.locator('.delivery-state').textContent(), { timeout: 60_000 }).toBe('Ready');
    await deliveries.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'deliveries-deliver-again-1280x800.png') });
    const history = page.getByRole('list', { name: 'History' });
    await expect.poll(() => history.getByText('Delivered to Archive').count(), { timeout: 30_000 }).toBe(2);
    expect(await history.textContent()).not.toMatch(/Delivered to [0-9a-f]{16}/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
