/**
 * Which browser the browser tests drive: CHROMIUM_PATH when set, else Chrome, Edge or Chromium
 * where their installers put them on this platform, else Playwright's own Chromium. Pure: the
 * caller passes the platform, the environment, a file check and Playwright's path.
 */
import path from 'node:path';

export interface BrowserLookup {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
  /** Where `npx playwright-core install chromium` puts its Chromium; null where it has none. */
  playwrightChromium: string | null;
}

export interface FoundBrowser {
  path: string;
  /** What it is, for the error and for anyone reading a failure: "Google Chrome", "CHROMIUM_PATH" … */
  name: string;
}

const envVariable = 'CHROMIUM_PATH';

function macBrowsers(env: NodeJS.ProcessEnv): FoundBrowser[] {
  const apps = [
    ['Google Chrome', 'Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['Microsoft Edge', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    ['Chromium', 'Chromium.app/Contents/MacOS/Chromium'],
  ] as const;
  // An install "for this user only" lands in ~/Applications.
  const roots = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
  return apps.flatMap(([name, inApp]) => roots.map((root) => ({ name, path: path.posix.join(root, inApp) })));
}

function windowsBrowsers(env: NodeJS.ProcessEnv): FoundBrowser[] {
  const programFiles = env.ProgramFiles ?? 'C:\\Program Files';
  const programFilesX86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)';
  const localAppData = env.LOCALAPPDATA ?? env.LocalAppData;
  const roots = [programFiles, programFilesX86, ...(localAppData ? [localAppData] : [])];
  const apps = [
    ['Google Chrome', 'Google\\Chrome\\Application\\chrome.exe'],
    ['Microsoft Edge', 'Microsoft\\Edge\\Application\\msedge.exe'],
    ['Chromium', 'Chromium\\Application\\chrome.exe'],
  ] as const;
  return apps.flatMap(([name, inRoot]) => roots.map((root) => ({ name, path: path.win32.join(root, inRoot) })));
}

function linuxBrowsers(): FoundBrowser[] {
  return [
    { name: 'Chromium', path: '/usr/bin/chromium' },
    { name: 'Chromium', path: '/usr/bin/chromium-browser' },
    { name: 'Google Chrome', path: '/usr/bin/google-chrome' },
    { name: 'Google Chrome', path: '/usr/bin/google-chrome-stable' },
    { name: 'Microsoft Edge', path: '/usr/bin/microsoft-edge' },
  ];
}

/** Every place looked at, in order of preference. */
export function browserCandidates(lookup: Omit<BrowserLookup, 'exists'>): FoundBrowser[] {
  const installed =
    lookup.platform === 'darwin'
      ? macBrowsers(lookup.env)
      : lookup.platform === 'win32'
        ? windowsBrowsers(lookup.env)
        : linuxBrowsers();
  const playwright = lookup.playwrightChromium
    ? [{ name: "Playwright's Chromium", path: lookup.playwrightChromium }]
    : [];
  return [...installed, ...playwright];
}

export function findBrowser(lookup: BrowserLookup): FoundBrowser {
  const explicit = lookup.env[envVariable];
  if (explicit) {
    // The user named a browser: a wrong path is their error to fix, not a reason to pick another.
    if (lookup.exists(explicit)) return { name: envVariable, path: explicit };
    throw new Error(
      `${envVariable} is ${explicit}, which does not exist. Set it to a Chrome, Edge or Chromium binary.`,
    );
  }
  const candidates = browserCandidates(lookup);
  const found = candidates.find((candidate) => lookup.exists(candidate.path));
  if (found) return found;
  throw new Error(
    [
      'No Chrome, Edge or Chromium found for the browser tests. Looked at:',
      ...candidates.map((candidate) => `  ${candidate.path}`),
      'Install one: `npx playwright-core install chromium` (no system package needed), or Google Chrome,',
      `or on Debian/Ubuntu \`apt-get install chromium\`; or set ${envVariable} to a browser's binary.`,
    ].join('\n'),
  );
}
