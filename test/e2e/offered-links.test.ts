/**
 * A ferry:// link in the desktop window, in Chromium: the renderer built as the window gets it and
 * served with the window's CSP, the preload's own code (bundled) as window.ferry and
 * window.ferryPlatform, its ipcRenderer played by Playwright bindings to main's real platform
 * handlers, its port to the engine by bindings to the engine's real port handler (answer-port.ts) over a real engine and the offered-links box. A link carrying 5,000 urls queues
 * nothing and opens the paste sheet with 100 of them and a notice of the rest; queued by keyboard,
 * they never reach the local origin they name; a second link, queued with "Allow links to this
 * computer and local network" ticked, does. axe-core checks the sheet; screenshots go to
 * test-artifacts/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { answerPort } from '../../electron/engine/host/answer-port';
import { launchRequest } from '../../electron/main/launch-args';
import { createOfferedLinksBox } from '../../electron/main/offered-links';
import { createPlatformHandlers } from '../../electron/main/platform-handlers';
import { queueLaunch } from '../../electron/main/queue-launch';
import { isTrustedSender, type SenderInfo } from '../../electron/main/trusted-sender';
import { engineConnectChannel, enginePortChannel } from '../../shared/engine-port';
import { linksOfferedChannel, platformCalls, platformChannels } from '../../shared/platform-bridge';
import { launchChromium } from '../helpers/chromium';
import { startOrigin } from '../helpers/origin-server';
import { repoRoot } from '../helpers/spawn-ts';
import { seriousAxeFindings } from './support/axe-findings';
import { serveRendererBuild, watchedPage } from './support/renderer-page';
import { artifactsDir } from './support/serve-app';

/** The preload's bridges over an ipcRenderer whose invoke is main's binding and whose sends come by __ipcSend. */
const preloadEntry = `
import { createBridge } from './electron/preload/create-bridge';
import { createPlatformBridge } from './electron/preload/create-platform-bridge';
const listeners = new Map();
const on = (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
const removeListener = (channel, listener) =>
  listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
window.__ipcSend = (channel, payload) => (listeners.get(channel) ?? []).forEach((l) => l({}, payload));
const invoke = (channel, input) => window.__ipcInvoke(channel, input);
// The window's end of its port to the engine: what it posts reaches the engine by __enginePost,
// what the engine posts arrives by __enginePort.
const portListeners = new Map();
const onPort = (channel, listener) => portListeners.set(channel, listener);
const port = { onmessage: null, postMessage: (message) => void window.__enginePost(message) };
window.__enginePort = (message) => port.onmessage?.({ data: message });
window.__givePort = () => portListeners.get('${enginePortChannel}')?.(port);
const send = (channel) => void window.__ipcSendToMain(channel);
window.ferry = createBridge({ invoke, send, on, removeListener, onPort });
window.ferryPlatform = createPlatformBridge(invoke, () => '', (channel, listener) => {
  const forward = () => listener();
  on(channel, forward);
  return () => removeListener(channel, forward);
});
`;

