/**
 * Settings → Encoding in Chromium, from a real `ferry serve` over a real engine: the preset
 * chosen is what the engine stores and `ferry settings transcode.preset` would print, a reload
 * shows it, and a codec the engine's ffmpeg cannot encode would be refused beside the codec.
 * Screenshot: test-artifacts/settings-encoding.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

describe('the encoding settings, served by ferry serve', () => {
  let app: ServedApp;

  beforeAll(async () => {
    app = await startServedApp('encoding-settings');
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('saves the speed and quality preset and the codec in the engine, and shows them after a reload', async () => {
    const { page, problems } = await app.open({ viewport: { width: 1100, height: 900 } });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
    const encoding = page.getByRole('region', { name: 'Encoding' });
    await encoding.getByRole('radio', { name: 'Balanced (x264 veryfast, RF 22)', checked: true }).waitFor();
    await encoding.getByRole('radio', { name: 'Quality (x264 slow, RF 20)' }).check();
    await page.getByText('All changes saved.').waitFor();
    await encoding.getByRole('radio', { name: /HEVC/ }).check();
    await page.getByText('All changes saved.').waitFor();
    expect((await app.served.engine.getSettings()).transcode).toEqual({
      ladder: 'per-title',
      preset: 'quality',
      codec: 'hevc',
    });

    await page.reload();
    const reloaded = page.getByRole('region', { name: 'Encoding' });
    await reloaded.getByRole('radio', { name: 'Quality (x264 slow, RF 20)', checked: true }).waitFor();
    await reloaded.getByRole('radio', { name: /HEVC/, checked: true }).waitFor();
    await reloaded.scrollIntoViewIfNeeded();
    await reloaded.screenshot({ path: path.join(artifactsDir, 'settings-encoding.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
