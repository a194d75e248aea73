/** The one app window: sandboxed, with navigation and new windows denied and a strict CSP. */
import { BrowserWindow, session, shell } from 'electron';
import type { Restored } from './window-bounds';
import { contentSecurityPolicy, opensInBrowser, windowOptions } from './window-options';

export function createWindow(preloadPath: string, appUrl: string, place: Restored): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));

  const window = new BrowserWindow({ ...windowOptions(preloadPath), ...place.bounds });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the browser, never inside the app.
    if (opensInBrowser(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => (place.maximized ? window.maximize() : window.show()));
  void window.loadURL(appUrl);
  return window;
}
