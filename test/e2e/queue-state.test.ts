/**
 * The queue's state, end to end: the UI from a real `ferry serve` over a real engine, in
 * Chromium, with links from a loopback origin that trickles its files. "Pause all" shows a banner
 * above the list with Resume, and the rows say the queue is paused (they said "Queued" beside
 * grey footer text); "Stop after current" can be undone with Keep going; a paused download keeps
 * its bar and bytes (it showed "6.5 MiB"); the current batch's bar moves as its videos end.
 * Screenshots: test-artifacts/queue-paused-{light,dark-800}.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { seriousAxeFindings } from './support/axe-findings';
import { rowOf } from './support/queue-rows';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

/** A download this slow takes about a minute: time to pause it, look, and resume it. */
const trickleSeconds = 60;

describe("the queue's state, in Chromium", () => {
  let app: ServedApp;
  let origin: Awaited<ReturnType<typeof startOrigin>>;

  beforeAll(async () => {
    app = await startServedApp('queue-state');
    fs.mkdirSync(artifactsDir, { recursive: true });
    const body = fs.readFileSync(await make.standardDefinition43(app.work));
    const trickle = { chunkBytes: Math.ceil(body.length / (trickleSeconds * 10)), everyMs: 100 };
    origin = await startOrigin({
      '/alpha.avi': { kind: 'file', body, contentType: 'video/x-msvideo', trickle },
      '/beta.avi': { kind: 'file', body, contentType: 'video/x-msvideo', trickle },
      '/gamma.avi': { kind: 'file', body, contentType: 'video/x-msvideo', trickle },
    });
    const { engine } = app.served;
    await engine.setSettings({ concurrency: { downloads: 2, downloadsPerHost: 2, transcodes: 1, deliveries: 3 } });
    for (const name of ['alpha', 'beta', 'gamma']) {
      await engine.addLinks({ links: [{ url: origin.url(`/${name}.avi`), name }] });
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  const lineOf = (page: Page, name: string) => rowOf(page, name).locator('.progress-line').textContent();
  const percentOf = async (page: Page, name: string) =>
    Number((await rowOf(page, name).getByRole('progressbar').getAttribute('aria-valuenow')) ?? -1);
  const banner = (page: Page) => page.locator('.queue-state[role="status"]');
  const batchBar = (page: Page) => page.getByRole('progressbar', { name: 'Batch progress' });

  it('shows a paused queue above the list and in the rows, and resumes from the banner', async () => {
    const { page, problems } = await app.open({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    for (const name of ['alpha', 'beta'])
      await expect.poll(() => percentOf(page, name), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await lineOf(page, 'gamma')).toBe('Queued');
    expect(await batchBar(page).getAttribute('aria-valuetext')).toBe('0 of 3 videos');

    await page.getByRole('button', { name: 'Pause all' }).click();
    await expect.poll(() => banner(page).textContent()).toContain('Queue paused — nothing new starts.');
    // The rows say why they wait; the downloads stopped part-way keep their bar and bytes.
    for (const name of ['alpha', 'beta', 'gamma']) {
      await expect.poll(() => lineOf(page, name)).toMatch(/^Queued · queue paused/);
    }
    expect(await percentOf(page, 'alpha')).toBeGreaterThan(0);
    expect(await rowOf(page, 'alpha').locator('.speed').textContent()).toMatch(
      /^[\d.]+( [KM]iB)? of [\d.]+ [KM]iB, \d+%$/,
    );
    await page.screenshot({ path: path.join(artifactsDir, 'queue-paused-light.png') });
    expect(await seriousAxeFindings(page)).toEqual([]);

    await banner(page).getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => banner(page).count()).toBe(0);
    await expect.poll(() => lineOf(page, 'alpha'), { timeout: 30_000 }).toMatch(/^Downloading/);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps a paused download’s bar and bytes', async () => {
    const { page, problems } = await app.open({ viewport: { width: 800, height: 600 }, colorScheme: 'dark' });
    await expect.poll(() => percentOf(page, 'alpha'), { timeout: 30_000 }).toBeGreaterThan(0);
    await rowOf(page, 'alpha').getByRole('button', { name: 'Pause alpha' }).click();
    await expect.poll(() => rowOf(page, 'alpha').locator('.video-state').textContent()).toBe('Paused');
    const pct = await percentOf(page, 'alpha');
    expect(pct).toBeGreaterThan(0);
    expect(await rowOf(page, 'alpha').getByRole('progressbar').getAttribute('aria-label')).toBe(`Paused ${pct}%`);
    expect(await rowOf(page, 'alpha').locator('.speed').textContent()).toMatch(/ of /);
    await page.screenshot({ path: path.join(artifactsDir, 'queue-paused-dark-800.png') });
    expect(await seriousAxeFindings(page)).toEqual([]);

    await rowOf(page, 'alpha').getByRole('button', { name: 'Resume alpha' }).click();
    // Both download slots went to the others meanwhile: it waits its turn, its bar and bytes kept.
    await expect.poll(() => rowOf(page, 'alpha').locator('.video-state').textContent()).toBe('Queued');
    expect(await percentOf(page, 'alpha')).toBeGreaterThanOrEqual(pct);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('undoes "Stop after current" with Keep going, and the batch bar moves as videos end', async () => {
    const { page, problems } = await app.open();
    await page.getByRole('button', { name: 'Stop after current' }).click();
    await expect.poll(() => banner(page).textContent()).toContain('Stops after the current videos');
    await banner(page).getByRole('button', { name: 'Keep going' }).click();
    await expect.poll(() => banner(page).count()).toBe(0);
    expect((await app.served.engine.totals()).queue.stopAfterCurrent).toBe(false);
    expect(await page.getByRole('button', { name: 'Stop after current' }).isEnabled()).toBe(true);

    const width = () =>
      batchBar(page)
        .locator('.bar-fill')
        .evaluate((fill) => fill.getBoundingClientRect().width);
    expect(await width()).toBe(0);
    await rowOf(page, 'beta').getByRole('button', { name: 'Cancel beta' }).click();
    await expect.poll(() => batchBar(page).getAttribute('aria-valuetext')).toBe('1 of 3 videos');
    expect(await width()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
