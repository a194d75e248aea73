/**
 * The preload: exposes the typed contract as window.ferry and the window's platform abilities
 * (shared/platform-bridge.ts) as window.ferryPlatform, and nothing else.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './create-bridge';
import { createPlatformBridge } from './create-platform-bridge';

contextBridge.exposeInMainWorld(
  'ferry',
  createBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    on: (channel, listener) => ipcRenderer.on(channel, listener),
    removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
  }),
);

contextBridge.exposeInMainWorld(
  'ferryPlatform',
  createPlatformBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    // The bridge hands over the page's File; webUtils checks it is one.
    (file) => webUtils.getPathForFile(file as File),
    (channel, listener) => {
      const forward = (): void => listener();
      ipcRenderer.on(channel, forward);
      return () => ipcRenderer.removeListener(channel, forward);
    },
  ),
);
