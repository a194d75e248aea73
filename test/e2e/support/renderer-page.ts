/** What the UI's end-to-end tests share: the renderer built and served as the app's window gets it, and pages that collect errors. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { contentSecurityPolicy } from '../../../electron/main/window-options';
import { serveFolder } from '../../helpers/static-server';
import { repoRoot } from '../../helpers/spawn-ts';

/** Builds the renderer (electron-vite's renderer config, from the current sources) into `outDir`. */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    root: path.join(repoRoot, 'renderer'),
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
}

/**
 * Builds the renderer into a folder of its own and serves it with the window's CSP, so anything
 * the app's window would block fails here too. `close` stops the server and removes the build.
 */
export async function serveRendererBuild(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-renderer-'));
  await buildRenderer(outDir);
  const server = await serveFolder(outDir, { 'Content-Security-Policy': contentSecurityPolicy });
  return {
    url: server.url,
    async close() {
      await server.close();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A page whose console errors and uncaught exceptions are collected in `problems`, for the test to check. */
export async function watchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}
