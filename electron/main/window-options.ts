/** The window's security settings and Content-Security-Policy. Pure, so they are unit-tested. */
import type { BrowserWindowConstructorOptions } from 'electron';

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // Media come from the library through ferry-media:// (media-protocol.ts); hls.js fetches the
  // manifests and segments, feeds them to the player as blob: URLs and may run in a blob: worker.
  // renderer/index.html's meta policy says the same (both apply in the window; it alone in `ferry serve`).
  "img-src 'self' data: ferry-media:",
  "media-src 'self' ferry-media: blob:",
  "font-src 'self'",
  "connect-src 'self' ferry-media:",
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The first window's size, and the smallest the layout allows. */
export const defaultWindowSize = { width: 1100, height: 720, minWidth: 640, minHeight: 420 };

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...defaultWindowSize,
    show: false,
    title: 'Ferry',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * Whether a link the page opens goes to the user's browser: web links only (a playback URL at a
 * service, or at a `ferry serve` on the network, may be plain http); anything else (file:,
 * javascript:, custom schemes) is refused.
 */
export function opensInBrowser(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}
