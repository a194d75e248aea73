/** Who sent an IPC message: the frame's URL and whether it is the window's top-level frame, for isTrustedSender. */
import type { BrowserWindow, WebFrameMain } from 'electron';
import type { SenderInfo } from './trusted-sender';

export function senderInfo(event: { senderFrame: WebFrameMain | null }, window: BrowserWindow): SenderInfo {
  const frame = event.senderFrame;
  const isMainFrame = frame !== null && frame === window.webContents.mainFrame;
  return { url: frame?.url ?? '', isMainFrame };
}
