/**
 * The preload: exposes the typed contract as window.ferry (over the window's own port to the engine) and the window's platform abilities
 * (shared/platform-bridge.ts) as window.ferryPlatform, and nothing else.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './create-bridge';
import { createPlatformBridge } from './create-platform-bridge';

contextBridge.exposeInMainWorld(
  'ferry',
  createBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    send: (channel) => ipcRenderer.send(channel),
    on: (channel, listener) => ipcRenderer.on(channel, listener),
    removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
    onPort: (channel, listener) =>
      ipcRenderer.on(channel, (event) => {
        const [port] = event.ports;
        if (port) listener(port);
      }),
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
