/** A folder served to Chromium with the players the tests drive: hls.js, dash.js and a page with one muted video. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
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
  // This file is type-checked without the DOM's types: the page's document is described here.
  type PlayerPage = { document: { getElementById(id: 'v'): { currentTime: number } } };
  const currentTime = () =>
    page.evaluate(() => (globalThis as unknown as PlayerPage).document.getElementById('v').currentTime);
  await expect.poll(currentTime, { timeout: timeoutMs, interval: 250 }).toBeGreaterThan(seconds);
  return currentTime();
}
