import { describe, expect, it } from 'vitest';
import { findBrowser, type BrowserLookup } from './find-browser';
import { launchChromium } from './chromium';

const macChrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const macEdge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
const macUserChromium = '/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium';
const winEnv = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local',
};
const winChrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
const winUserChrome = 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
const winEdge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
const macPlaywright =
  '/Users/ann/Library/Caches/ms-playwright/chromium-1255/chrome-mac/Chromium.app/Contents/MacOS/Chromium';
const winPlaywright = 'C:\\Users\\ann\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win\\chrome.exe';
const linuxPlaywright = '/home/ann/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

interface Row {
  case: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  files: string[];
  playwright: string | null;
  expected: { path: string; name: string };
}

const rows: Row[] = [
  {
    case: 'macOS: Chrome before Edge',
    platform: 'darwin',
    env: { HOME: '/Users/ann' },
    files: [macEdge, macChrome],
    playwright: macPlaywright,
    expected: { path: macChrome, name: 'Google Chrome' },
  },
  {
    case: 'macOS: Edge alone',
    platform: 'darwin',
    env: { HOME: '/Users/ann' },
    files: [macEdge],
    playwright: macPlaywright,
    expected: { path: macEdge, name: 'Microsoft Edge' },
  },
  {
    case: 'macOS: Chromium installed for the user only, in ~/Applications',
    platform: 'darwin',
    env: { HOME: '/Users/ann' },
    files: [macUserChromium],
    playwright: null,
    expected: { path: macUserChromium, name: 'Chromium' },
  },
  {
    case: "macOS: nothing installed, Playwright's Chromium downloaded",
    platform: 'darwin',
    env: { HOME: '/Users/ann' },
    files: [macPlaywright],
    playwright: macPlaywright,
    expected: { path: macPlaywright, name: "Playwright's Chromium" },
  },
  {
    case: 'Windows: Chrome in Program Files',
    platform: 'win32',
    env: winEnv,
    files: [winEdge, winChrome],
    playwright: winPlaywright,
    expected: { path: winChrome, name: 'Google Chrome' },
  },
  {
    case: 'Windows: Chrome installed per user in LocalAppData, before Edge',
    platform: 'win32',
    env: winEnv,
    files: [winEdge, winUserChrome],
    playwright: null,
    expected: { path: winUserChrome, name: 'Google Chrome' },
  },
  {
    case: 'Windows: only Edge, which every Windows 10/11 has',
    platform: 'win32',
    env: winEnv,
    files: [winEdge],
    playwright: winPlaywright,
    expected: { path: winEdge, name: 'Microsoft Edge' },
  },
  {
    case: 'Windows without ProgramFiles in the environment: the default folders',
    platform: 'win32',
    env: {},
    files: [winEdge],
    playwright: null,
    expected: { path: winEdge, name: 'Microsoft Edge' },
  },
  {
    case: "Windows: Playwright's Chromium",
    platform: 'win32',
    env: winEnv,
    files: [winPlaywright],
    playwright: winPlaywright,
    expected: { path: winPlaywright, name: "Playwright's Chromium" },
  },
  {
    case: "Linux: Debian's chromium before Playwright's",
    platform: 'linux',
    env: {},
    files: ['/usr/bin/chromium', linuxPlaywright],
    playwright: linuxPlaywright,
    expected: { path: '/usr/bin/chromium', name: 'Chromium' },
  },
  {
    case: 'Linux: Google Chrome',
    platform: 'linux',
    env: {},
    files: ['/usr/bin/google-chrome'],
    playwright: linuxPlaywright,
    expected: { path: '/usr/bin/google-chrome', name: 'Google Chrome' },
  },
  {
    case: 'CHROMIUM_PATH wins over an installed Chrome',
    platform: 'darwin',
    env: { CHROMIUM_PATH: '/opt/chrome-canary/chrome' },
    files: [macChrome, '/opt/chrome-canary/chrome'],
    playwright: macPlaywright,
    expected: { path: '/opt/chrome-canary/chrome', name: 'CHROMIUM_PATH' },
  },
];

const lookup = (row: Pick<Row, 'platform' | 'env' | 'files' | 'playwright'>): BrowserLookup => ({
  platform: row.platform,
  env: row.env,
  exists: (file) => row.files.includes(file),
  playwrightChromium: row.playwright,
});

describe('finding a browser for the browser tests', () => {
  it.each(rows)('$case', (row) => {
    expect(findBrowser(lookup(row))).toEqual(row.expected);
  });

  it('does not pick another browser when CHROMIUM_PATH names a missing file', () => {
    const env = { CHROMIUM_PATH: '/nope/chrome' };
    expect(() =>
      findBrowser(lookup({ platform: 'linux', env, files: ['/usr/bin/chromium'], playwright: null })),
    ).toThrow('CHROMIUM_PATH is /nope/chrome, which does not exist.');
  });

  it('with nothing installed, names every place it looked and how to get a browser', () => {
    let message = '';
    try {
      findBrowser(lookup({ platform: 'win32', env: winEnv, files: [], playwright: winPlaywright }));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(winChrome);
    expect(message).toContain(winEdge);
    expect(message).toContain(winPlaywright);
    expect(message).toContain('npx playwright-core install chromium');
    expect(message).toContain('CHROMIUM_PATH');
  });

  it('launches the browser found on this machine and renders a page', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>ferry</h1>');
      expect(await page.textContent('h1')).toBe('ferry');
    } finally {
      await browser.close();
    }
  });
});
