import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/create-engine';
import { launchChromium } from '../helpers/chromium';
import { playedPast, playInDash, playInHls, writePlayerPage } from '../helpers/player-site';
import * as make from '../helpers/media-fixtures';
import { serveFolder } from '../helpers/static-server';
import { tempDir } from '../helpers/temp-dir';

/** Ferry's HLS output in hls.js and its DASH output in dash.js, in a real Chromium. */
describe('playback in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let uid: string;
  let dataDir: string;

  beforeAll(async () => {
    const media = tempDir();
    // Not tempDir(): that is emptied after each test, and both tests use the site.
    dataDir = fs.mkdtempSync(path.join(path.dirname(media), 'ferry-play-'));
    const engine = createEngine({ dataDir });
    try {
      const source = await make.landscape1080(media, 6);
      const added = await engine.addFiles({ paths: [source], options: { ladder: [720, 360] } });
      uid = added.queued[0]!.uid;
      await engine.run();
      expect((await engine.get({ uid })).status.state).toBe('ready');
    } finally {
      engine.close();
    }
    const site = path.join(dataDir, 'site');
    fs.mkdirSync(site);
    writePlayerPage(site);
    fs.cpSync(path.join(dataDir, 'library', uid), path.join(site, 'video'), { recursive: true });
    server = await serveFolder(site);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('plays the HLS master playlist with hls.js past 2 s', async () => {
    const { page, errors } = await playInHls(browser, server.url, 'video/manifest/video.m3u8');
    expect(await playedPast(page, 2, 20_000)).toBeGreaterThan(2);
    expect(await page.title()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays the DASH manifest with dash.js past 2 s', async () => {
    const { page, errors } = await playInDash(browser, server.url, 'video/manifest/video.mpd');
    expect(await playedPast(page, 2, 20_000)).toBeGreaterThan(2);
    expect(await page.title()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
