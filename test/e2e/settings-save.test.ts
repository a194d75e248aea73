/**
 * The settings save as they change, in Chromium through a real `ferry serve`: a field changed and
 * left at once (before its typing pause) is saved when the screen closes and is there on the way
 * back; a refused value shows its reason beside its own field, with what stays saved; Browser
 * access says this page is served by ferry serve at its address; a download limit typed in the
 * screen holds a real download from a local origin under it. Screenshots go to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/wait-for';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

describe('settings saved as they change, served by ferry serve', () => {
  let app: ServedApp;

  beforeAll(async () => {
    app = await startServedApp('settings-save');
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const go = async (page: Page, screen: 'Queue' | 'Settings') => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen }).click();
    await page.getByRole('link', { name: screen, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
  };

  it('saves a change when the screen is left at once, and shows it on the way back', async () => {
    const { page, problems } = await app.open();
    await go(page, 'Settings');
    const perHost = page.getByRole('spinbutton', { name: 'Downloads at once from one host' });
    await perHost.fill('5');
    // Straight to the queue: no Tab, no pause for the typing to be saved.
    await go(page, 'Queue');
    await until(async () => (await app.served.engine.getSettings()).concurrency.downloadsPerHost === 5);
    await go(page, 'Settings');
    expect(await page.getByRole('spinbutton', { name: 'Downloads at once from one host' }).inputValue()).toBe('5');
    expect(await page.getByRole('button', { name: /^Save/ }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a refused value’s reason beside that field, keeping the saved one', async () => {
    const { page, problems } = await app.open({ viewport: { width: 800, height: 600 } });
    await go(page, 'Settings');
    const downloads = page.getByRole('region', { name: 'Downloads' });
    const limit = downloads.getByRole('spinbutton', { name: 'Download limit (MiB/s)' });
    await limit.fill('0.01');
    await page.keyboard.press('Tab');
    const reason = downloads.getByText(
      'Must be at least 0.0625 MiB/s (64 KiB/s), or empty for no limit. Not saved: no limit stays.',
    );
    await reason.waitFor();
    expect(await limit.getAttribute('aria-invalid')).toBe('true');
    // Beside it: in the same field, just under the box, not at the top or bottom of the screen.
    const [box, said] = [await limit.boundingBox(), await reason.boundingBox()];
    expect(box && said && said.y > box.y && said.y - (box.y + box.height) < 40).toBe(true);
    expect(await page.getByText(/marked below/).count()).toBe(0);
    expect((await app.served.engine.getSettings()).download.maxBytesPerSecond).toBeNull();
    await limit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'settings-refused-800x600.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says Browser access is how this very page is served, at its address', async () => {
    const { page, problems } = await app.open();
    await go(page, 'Settings');
    const access = page.getByRole('region', { name: 'Browser access' });
    const origin = new URL(app.served.signInUrl).origin;
    expect(await access.textContent()).toContain(`this page is served by ferry serve at ${origin}`);
    expect(await access.getByRole('checkbox').count()).toBe(0);
    await access.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'settings-browser-access.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('holds a real download under the limit typed in the screen', async () => {
    const body = fs.readFileSync(await make.noisyMp4(tempDir(), 1));
    const origin = await startOrigin({ '/noisy.mp4': { kind: 'file', body, contentType: 'video/mp4' } });
    try {
      for (const scheme of ['light', 'dark'] as const) {
        const { page } = await app.open({ colorScheme: scheme });
        await go(page, 'Settings');
        await page.getByRole('region', { name: 'Downloads' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(artifactsDir, `settings-downloads-${scheme}.png`) });
        await page.close();
      }
      const { page, problems } = await app.open();
      await go(page, 'Settings');
      const downloads = page.getByRole('region', { name: 'Downloads' });
      // About three seconds for the file, whatever its size.
      const mib = Math.round((body.length / 3 / 1024 ** 2) * 1000) / 1000;
      await downloads.getByRole('spinbutton', { name: 'Download limit (MiB/s)' }).fill(String(mib));
      await page.keyboard.press('Tab');
      await until(async () => (await app.served.engine.getSettings()).download.maxBytesPerSecond !== null);
      const rate = (await app.served.engine.getSettings()).download.maxBytesPerSecond!;

      const started = Date.now();
      const { queued } = await app.served.engine.addLinks({
        links: [{ url: origin.url('/noisy.mp4') }],
        options: { transcode: false },
      });
      const uid = queued[0]!.uid;
      await until(async () => (await app.served.engine.get({ uid })).status.state === 'ready', 120_000);
      const seconds = (Date.now() - started) / 1000;
      // Bounded from below only: what went through the limit, less the quarter second its bucket holds.
      expect(seconds).toBeGreaterThanOrEqual((0.9 * (body.length - rate / 4)) / rate);
      expect(origin.served.bytes.get('/noisy.mp4')).toBeGreaterThanOrEqual(body.length);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await origin.close();
    }
  }, 180_000);
});
