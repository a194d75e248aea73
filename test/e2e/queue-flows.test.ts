/**
 * The queue's controls end to end: the UI from a real `ferry serve` over a real engine, in
 * Chromium, with links from a loopback origin that trickles its files (so videos stay
 * downloading long enough to be paused) or answers 404 until it is fixed. Links are added through
 * the served Cloudflare-compatible API (POST …/stream/copy), as any client would. One video and
 * the whole queue are paused and resumed, one canceled, a failed link retried to Ready, and the
 * same by keyboard alone. The screenshot test-artifacts/queue-light.png shows a busy queue.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../helpers/media-fixtures';
import { startOrigin, type FileRoute } from '../helpers/origin-server';
import { seriousAxeFindings } from './support/axe-findings';
import { rowOf } from './support/queue-rows';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

/** A download this slow takes about a minute: time to pause it, look, and resume it. */
const trickleSeconds = 60;

describe('the queue against the real engine, in Chromium', () => {
  let app: ServedApp;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let body: Buffer;

  const fileRoute = (trickle: boolean): FileRoute => ({
    kind: 'file',
    body,
    contentType: 'video/x-msvideo',
    ...(trickle ? { trickle: { chunkBytes: Math.ceil(body.length / (trickleSeconds * 10)), everyMs: 100 } } : {}),
  });

  beforeAll(async () => {
    app = await startServedApp('queue-flows');
    fs.mkdirSync(artifactsDir, { recursive: true });
    body = fs.readFileSync(await make.standardDefinition43(app.work));
    origin = await startOrigin({});
  }, 120_000);

  // Whatever a test left working (it failed half-way, say) would hold the origin's two download
  // slots from the next one: canceled here, and the queue running again.
  afterEach(async () => {
    const { engine } = app.served;
    await engine.resumeQueue();
    const { videos } = await engine.list({ limit: 1000 });
    const working = videos.filter((v) => ['queued', 'downloading', 'inprogress'].includes(v.status.state));
    if (working.length > 0) await engine.cancel({ uids: working.map((v) => v.uid) });
  });

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  /** Queues a link as any API client would: POST …/stream/copy with the server's token. */
  async function copy(route: string, name: string): Promise<string> {
    const answer = await fetch(`${app.served.baseUrl}/client/v4/accounts/acct-1/stream/copy`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.served.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: origin.url(route), meta: { name } }),
    });
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { result: { uid: string } }).result.uid;
  }

  const stateOf = (page: Page, name: string) => rowOf(page, name).locator('.video-state').textContent();
  const percentOf = async (page: Page, name: string) =>
    Number((await rowOf(page, name).getByRole('progressbar').getAttribute('aria-valuenow')) ?? -1);

  async function downloadingWithProgress(page: Page, name: string): Promise<void> {
    await expect.poll(() => stateOf(page, name), { timeout: 30_000 }).toBe('Downloading');
    await expect.poll(() => percentOf(page, name), { timeout: 30_000 }).toBeGreaterThan(0);
  }

  /** What has the keyboard's focus: its role, its accessible label, its text. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement;
      return {
        role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? '',
        label: element?.getAttribute('aria-label') ?? '',
        text: element?.textContent ?? '',
      };
    });

  /** Presses `key` until `reached` holds of what has the focus; a bounded walk, failing if it never does. */
  async function pressUntil(
    page: Page,
    key: string,
    reached: (now: Awaited<ReturnType<typeof focused>>) => boolean,
  ): Promise<void> {
    for (let i = 0; i < 80; i++) {
      if (reached(await focused(page))) return;
      await page.keyboard.press(key);
    }
    throw new Error(`${key} never reached the element (focus is on ${JSON.stringify(await focused(page))})`);
  }

  it('pauses and resumes one video, then cancels it', async () => {
    origin.routes['/one.avi'] = fileRoute(true);
    await copy('/one.avi', 'one');
    const { page, problems } = await app.open();
    await downloadingWithProgress(page, 'one');
    // Its speed and time left show while it downloads.
    expect(await rowOf(page, 'one').locator('.speed').textContent()).toMatch(/KiB\/s/);

    await rowOf(page, 'one').getByRole('button', { name: 'Pause one' }).click();
    await expect.poll(() => stateOf(page, 'one')).toBe('Paused');
    const pausedAt = origin.served.bytes.get('/one.avi') ?? 0;
    await rowOf(page, 'one').getByRole('button', { name: 'Resume one' }).click();
    await downloadingWithProgress(page, 'one');
    await expect.poll(() => origin.served.bytes.get('/one.avi') ?? 0).toBeGreaterThan(pausedAt);

    await rowOf(page, 'one').getByRole('button', { name: 'Cancel one' }).click();
    await expect.poll(() => stateOf(page, 'one')).toBe('Canceled');
    expect(await rowOf(page, 'one').getByRole('button', { name: 'Retry one' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('pauses the whole queue and resumes it', async () => {
    origin.routes['/two.avi'] = fileRoute(true);
    origin.routes['/three.avi'] = fileRoute(true);
    await copy('/two.avi', 'two');
    await copy('/three.avi', 'three');
    const { page, problems } = await app.open();
    await downloadingWithProgress(page, 'two');
    await downloadingWithProgress(page, 'three');

    await page.getByRole('button', { name: 'Pause all' }).click();
    await page.getByRole('status').filter({ hasText: 'Queue paused' }).waitFor();
    // The downloads under way stop and wait in the queue, their bytes kept.
    await expect.poll(() => stateOf(page, 'two')).toBe('Queued');
    await expect.poll(() => stateOf(page, 'three')).toBe('Queued');
    expect(await page.getByLabel('Queue totals').textContent()).toContain('0 working');

    await page.getByRole('button', { name: 'Resume all' }).click();
    await downloadingWithProgress(page, 'two');
    await downloadingWithProgress(page, 'three');
    expect(await page.getByRole('status').filter({ hasText: 'Queue paused' }).count()).toBe(0);

    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('retries a link that failed, once the origin serves it, to Ready', async () => {
    origin.routes['/flaky.avi'] = { kind: 'status', status: 404 };
    await copy('/flaky.avi', 'flaky');
    const { page, problems } = await app.open();
    await expect.poll(() => stateOf(page, 'flaky'), { timeout: 30_000 }).toBe('Failed');
    expect(await rowOf(page, 'flaky').textContent()).toContain('The server answered 404');

    origin.routes['/flaky.avi'] = fileRoute(false);
    await rowOf(page, 'flaky').getByRole('button', { name: 'Retry flaky' }).click();
    await expect.poll(() => stateOf(page, 'flaky'), { timeout: 90_000, interval: 250 }).toBe('Ready');
    await expect.poll(() => rowOf(page, 'flaky').locator('img.thumb').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 150_000);

  it('pauses, resumes and retries by keyboard alone', async () => {
    origin.routes['/keys-broken.avi'] = { kind: 'status', status: 404 };
    const brokenUid = await copy('/keys-broken.avi', 'keys-broken');
    origin.routes['/keys-slow.avi'] = fileRoute(true);
    await copy('/keys-slow.avi', 'keys-slow');
    const { page, problems } = await app.open();
    await downloadingWithProgress(page, 'keys-slow');
    await expect.poll(() => stateOf(page, 'keys-broken'), { timeout: 30_000 }).toBe('Failed');

    // Tab into the list (one row takes Tab), arrows to the video, Right into its controls.
    await pressUntil(page, 'Tab', (now) => now.role === 'listitem');
    await pressUntil(page, 'ArrowDown', (now) => now.role === 'listitem' && now.text.includes('keys-slow'));
    await pressUntil(page, 'ArrowRight', (now) => now.label === 'Pause keys-slow');
    await page.keyboard.press('Enter');
    await expect.poll(() => stateOf(page, 'keys-slow')).toBe('Paused');
    // The same button, now Resume, still has the focus: Space resumes.
    await expect.poll(async () => (await focused(page)).label).toBe('Resume keys-slow');
    await page.keyboard.press('Space');
    await downloadingWithProgress(page, 'keys-slow');

    // Back to the row (Escape), down to the failed one, Retry.
    origin.routes['/keys-broken.avi'] = fileRoute(false);
    await pressUntil(page, 'Escape', (now) => now.role === 'listitem');
    await pressUntil(page, 'ArrowDown', (now) => now.role === 'listitem' && now.text.includes('keys-broken'));
    await pressUntil(page, 'ArrowRight', (now) => now.label === 'Retry keys-broken');
    await page.keyboard.press('Enter');
    await expect.poll(() => stateOf(page, 'keys-broken'), { timeout: 90_000, interval: 250 }).toBe('Ready');

    // The rarer actions by keyboard too: the row's menu opens with Enter and Escape closes it.
    // (A ready video has no Retry: the button went, and the focus with it; Tab comes back to the list.)
    await pressUntil(page, 'Tab', (now) => now.role === 'listitem');
    await page.keyboard.press('Home');
    await pressUntil(page, 'ArrowDown', (now) => now.role === 'listitem' && now.text.includes('keys-broken'));
    await pressUntil(page, 'ArrowRight', (now) => now.label === 'More actions for keys-broken');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('menuitem').allTextContents())
      .toEqual(['Copy link', 'Deliver to…', 'Remove']);
    await page.keyboard.press('Escape');
    // Radix gives the focus back to the menu's button once the menu has gone.
    await expect.poll(async () => (await focused(page)).label).toBe('More actions for keys-broken');
    expect(problems).toEqual([]);

    // Enter on the row opens the video's page.
    await pressUntil(page, 'Escape', (now) => now.role === 'listitem');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/video/${brokenUid}`);
    await page.close();
  }, 180_000);

  it('shows a busy queue: downloading with progress, ready with thumbnails, failed, paused', async () => {
    origin.routes['/lecture.avi'] = fileRoute(true);
    origin.routes['/interview.avi'] = fileRoute(true);
    origin.routes['/missing.avi'] = { kind: 'status', status: 404 };
    await copy('/missing.avi', 'missing');
    await copy('/interview.avi', 'interview');
    const { page, problems } = await app.open({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await downloadingWithProgress(page, 'interview');
    await rowOf(page, 'interview').getByRole('button', { name: 'Pause interview' }).click();
    await expect.poll(() => stateOf(page, 'interview')).toBe('Paused');
    await copy('/lecture.avi', 'lecture');
    await downloadingWithProgress(page, 'lecture');
    await expect.poll(() => stateOf(page, 'missing'), { timeout: 30_000 }).toBe('Failed');
    // The videos the earlier tests took to Ready show their thumbnails.
    for (const name of ['flaky', 'keys-broken']) {
      await expect.poll(() => rowOf(page, name).locator('img.thumb').count()).toBe(1);
    }
    await page.screenshot({ path: path.join(artifactsDir, 'queue-light.png') });
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();

    // In a window 1000 px wide, every row's buttons are still inside it.
    const narrow = await app.open({ viewport: { width: 1000, height: 700 } });
    await downloadingWithProgress(narrow.page, 'lecture');
    const rightEdges = await narrow.page
      .getByRole('list', { name: 'Videos' })
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().right));
    expect(rightEdges.length).toBeGreaterThan(5);
    expect(Math.max(...rightEdges)).toBeLessThanOrEqual(1000);
    expect(narrow.problems).toEqual([]);
    await narrow.page.close();
  }, 120_000);
});
