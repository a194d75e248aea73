/** A folder served to Chromium with the players the tests drive: hls.js, dash.js and a page with one muted video. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './spawn-ts';

export function writePlayerPage(site: string): void {
  fs.copyFileSync(path.join(repoRoot, 'node_modules/hls.js/dist/hls.min.js'), path.join(site, 'hls.js'));
  fs.copyFileSync(
    path.join(repoRoot, 'node_modules/dashjs/dist/modern/umd/dash.all.min.js'),
    path.join(site, 'dash.js'),
  );
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><video id="v" muted playsinline></video>');
}

/** Waits until the page's video has played past `seconds` (bounded), and says where it is. */
export async function playedPast(page: Page, seconds: number, timeoutMs = 30_000): Promise<number> {
  const currentTime = () =>
    page.evaluate(() => (globalThis as unknown as PlayerWindow).document.getElementById('v').currentTime);
  await expect.poll(currentTime, { timeout: timeoutMs, interval: 250 }).toBeGreaterThan(seconds);
  return currentTime();
}

/** What the tests touch of the player page, described here since this file has no DOM types. */
type PlayerVideo = { play(): Promise<void>; currentTime: number; dataset: Record<string, string | undefined> };
type PlayerWindow = {
  document: { title: string; getElementById(id: 'v'): PlayerVideo };
  Hls: new () => {
    loadSource(url: string): void;
    attachMedia(video: PlayerVideo): void;
    on(
      event: string,
      listener: (event: string, data: { fatal?: boolean; details?: string; level?: number }) => void,
    ): void;
    levels: { videoCodec?: string }[];
  };
  dashjs: {
    MediaPlayer(): {
      create(): {
        initialize(video: PlayerVideo, url: string, autoplay: boolean): void;
        on(event: string, listener: (event: { error?: { message?: string } }) => void): void;
      };
    };
  };
};

export interface PlayerPage {
  page: Page;
  /** The page's uncaught errors, as they come. */
  errors: string[];
}

async function openPlayer(browser: Browser, siteUrl: string, script: 'hls.js' | 'dash.js'): Promise<PlayerPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(siteUrl);
  await page.addScriptTag({ url: `${siteUrl}${script}` });
  return { page, errors };
}

/**
 * Plays `manifest` (relative to the site) in hls.js: a fatal error becomes the page's title, and
 * the codec of the level it plays is kept in the video's `data-codec`.
 */
export async function playInHls(browser: Browser, siteUrl: string, manifest: string): Promise<PlayerPage> {
  const player = await openPlayer(browser, siteUrl, 'hls.js');
  await player.page.evaluate((url) => {
    const page = globalThis as unknown as PlayerWindow;
    const video = page.document.getElementById('v');
    const hls = new page.Hls();
    hls.on('hlsError', (_event, data) => {
      if (data.fatal) page.document.title = `error: ${data.details}`;
    });
    hls.on('hlsLevelSwitched', (_event, data) => {
      video.dataset.codec = hls.levels[data.level ?? -1]?.videoCodec ?? '';
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    void video.play();
  }, manifest);
  return player;
}

/** Plays `manifest` (relative to the site) in dash.js: an error becomes the page's title. */
export async function playInDash(browser: Browser, siteUrl: string, manifest: string): Promise<PlayerPage> {
  const player = await openPlayer(browser, siteUrl, 'dash.js');
  await player.page.evaluate((url) => {
    const page = globalThis as unknown as PlayerWindow;
    const dash = page.dashjs.MediaPlayer().create();
    dash.on('error', (event) => {
      page.document.title = `error: ${event.error?.message ?? 'unknown'}`;
    });
    dash.initialize(page.document.getElementById('v'), url, true);
  }, manifest);
  return player;
}
