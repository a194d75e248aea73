import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { serveRendererBuild } from './support/renderer-page';

/** A window.ferry for the page, answering envelopes as the preload does: two videos, and an event pushed after the first render. */
const fakeFerryScript = `
  (() => {
    const listeners = { videos: [], removed: [], totals: [], engine: [], settings: [] };
    const base = { created: '2026-11-21T10:00:00Z', modified: '2026-11-21T10:00:00Z', uploaded: null,
      readyToStream: false, readyToStreamAt: null, duration: -1, size: -1, input: { width: -1, height: -1 },
      thumbnail: null, thumbnailTimestampPct: 0, playback: null, downloads: null, maxDurationSeconds: -1,
      maxSizeBytes: -1, scheduledDeletion: null, outputsDeletedAt: null, watermark: null, renditions: [], deliveries: [] };
    const video = (uid, name, state, pct) => ({ ...base, uid: uid.repeat(32), meta: { name },
      status: { state, pctComplete: pct, step: 'fetch' }, source: { kind: 'url', url: 'https://a.test/' + name } });
    const byState = { queued: 1, downloading: 1, inprogress: 0, ready: 0, error: 0, paused: 0, canceled: 0 };
    window.ferry = {
      list: async () => ({ ok: true, value: { videos: [video('b', 'Keynote', 'downloading', 30), video('a', 'Trailer', 'queued', 0)], total: 2 } }),
      totals: async () => ({ ok: true, value: { byState, total: 2, bytesPerSecond: 3 * 1024 * 1024, etaSeconds: 185,
        queue: { paused: false, stopAfterCurrent: false, lowDiskSpace: false },
        batch: { done: 0, total: 2, bytesDone: 0, bytesTotal: 0 } } }),
      on: (event, listener) => { listeners[event].push(listener); return () => {}; },
    };
    window.pushUpdate = () => listeners.videos.forEach((l) => l([video('b', 'Keynote', 'downloading', 80)]));
  })();
`;

describe('the renderer in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveRendererBuild>>;

  beforeAll(async () => {
    // Served with the same CSP the app's window gets, so anything it would block fails here too.
    server = await serveRendererBuild();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the list from window.ferry under the strict CSP, and applies pushed updates', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(fakeFerryScript);
    await page.goto(server.url);

    const rows = page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Keynote');
    expect(await page.getByLabel('Queue totals').textContent()).toContain('2 videos · 1 working · 1 queued');
    expect(await page.getByLabel('Queue totals').textContent()).toContain('3.0 MiB/s · 3m 05s left');
    expect(await rows.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30');

    await page.evaluate(() => (globalThis as unknown as { pushUpdate: () => void }).pushUpdate());
    await expect.poll(() => rows.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('80');
    expect(problems).toEqual([]);
    await page.close();
  });
});
