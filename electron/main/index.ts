/**
 * The Electron shell: lifecycle, the window, IPC to the engine. All work happens in the engine
 * (electron/engine), which runs the same under the CLI and the tests.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createEngine, type Engine } from '../engine/create-engine';
import { createWindow } from './create-window';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { registerIpc } from './register-ipc';
import { createServeSwitch, type ServeSwitch } from './serve-switch';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const appUrl =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? process.env.ELECTRON_RENDERER_URL
    : pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).href;

let engine: Engine | undefined;
let serve: ServeSwitch | undefined;
const stopQueue = new AbortController();
/** Settles once the queue has stopped: its work handed back to its stages, its lock released. */
let queueStopped: Promise<void> = Promise.resolve();

function showServeFailure(error: unknown): void {
  dialog.showErrorBox('Ferry could not start its server', error instanceof Error ? error.message : String(error));
}

/** The engine as the window sees it: a change of settings also switches the app's own server. */
function withServeSwitch(engine: Engine, serve: ServeSwitch): Engine {
  return {
    ...engine,
    setSettings: async (patch) => {
      const settings = await engine.setSettings(patch);
      await serve.apply(settings.serve);
      return settings;
    },
  };
}

function openWindow(): void {
  if (!engine || !serve) return;
  const window = createWindow(preloadPath, appUrl);
  const unregister = registerIpc(withServeSwitch(engine, serve), window, appUrl);
  window.on('closed', unregister);
}

registerMediaScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app
    .whenReady()
    .then(() => {
      engine = createEngine({ dataDir: app.getPath('userData') });
      handleMediaProtocol(engine.paths.library);
      serve = createServeSwitch(engine, app.getPath('userData'));
      void engine
        .getSettings()
        .then((settings) => serve?.apply(settings.serve))
        .catch(showServeFailure);
      // A `ferry run` already working this data directory keeps it; the app takes over when it ends.
      const running = engine.run({ watch: true, signal: stopQueue.signal, waitForRunner: true });
      queueStopped = running.catch((error: unknown) => {
        dialog.showErrorBox(
          'Ferry stopped working on the queue',
          error instanceof Error ? error.message : String(error),
        );
      });
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Ferry cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!engine) return;
    // The database closes only after the queue has stopped using it; then quit for real.
    const closing = engine;
    const serving = serve;
    engine = undefined;
    serve = undefined;
    event.preventDefault();
    stopQueue.abort();
    void Promise.allSettled([queueStopped, serving?.close()]).finally(() => {
      closing.close();
      app.quit();
    });
  });
}
