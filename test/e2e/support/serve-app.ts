/**
 * The UI as `ferry serve` gives it, for end-to-end tests: the renderer built from the current
 * sources into a folder of the test's own, a real engine working a data directory, the server on
 * 127.0.0.1, and a Chromium page signed in with the printed link. Links to 127.0.0.1 are allowed,
 * as `ferry serve --allow-address 127.0.0.1` would allow them, so a local origin can play the web.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../../electron/server/start-server';
import { launchChromium } from '../../helpers/chromium';
import { repoRoot } from '../../helpers/spawn-ts';
import { buildRenderer, watchedPage } from './renderer-page';

export const artifactsDir = path.join(repoRoot, 'test-artifacts');

export interface ServedApp {
  work: string;
  served: RunningServer;
  browser: Browser;
  /** A page signed in to the app (console errors and uncaught exceptions collected in `problems`). */
  open(options?: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' }): Promise<{
    page: Page;
    problems: string[];
  }>;
  close(): Promise<void>;
}

export async function startServedApp(name: string): Promise<ServedApp> {
  const work = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), `ferry-${name}-`));
  const rendererDir = path.join(work, 'renderer');
  await buildRenderer(rendererDir);
  process.env.FERRY_RENDERER_DIR = rendererDir;
  const served = await startServer({
    dataDir: path.join(work, 'data'),
    port: 0,
    allowAddresses: ['127.0.0.1'],
    // No keychain in the test process: the opt-in file store keeps the targets' credentials
    // (test/engine/delivery/keychain-credentials.test.ts covers the keychain).
    env: { ...process.env, FERRY_CREDENTIALS: 'file' },
  });
  const browser = await launchChromium();
  return {
    work,
    served,
    browser,
    async open(options = {}) {
      const opened = await watchedPage(browser, options.viewport ?? { width: 1280, height: 800 });
      if (options.colorScheme) await opened.page.emulateMedia({ colorScheme: options.colorScheme });
      await opened.page.goto(served.signInUrl);
      await opened.page.getByRole('navigation', { name: 'Screens' }).waitFor();
      return opened;
    },
    async close() {
      await browser.close();
      await served.stop();
      delete process.env.FERRY_RENDERER_DIR;
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
