/** Wires window.ferryPlatform's handlers to ipcMain with Electron's dialog, shell and clipboard, and main's offered links. */
import { clipboard, dialog, ipcMain, shell, type BrowserWindow } from 'electron';
import { senderInfo } from './ipc-sender';
import { platformCalls, platformChannels } from '../../shared/platform-bridge';
import type { OfferedLinksBox } from './offered-links';
import { createPlatformHandlers } from './platform-handlers';
import { isTrustedSender } from './trusted-sender';

export function registerPlatformIpc(
  /** The library in use now: it changes when the library is moved. */
  library: () => string,
  offers: OfferedLinksBox,
  window: BrowserWindow,
  appUrl: string,
): () => void {
  const handlers = createPlatformHandlers(
    {
      get library() {
        return library();
      },
      // Attached to the window, so the dialog is modal to it.
      showOpenDialog: (options) => dialog.showOpenDialog(window, options),
      openPath: (folder) => shell.openPath(folder),
      readClipboard: () => clipboard.readText(),
      takeOfferedLinks: () => offers.take(),
    },
    (sender) => isTrustedSender(sender, appUrl),
  );
  for (const call of platformCalls) {
    ipcMain.handle(platformChannels[call], (event, input: unknown) => handlers[call](senderInfo(event, window), input));
  }
  return () => {
    for (const call of platformCalls) ipcMain.removeHandler(platformChannels[call]);
  };
}
