/**
 * The queue in Chromium with 10,000 videos, over a window.ferry that answers from memory as the
 * preload would (envelopes) while 50 videos report progress ten times a second: only the rows in
 * view exist, the list is asked for a window at a time, and selecting by keyboard then pausing
 * the selection sends the selected uids. A screenshot is kept in test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { repoRoot } from '../helpers/spawn-ts';
import { serveRendererBuild, watchedPage } from './support/renderer-page';

const artifacts = path.join(repoRoot, 'test-artifacts');

const tenThousandVideos = `
  (() => {
    const listeners = { videos: [], removed: [], totals: [], engine: [], settings: [] };
    const base = { uploaded: null, readyToStream: false, readyToStreamAt: null, duration: -1, size: 50 * 1024 * 1024,
      input: { width: -1, height: -1 }, thumbnail: null, thumbnailTimestampPct: 0, playback: null, downloads: null,
      maxDurationSeconds: -1, maxSizeBytes: -1, scheduledDeletion: null, outputsDeletedAt: null, watermark: null,
      requireSignedURLs: false, allowedOrigins: [], creator: null, renditions: [], deliveries: [] };
    let clock = Date.parse('2026-11-21T10:00:00Z');
    const stamp = () => new Date(clock++).toISOString();
    const videos = Array.from({ length: 10000 }, (_, i) => ({ ...base, uid: String(i).padStart(32, '0'),
      created: stamp(), modified: stamp(), meta: { name: 'video-' + i },
      status: i < 50 ? { state: 'downloading', pctComplete: 0, step: 'fetch', bytesPerSecond: 1048576, etaSeconds: 60 }
                     : { state: 'queued', pctComplete: 0, step: 'fetch' },
      source: { kind: 'url', url: 'https://media.example.test/video-' + i + '.mp4' } }));
    const totals = () => {
      const byState = { queued: 0, downloading: 0, inprogress: 0, ready: 0, error: 0, paused: 0, canceled: 0 };
      videos.forEach((v) => byState[v.status.state]++);
      return { byState, total: videos.length, bytesPerSecond: 50 * 1048576, etaSeconds: 3600,
        queue: { paused: false, stopAfterCurrent: false, lowDiskSpace: false },
        batch: { done: 0, total: videos.length, bytesDone: 0, bytesTotal: 0 } };
    };
    const emit = (event, payload) => listeners[event].forEach((l) => l(payload));
    const ok = (value) => Promise.resolve({ ok: true, value: structuredClone(value) });
    window.calls = [];
    window.ferry = {
      list: (q) => {
        window.calls.push(['list', q]);
        const match = videos.filter((v) => !q.state || v.status.state === q.state);
        return ok({ videos: match.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 1000)), total: match.length });
      },
      totals: () => ok(totals()),
      pause: (selection) => {
        window.calls.push(['pause', selection]);
        const changed = videos.filter((v) => selection.uids.includes(v.uid));
        changed.forEach((v) => { v.status = { state: 'paused', pctComplete: v.status.pctComplete }; v.modified = stamp(); });
        emit('videos', structuredClone(changed));
        emit('totals', totals());
        return ok({ changed: changed.length });
      },
      on: (event, listener) => { listeners[event].push(listener); return () => {}; },
    };
    // The engine's rate: a batch of the 50 working videos' progress ten times a second.
    setInterval(() => {
      const working = videos.filter((v) => v.status.state === 'downloading');
      working.forEach((v) => { v.status = { ...v.status, pctComplete: (v.status.pctComplete + 1) % 100 }; v.modified = stamp(); });
      emit('videos', structuredClone(working));
    }, 100);
  })();
`;

describe('the queue with 10,000 videos in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveRendererBuild>>;

  beforeAll(async () => {
    server = await serveRendererBuild();
    browser = await launchChromium();
    fs.mkdirSync(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openQueue(): Promise<{ page: Page; problems: string[] }> {
    const watched = await watchedPage(browser, { width: 1200, height: 800 });
    await watched.page.addInitScript(tenThousandVideos);
    await watched.page.goto(server.url);
    await watched.page.getByText('video-0', { exact: true }).waitFor();
    return watched;
  }

  const listCalls = (page: Page) =>
    page.evaluate(
      () => (globalThis as unknown as { calls: [string, unknown][] }).calls.filter(([n]) => n === 'list').length,
    );

  it('renders only the rows in view and loads the windows scrolled to, while progress streams in', async () => {
    const { page, problems } = await openQueue();
    const rows = page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
    expect(await rows.count()).toBeLessThan(40);
    expect(await page.getByRole('tab', { name: 'All 10000' }).getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: path.join(artifacts, 'queue-ui.png') });

    const list = page.getByRole('list', { name: 'Videos' });
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page.getByText('video-5000', { exact: true }).waitFor();
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByText('video-9999', { exact: true }).waitFor();
    expect(await rows.count()).toBeLessThan(40);
    expect(await listCalls(page)).toBeLessThan(8);

    // Progress keeps arriving for the first rows; back at the top it shows.
    await list.evaluate((el) => (el.scrollTop = 0));
    const first = rows.filter({ hasText: 'video-0' }).first().getByRole('progressbar');
    const before = Number(await first.getAttribute('aria-valuenow'));
    await expect.poll(async () => Number(await first.getAttribute('aria-valuenow'))).not.toBe(before);

    // Nothing in the row moves while its percentage changes, even when it gains or loses a digit.
    const row = rows.filter({ hasText: 'video-0' }).first();
    const layout = () =>
      row.evaluate((element) =>
        [...element.querySelectorAll(':scope *:not(.bar-fill)')].map((child) => {
          const box = child.getBoundingClientRect();
          return [box.left, box.top, box.width, box.height].map(Math.round).join(',');
        }),
      );
    const digits = async () => String(await first.getAttribute('aria-valuenow')).length;
    const [layoutBefore, digitsBefore] = [await layout(), await digits()];
    await expect.poll(digits, { timeout: 20_000 }).not.toBe(digitsBefore);
    expect(await layout()).toEqual(layoutBefore);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('selects by keyboard and pauses the selection with its uids', async () => {
    const { page, problems } = await openQueue();
    // A click on the row selects it (its name is a link to the video's page).
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'video-3', exact: true }) })
      .locator('.video-source')
      .click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect
      .poll(() => page.getByRole('toolbar', { name: 'Selected videos' }).textContent())
      .toContain('3 selected');
    await page.getByRole('button', { name: 'Pause 3' }).click();

    const paused = page.getByRole('listitem').filter({ hasText: 'Paused' });
    await expect.poll(() => paused.count()).toBe(3);
    const calls = await page.evaluate(() => (globalThis as unknown as { calls: [string, unknown][] }).calls);
    const uid = (i: number) => String(i).padStart(32, '0');
    expect(calls.filter(([n]) => n === 'pause')).toEqual([['pause', { uids: [uid(3), uid(4), uid(5)] }]]);

    // Back in the list (the row that had the keyboard), Ctrl+A takes every video, loaded or not.
    await page.locator('[role="listitem"][tabindex="0"]').focus();
    await page.keyboard.press('Control+a');
    await expect
      .poll(() => page.getByRole('toolbar', { name: 'Selected videos' }).textContent())
      .toContain('10000 selected');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
