/** Who sent an invoke: the frame's URL and whether it is the window's top-level frame, for isTrustedSender. */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import type { SenderInfo } from './trusted-sender';

export function senderInfo(event: IpcMainInvokeEvent, window: BrowserWindow): SenderInfo {
  const frame = event.senderFrame;
  const isMainFrame = frame !== null && frame === window.webContents.mainFrame;
  return { url: frame?.url ?? '', isMainFrame };
}
