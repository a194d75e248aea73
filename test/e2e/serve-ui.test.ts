/**
 * The UI from `ferry serve` (startServer, what the command runs) in Debian's Chromium: the built
 * renderer served at `/`, signed in by the printed link's fragment (which leaves the address bar)
 * or by the sign-in form, talking to the engine over the WebSocket. A pasted link, confirmed in the
 * paste sheet, is downloaded from a loopback origin, transcoded and shown as ready, and so is a
 * dropped file, uploaded over TUS; screenshots are kept in test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/create-engine';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { launchChromium } from '../helpers/chromium';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { repoRoot } from '../helpers/spawn-ts';
import { buildRenderer, watchedPage } from './support/renderer-page';

const artifacts = path.join(repoRoot, 'test-artifacts');

describe('the UI served by ferry serve, in Chromium', () => {
  let work: string;
  let served: RunningServer;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let browser: Browser;

  /** What `ferry serve` runs: the engine working its queue, and the server; links are kept off private
   * networks except the test origin's address, as `ferry serve` with an allowed address would. */
  const serve = (port = 0) => startServer({ dataDir: path.join(work, 'data'), port, allowAddresses: ['127.0.0.1'] });

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'ferry-serve-ui-'));
    // The renderer as `npm run build` makes it (electron-vite's renderer config), from the current sources.
    const rendererDir = path.join(work, 'renderer');
    await buildRenderer(rendererDir);
    process.env.FERRY_RENDERER_DIR = rendererDir;

    const source = await make.standardDefinition43(work);
    origin = await startOrigin({
      '/talk.avi': { kind: 'file', body: fs.readFileSync(source), contentType: 'video/x-msvideo' },
    });
    served = await serve();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await origin?.close();
    delete process.env.FERRY_RENDERER_DIR;
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** A page that fails the test on any console error or uncaught exception. */
  function openPage(): Promise<{ page: Page; problems: string[] }> {
    return watchedPage(browser, { width: 1000, height: 420 });
  }

  it('signs in from the link, takes the token out of the address bar, and shows a pasted link reaching ready', async () => {
    const { page, problems } = await openPage();
    // The link `ferry serve` prints.
    await page.goto(served.signInUrl);
    await page.getByRole('heading', { name: 'No videos yet' }).waitFor();
    expect(page.url()).toBe(`${served.baseUrl}/`);
    expect(page.url()).not.toContain(served.token);

    const link = origin.url('/talk.avi');
    // What Ctrl+V on the page does: a paste event carrying the clipboard's text.
    await page.evaluate((text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true }));
    }, `${link}\n`);
    // The paste opens the confirm sheet, which shows what it recognised before anything is queued.
    const sheet = page.getByRole('dialog', { name: 'Add links' });
    await sheet.getByRole('list', { name: 'Recognised lines' }).getByText(link).waitFor();
    await sheet.getByRole('button', { name: 'Queue 1 video' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Queued 1 video');
    expect(await sheet.count()).toBe(0);

    const row = page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('talk.avi');
    await expect
      .poll(() => row.locator('.video-state').textContent(), { timeout: 90_000, interval: 250 })
      .toBe('Ready');
    // The rows come from the server's own reads, the totals from the engine, which may answer a moment later.
    await expect
      .poll(() => page.getByLabel('Queue totals').textContent())
      .toContain('1 video · 0 working · 0 queued · 1 ready');
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'serve-ui-ready.png') });

    // A reload keeps the session (the token is in this tab's storage, not in the address).
    await page.reload();
    await expect.poll(() => row.locator('.video-state').textContent()).toBe('Ready');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('uploads a file dropped on the page with tus-js-client, and shows it reaching ready', async () => {
    const { page, problems } = await openPage();
    await page.goto(served.signInUrl);
    const rows = page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);

    // What dropping a file from the desktop does: a drop event whose DataTransfer holds the file.
    const bytes = fs.readFileSync(path.join(work, 'sd-4x3.avi')).toString('base64');
    await page.evaluate((base64) => {
      const body = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([body], 'dropped.avi', { type: 'video/x-msvideo' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
    }, bytes);
    // The upload tray (test/e2e/upload-tray.test.ts) lists the file as uploaded and queued.
    const tray = page.getByRole('region', { name: 'Uploads' });
    await expect
      .poll(() => tray.getByRole('listitem').filter({ hasText: 'dropped.avi' }).textContent())
      .toMatch(/Uploaded .+; queued/);

    const dropped = rows.filter({ hasText: 'dropped.avi' });
    await expect.poll(() => dropped.count()).toBe(1);
    await expect
      .poll(() => dropped.locator('.video-state').textContent(), { timeout: 90_000, interval: 250 })
      .toBe('Ready');
    await page.screenshot({ path: path.join(artifacts, 'serve-ui-dropped.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('asks for the token without one, says when it is wrong, and signs in with the right one', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${served.baseUrl}/`);
    const token = page.getByLabel('Token');
    await token.fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('That token is wrong');

    await token.fill(served.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Videos' }).getByRole('listitem').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says when the server is gone, and once it is back shows the queue as it is now', async () => {
    const { page } = await openPage();
    await page.goto(served.signInUrl);
    const rows = page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    const port = new URL(served.baseUrl).port;
    await served.stop();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('reconnecting');

    // Changed while the page could not hear about it (the CLI, say): only reloading after the reconnect shows it.
    const engine = createEngine({ dataDir: path.join(work, 'data') });
    try {
      const { videos } = await engine.list({ search: 'talk.avi' });
      expect(await engine.remove({ uids: videos.map((v) => v.uid) })).toEqual({ removed: 1 });
    } finally {
      engine.close();
    }
    served = await serve(Number(port));
    await expect.poll(() => page.getByRole('status').count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.textContent()).toContain('dropped.avi');
    // The rows come from the server's own reads, the totals from the engine, which may answer a moment later.
    await expect
      .poll(() => page.getByLabel('Queue totals').textContent())
      .toContain('1 video · 0 working · 0 queued · 1 ready');
    await page.close();
  });
});
