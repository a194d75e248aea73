/** Whether an IPC message comes from the app's own top-level page. Pure. */
import type { SenderInfo } from './command-handlers';

/**
 * `appUrl` is what the window loaded: a file:// URL of index.html when packaged, the dev
 * server's http://localhost URL during development. Subframes and other pages are refused.
 */
export function isTrustedSender(sender: SenderInfo, appUrl: string): boolean {
  if (!sender.isMainFrame) return false;
  let from: URL;
  let app: URL;
  try {
    from = new URL(sender.url);
    app = new URL(appUrl);
  } catch {
    return false; // an unparsable URL is not ours
  }
  if (app.protocol === 'file:') return from.protocol === 'file:' && from.pathname === app.pathname;
  return from.origin === app.origin;
}
