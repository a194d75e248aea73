/**
 * Issue 20's crash test: the engine's own process killed with SIGKILL under a real `ferry serve`,
 * mid-download from a loopback origin that trickles its file, with the UI open in Chromium. The
 * page says "reconnecting", then shows the same rows with the download going on, without being
 * reloaded; after three deaths in a minute it says why and offers Retry, which the keyboard
 * reaches and which brings the engine back. Screenshots of the banner at 800×600 and 1280×800
 * go to test-artifacts/ (docs/engine-reconnecting.png is the 1280×800 one).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingPieces, type DownloadState } from '../../electron/engine/sources/download-state';
import { startOrigin } from '../helpers/origin-server';
import { watchedPage } from './support/renderer-page';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

/** 32 MiB at 320 KiB/s: still downloading whatever the test does, however often it restarts. */
const slowFile = { bytes: 32 * 1024 * 1024, chunkBytes: 32 * 1024, everyMs: 100 };
const reconnecting = "Ferry's engine stopped (killed by SIGKILL); reconnecting…";
const names = ['first.avi', 'second.avi'];

interface BannerPage {
  page: Page;
  problems: string[];
}

describe("the engine's process killed under ferry serve, in Chromium", () => {
  let app: ServedApp;
  let origin: Awaited<ReturnType<typeof startOrigin>>;

  beforeAll(async () => {
    app = await startServedApp('engine-crash');
    const body = Buffer.alloc(slowFile.bytes);
    const route = { kind: 'file', body, contentType: 'video/x-msvideo', trickle: slowFile } as const;
    origin = await startOrigin({ '/first.avi': route, '/second.avi': route });
    await app.served.engine.addLinks({
      links: names.map((name) => ({ url: origin.url(`/${name}`), meta: { name } })),
    });
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  const rows = (page: Page) => page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
  const stateOf = (page: Page, name: string) =>
    rows(page)
      .filter({ has: page.getByRole('link', { name, exact: true }) })
      .locator('.video-state')
      .textContent();
  const engineBanner = (page: Page) =>
    page.locator('[role="status"], [role="alert"]').filter({ hasText: "Ferry's engine stopped" });
  const rowNames = (page: Page) => rows(page).locator('.video-name').allTextContents();

  /** Where each GET of a file asked the origin to start (its Range), and when. */
  const rangeStarts = (file: string) =>
    origin.served.requests
      .filter((request) => request.method === 'GET' && request.path === file)
      .map((request) => ({
        at: request.at,
        start: Number(/^bytes=(\d+)-/.exec(request.headers.range ?? '')?.[1] ?? 0),
      }));

  /** Kills the engine's process as `kill -9` would; answers the pid it had. */
  function killEngine(): number {
    const pid = app.served.engine.pid();
    expect(pid).toBeTypeOf('number');
    process.kill(pid!, 'SIGKILL');
    return pid!;
  }

  /** Where each piece of a download still missing on disk resumes (its saved state, read once its process is dead). */
  function resumePoints(file: string): Set<number> {
    const originals = path.join(app.served.engine.paths.dataDir, 'originals');
    const [state] = fs
      .readdirSync(originals, { recursive: true, encoding: 'utf8' })
      .filter((name) => path.basename(name) === `${file}.part.json`)
      .map((name) => JSON.parse(fs.readFileSync(path.join(originals, name), 'utf8')) as DownloadState);
    expect(state).toBeDefined();
    return new Set(missingPieces(state!).map((piece) => piece.next));
  }

  /** Until the engine runs again in a new process (or gave up). */
  const engineState = () => app.served.engine.status().state;

  /**
   * Records in the page every text the engine's banner shows, however briefly: a restart can take
   * less than a poll's interval. Kept on `window`, so it is also lost if the page were reloaded.
   */
  async function recordBanners(page: Page): Promise<() => Promise<string[] | undefined>> {
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { engineBannersSeen: seen });
      new MutationObserver(() => {
        for (const element of document.querySelectorAll('[role="status"], [role="alert"]')) {
          const text = element.textContent ?? '';
          if (text.startsWith("Ferry's engine stopped") && !seen.includes(text)) seen.push(text);
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    return () => page.evaluate(() => (window as Window & { engineBannersSeen?: string[] }).engineBannersSeen);
  }

  /**
   * A page whose socket passes through the test, which holds the engine's "running" event (and
   * what follows it) until `release`: the reconnecting banner stays on screen for its screenshot.
   */
  async function pageHoldingRecovery(viewport: { width: number; height: number }) {
    const opened = await watchedPage(app.browser, viewport);
    const held: string[] = [];
    let holding = true;
    let toPage: (message: string) => void = () => undefined;
    await opened.page.routeWebSocket(/\/ws$/, (socket) => {
      const server = socket.connectToServer();
      toPage = (message) => socket.send(message);
      socket.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        const text = message.toString();
        if (held.length > 0 || (holding && text.includes('"event":"engine"') && text.includes('"state":"running"')))
          held.push(text);
        else socket.send(text);
      });
    });
    await opened.page.goto(app.served.signInUrl);
    await opened.page.getByRole('navigation', { name: 'Screens' }).waitFor();
    return {
      ...opened,
      release() {
        holding = false;
        held.splice(0).forEach(toPage);
      },
    };
  }

  it('says reconnecting, then shows the same rows with the download going on, the page never reloaded', async () => {
    const { page, problems } = await app.open({ viewport: { width: 1280, height: 800 } });
    const held = await Promise.all([
      pageHoldingRecovery({ width: 800, height: 600 }),
      pageHoldingRecovery({ width: 1280, height: 800 }),
    ]);
    await expect.poll(() => stateOf(page, 'first.avi'), { timeout: 30_000 }).toBe('Downloading');
    expect((await rowNames(page)).sort()).toEqual(names);
    const bannersSeen = await recordBanners(page);

    const killed = killEngine();
    const killedAt = Date.now();
    const resumeAt = resumePoints('first.avi');
    await expect.poll(bannersSeen, { timeout: 30_000 }).toContain(reconnecting);
    await expect.poll(() => engineBanner(page).count(), { timeout: 30_000 }).toBe(0);
    expect(app.served.engine.pid()).not.toBe(killed);
    expect(engineState()).toBe('running');
    // Said for a few seconds, then gone (test/renderer/engine covers its going).
    await page.getByRole('status').filter({ hasText: "Ferry's engine is back; nothing queued was lost." }).waitFor();

    // The same rows, and the download picked up again by the new process.
    expect((await rowNames(page)).sort()).toEqual(names);
    await expect.poll(() => stateOf(page, 'first.avi'), { timeout: 30_000 }).toBe('Downloading');
    await expect.poll(() => stateOf(page, 'second.avi'), { timeout: 30_000 }).toBe('Downloading');
    // The totals follow the rows' batch as an event of their own.
    await expect.poll(() => page.getByLabel('Queue totals').textContent()).toContain('2 videos · 2 working');
    // Nothing downloaded again: the new process asks only for what the dead one had not written,
    // each missing piece from its first byte not on disk when it died.
    const asked = () => rangeStarts('/first.avi').filter((get) => get.at >= killedAt);
    await expect.poll(() => asked().length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(asked().filter((get) => !resumeAt.has(get.start))).toEqual([]);
    // The page heard it all without a reload: what it recorded before the kill is still there.
    expect(await bannersSeen()).toEqual([reconnecting]);

    for (const { page: shown, release, problems: theirs } of held) {
      const banner = engineBanner(shown);
      await banner.waitFor();
      expect(await banner.textContent()).toBe(reconnecting);
      const size = shown.viewportSize();
      await shown.screenshot({
        path: path.join(artifactsDir, `engine-reconnecting-${size?.width}x${size?.height}.png`),
      });
      release();
      await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
      expect(theirs).toEqual([]);
      await shown.close();
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('after three deaths in a minute says why and offers Retry, which the keyboard reaches and which brings it back', async () => {
    const pages: BannerPage[] = await Promise.all([
      app.open({ viewport: { width: 1280, height: 800 } }),
      app.open({ viewport: { width: 800, height: 600 } }),
    ]);
    const [{ page }] = pages as [BannerPage, BannerPage];
    await expect.poll(() => rows(page).count()).toBe(2);

    // Killed as soon as it is up again, until it gives up (the first test's death counts too: within a minute).
    for (let death = 0; death < 3 && engineState() !== 'stopped'; death++) {
      await expect
        .poll(() => engineState() === 'running' && app.served.engine.pid() !== undefined, { timeout: 30_000 })
        .toBe(true);
      const killed = killEngine();
      await expect
        .poll(() => app.served.engine.pid() !== killed || engineState() === 'stopped', { timeout: 30_000 })
        .toBe(true);
    }
    expect(engineState()).toBe('stopped');

    for (const { page: shown } of pages) {
      const alert = engineBanner(shown);
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain(
        "Ferry's engine stopped 3 times in a minute (killed by SIGKILL) and was not restarted. Retry, or look at logs/engine.log",
      );
      const size = shown.viewportSize();
      await shown.screenshot({ path: path.join(artifactsDir, `engine-stopped-${size?.width}x${size?.height}.png`) });
    }
    // What was shown stays while the engine is stopped.
    expect((await rowNames(page)).sort()).toEqual(names);

    // Tab from the top of the page to Retry (bounded: the header's links come first), and press it.
    const retry = engineBanner(page).getByRole('button', { name: 'Retry' });
    await page.locator('body').focus();
    for (let press = 0; press < 10 && !(await retry.evaluate((button) => button === document.activeElement)); press++)
      await page.keyboard.press('Tab');
    expect(await retry.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    for (const { page: shown, problems } of pages) {
      await expect.poll(() => engineBanner(shown).count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => stateOf(shown, 'first.avi'), { timeout: 30_000 }).toBe('Downloading');
      expect(problems).toEqual([]);
      await shown.close();
    }
    expect(engineState()).toBe('running');
  }, 120_000);
});
