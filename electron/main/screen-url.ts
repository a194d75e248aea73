/**
 * The URL that shows one of the renderer's screens (renderer/src/app/route.ts keeps the screen in
 * the hash). It is the page's own URL with another hash, so webContents.loadURL makes a
 * same-document navigation: no reload, the renderer just sees `hashchange`. Pure.
 */
import { isTrustedSender } from './trusted-sender';

export function screenUrl(currentUrl: string, appUrl: string, screen: 'settings' | 'targets'): string {
  // Before the page has committed (or if it is somehow not ours), load the app itself at that screen.
  const base = isTrustedSender({ url: currentUrl, isMainFrame: true }, appUrl) ? currentUrl : appUrl;
  const url = new URL(base);
  url.hash = `/${screen}`;
  return url.href;
}
