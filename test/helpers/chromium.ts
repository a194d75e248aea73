import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from './find-browser';

/** Where Playwright's own Chromium would be; playwright-core throws on a platform it has no build for. */
function playwrightChromium(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/** An installed Chrome, Edge or Chromium through playwright-core (no download at test time), headless and offline. */
export async function launchChromium(): Promise<Browser> {
  const browser = findBrowser({
    platform: process.platform,
    env: process.env,
    exists: (file) => fs.existsSync(file),
    playwrightChromium: playwrightChromium(),
  });
  return chromium.launch({
    executablePath: browser.path,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
