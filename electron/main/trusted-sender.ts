/** Whether an IPC message comes from the app's own top-level page, and the answer when it does not. Pure. */
import type { Envelope } from '../../shared/ferry-error';

/** Who sent an IPC message: its frame's URL, and whether that frame is the window's top-level one. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

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

/** What a handler answers a sender that is not Ferry's window, instead of doing anything. */
export function refusal(name: string, sender: SenderInfo): Envelope<never> {
  return {
    ok: false,
    error: { code: 'FORBIDDEN', message: `"${name}" was called from ${sender.url}, which is not Ferry's window.` },
  };
}