async function preloadScript(): Promise<string> {
  const bundled = await build({
    stdin: { contents: preloadEntry, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  return bundled.outputFiles[0]!.text;
}

const ferryLink = (urls: readonly string[]) =>
  `ferry://add?${urls.map((url) => `url=${encodeURIComponent(url)}`).join('&')}`;

describe('a ferry:// link in the desktop window', () => {
  let server: Awaited<ReturnType<typeof serveRendererBuild>>;
  let browser: Browser;
  let engine: Engine;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let page: Page;
  let problems: string[];
  const box = createOfferedLinksBox();
  // Kept across both tests (tempDir would remove it after the first).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-offered-'));
  const stopEvents: (() => void)[] = [];

  beforeAll(async () => {
    [server, browser, origin] = await Promise.all([
      serveRendererBuild(),
      launchChromium(),
      startOrigin({
        '/guarded.mp4': { kind: 'file', body: Buffer.from('the origin answers') },
        '/allowed.mp4': { kind: 'file', body: Buffer.from('the origin answers') },
      }),
    ]);
    engine = createEngine({ dataDir });
    await engine.pauseQueue();
    const trusted = (sender: SenderInfo) => isTrustedSender(sender, server.url);
    const platform = createPlatformHandlers(
      {
        library: engine.paths.library,
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        openPath: async () => '',
        readClipboard: () => '',
        takeOfferedLinks: () => box.take(),
      },
      trusted,
    );
    ({ page, problems } = await watchedPage(browser, { width: 1280, height: 800 }));
    await page.exposeBinding('__ipcInvoke', async ({ frame }, channel: string, input: unknown) => {
      const sender = { url: frame.url(), isMainFrame: frame === page.mainFrame() };
      const call = platformCalls.find((name) => platformChannels[name] === channel);
      if (call) return platform[call](sender, input);
      throw new Error(`No handler registered for '${channel}'`);
    });
    // main's connect-windows.ts: a port only for the app's own top-level frame.
    await page.exposeBinding('__ipcSendToMain', async ({ frame }, channel: string) => {
      const sender = { url: frame.url(), isMainFrame: frame === page.mainFrame() };
      if (channel === engineConnectChannel && trusted(sender))
        await page.evaluate(() => (window as unknown as { __givePort: () => void }).__givePort());
    });
    let toEngine: ((message: unknown) => void) | undefined;
    await page.exposeBinding('__enginePost', (_source, message: unknown) => toEngine?.(message));
    stopEvents.push(
      answerPort(engine, {
        post: (message) =>
          void page
            .evaluate(
              (sent) => (window as unknown as { __enginePort: (m: unknown) => void }).__enginePort(sent),
              message,
            )
            .catch(() => undefined),
        listen(listener) {
          toEngine = listener;
          return () => (toEngine = undefined);
        },
      }),
    );
    await page.addInitScript(await preloadScript());
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    stopEvents.forEach((stop) => stop());
    await browser?.close();
    engine?.close();
    await origin?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** webContents.send: what main sends the window. */
  const send = (channel: string, payload?: unknown) =>
    page.evaluate(([c, p]) => (window as unknown as { __ipcSend: (c: string, p: unknown) => void }).__ipcSend(c!, p), [
      channel,
      payload,
    ] as const);

  /** What main does when the OS hands it a launch with a ferry:// link (index.ts's queueRequest). */
  async function launchWith(link: string) {
    const outcome = await queueLaunch(engine, launchRequest(['/opt/Ferry/ferry', link], repoRoot, true), box);
    await send(linksOfferedChannel);
    return outcome;
  }

  /** The focused element's name: its label's own text for a field, its text for a button. */
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      const label =
        element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.labels?.[0] : null;
      // A label may wrap its field: its own text only.
      if (label)
        return [...label.childNodes]
          .filter((node) => node !== element)
          .map((node) => node.textContent)
          .join('')
          .trim();
      return element?.textContent?.trim() ?? '';
    });
  async function tabTo(name: string) {
    for (let i = 0; i < 40 && (await focused()) !== name; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(name);
  }

  const allowLocal = 'Allow links to this computer and local network';
  const sheet = () => page.getByRole('dialog', { name: 'Add links' });

  it('queues nothing, and offers 100 links in the paste sheet, telling how many were refused', async () => {
    const urls = [origin.url('/guarded.mp4'), ...Array.from({ length: 4999 }, (_, i) => origin.url(`/more/${i}.mp4`))];
    expect(await launchWith(ferryLink(urls))).toEqual({ queued: 0, offered: 100, problems: [] });

    await sheet().getByRole('button', { name: 'Queue 100 videos' }).waitFor();
    expect(await sheet().textContent()).toContain(
      '4,900 more links were refused: a ferry:// link may offer at most 100',
    );
    expect(await sheet().getByRole('checkbox', { name: allowLocal }).isChecked()).toBe(false);
    // The sheet opens on its links, not on the box: a stray Space does not allow this computer.
    expect(await focused()).toBe('Links, one per line');
    expect((await engine.list({})).total).toBe(0);

    await page.screenshot({ path: path.join(artifactsDir, 'offered-links-1280.png') });
    await page.setViewportSize({ width: 800, height: 600 });
    await page.screenshot({ path: path.join(artifactsDir, 'offered-links-800.png') });
    expect(await seriousAxeFindings(page, '[role="dialog"]')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('queues them by keyboard kept off this computer: the local origin is never asked', async () => {
    await tabTo('Queue 100 videos');
    await page.keyboard.press('Enter');
    await expect.poll(() => sheet().count()).toBe(0);
    expect((await engine.list({})).total).toBe(100);

    await launchWith(`${ferryLink([origin.url('/allowed.mp4')])}&name=Allowed`);
    await sheet().getByRole('button', { name: 'Queue 1 video' }).waitFor();
    await tabTo(allowLocal);
    await page.keyboard.press('Space');
    expect(await sheet().getByRole('checkbox', { name: allowLocal }).isChecked()).toBe(true);
    await tabTo('Queue 1 video');
    await page.keyboard.press('Enter');
    await expect.poll(() => sheet().count()).toBe(0);

    const stop = new AbortController();
    await engine.resumeQueue();
    const running = engine.run({ watch: true, signal: stop.signal, pollMs: 50 });
    try {
      const [guarded] = (await engine.list({ search: '/guarded.mp4' })).videos;
      await expect
        .poll(async () => (await engine.get({ uid: guarded!.uid })).status, { timeout: 30_000 })
        .toMatchObject({ state: 'error', errorReasonText: expect.stringMatching(/loopback, private or link-local/) });
      await expect.poll(() => origin.served.gets.get('/allowed.mp4') ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    } finally {
      stop.abort();
      await running;
    }
    expect(origin.served.requests.filter((request) => request.path !== '/allowed.mp4')).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});
