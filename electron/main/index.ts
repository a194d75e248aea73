/**
 * The Electron shell: lifecycle, the window, and the desktop around it (tray, dock progress,
 * notifications, menus, links and files from the OS). All work happens in the engine, in a
 * utility process of its own (engine/host): windows talk to it over their own MessagePorts
 * (connect-windows.ts), and main reads only the events it needs for the tray and the dock. When
 * it dies it is restarted, and the windows reconnect.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, screen, shell } from 'electron';
import { startEngineHost } from '../engine/host/start-engine-host';
import { engineCommands } from '../engine/host/engine-commands';
import type { AppEngine } from './app-engine';
import { appMenuTemplate } from './app-menu';
import { createWindow } from './create-window';
import { notifyFinishes } from './show-finish-notices';
import { launchRequest, linkScheme, openedUrlRequest, type LaunchRequest } from './launch-args';
import { existingLibraryFolder } from './library-folder';
import { importProblems, listDialogOptions } from './list-import';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { createOfferedLinksBox } from './offered-links';
import { showQueueIndicators, type Indicators } from './queue-indicators';
import { queueLaunch } from './queue-launch';
import { quitPrompt } from './quit-prompt';
import { connectWindows } from './connect-windows';
import { registerPlatformIpc } from './register-platform-ipc';
import { screenUrl } from './screen-url';
import { createServeSwitch, type ServeSwitch } from './serve-switch';
import { quitsWithLastWindow } from './tray-menu';
import { spawnUtilityHost } from './spawn-utility-host';
import { restoreWindow } from './window-bounds';
import { defaultWindowSize } from './window-options';
import { readWindowPlace, rememberWindowPlace } from './window-place-store';
import { linksOfferedChannel } from '../../shared/platform-bridge';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
/** The engine's process entry, built beside main's bundle (electron.vite.config.ts). */
const engineHostPath = fileURLToPath(new URL('./engine-host.js', import.meta.url));
const appUrl =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? process.env.ELECTRON_RENDERER_URL
    : pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).href;
/** Tray icons: shipped beside the asar (electron-builder's extraResources), or the repository's. */
const trayIconsDir = app.isPackaged
  ? path.join(process.resourcesPath, 'tray')
  : path.join(app.getAppPath(), 'resources');

let engine: AppEngine | undefined;
let stopConnecting: (() => void) | undefined;
let serve: ServeSwitch | undefined;
let indicators: Indicators | undefined;
let stopNotifying: (() => void) | undefined;
/** Set once the user agreed to quit with work in progress, so the question is asked once. */
let quitConfirmed = false;
/** What the OS opened before the engine was ready (macOS sends open-file before `ready`). */
const earlyRequests: LaunchRequest[] = [];
/** Links from ferry:// links, kept until the window takes them into its paste sheet. */
const offers = createOfferedLinksBox();

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function showServeFailure(error: unknown): void {
  dialog.showErrorBox('Ferry could not start its server', errorText(error));
}

function showFailure(error: unknown): void {
  dialog.showErrorBox('Ferry could not do that', errorText(error));
}

function openWindow(): void {
  if (!engine || !serve) return;
  const { paths } = engine;
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const place = restoreWindow(readWindowPlace(app.getPath('userData')), workAreas, defaultWindowSize);
  const window = createWindow(preloadPath, appUrl, place);
  rememberWindowPlace(window, app.getPath('userData'));
  const unregister = registerPlatformIpc(() => paths.library, offers, window, appUrl);
  window.on('closed', unregister);
}

function showWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return openWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** A queue command from a menu; its failure is shown, never dropped. */
function command(name: 'pauseQueue' | 'resumeQueue'): void {
  if (!engine) return;
  void engine.call(name, undefined).then((answer) => {
    if (!answer.ok) showFailure(answer.error.message);
  }, showFailure);
}

function queueRequest(request: LaunchRequest): void {
  if (request.files.length + request.links.length + request.offered.length === 0) return;
  if (!engine) {
    earlyRequests.push(request);
    return;
  }
  showWindow();
  const queued = queueLaunch(engine, request, offers);
  // Offered links are in the box by now; a window still loading takes them once its page is up.
  if (request.offered.length > 0) BrowserWindow.getAllWindows()[0]?.webContents.send(linksOfferedChannel);
  void queued.then(({ problems }) => {
    if (problems.length > 0) dialog.showErrorBox('Some of it could not be queued', problems.join('\n'));
  }, showFailure);
}

/** Settings in the window: a change of the page's hash, which the renderer's router follows. */
function openSettings(): void {
  showWindow();
  const [window] = BrowserWindow.getAllWindows();
  if (window) void window.loadURL(screenUrl(window.webContents.getURL(), appUrl, 'settings')).catch(showFailure);
}

async function importListFromPicker(): Promise<void> {
  const picked = await dialog.showOpenDialog(listDialogOptions);
  const [list] = picked.filePaths;
  if (picked.canceled || !list || !engine) return;
  showWindow();
  const problems = importProblems(await engine.call('importList', { path: list }));
  if (problems.length > 0) dialog.showErrorBox('Some of the list could not be queued', problems.join('\n'));
}

/** The same folder window.ferryPlatform.openFolder() shows, with the same reason when there is none. */
async function showLibrary(): Promise<void> {
  if (!engine) return;
  const folder = await existingLibraryFolder(engine.paths.library, undefined);
  if (!folder.ok) return showFailure(folder.error.message);
  // openPath answers an error message rather than rejecting.
  const problem = await shell.openPath(folder.value);
  if (problem) showFailure(problem);
}

async function addFilesFromPicker(): Promise<void> {
  const picked = await dialog.showOpenDialog({ properties: ['openFile', 'multiSelections'] });
  if (!picked.canceled) queueRequest({ files: picked.filePaths, links: [], offered: [] });
}

const actions = {
  show: showWindow,
  pauseAll: () => command('pauseQueue'),
  resumeAll: () => command('resumeQueue'),
  quit: () => app.quit(),
  addFiles: () => void addFilesFromPicker().catch(showFailure),
  importList: () => void importListFromPicker().catch(showFailure),
  openSettings,
  openLibrary: () => void showLibrary().catch(showFailure),
};

registerMediaScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch hands over its files and links, queued, and on Windows and Linux ferry:// links, offered.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    queueRequest(launchRequest(argv, workingDirectory, app.isPackaged));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    queueRequest({ files: [file], links: [], offered: [] });
  });
  // Any web page can open a ferry:// link: what it brings is offered in the paste sheet, never queued.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    queueRequest(openedUrlRequest(url));
  });
  // Unpackaged, the registered handler would be the bare Electron binary, not Ferry.
  if (app.isPackaged) app.setAsDefaultProtocolClient(linkScheme);

  app
    .whenReady()
    .then(async () => {
      const dataDir = app.getPath('userData');
      const host = await startEngineHost({ host: { dataDir }, spawn: spawnUtilityHost(engineHostPath) });
      engine = { ...host, ...engineCommands(host) };
      stopConnecting = connectWindows(host, appUrl);
      handleMediaProtocol(() => host.paths.library);
      const serving = createServeSwitch(host, dataDir);
      serve = serving;
      // The settings window saves straight to the engine; its event switches the app's own server.
      engine.on('settings', (settings) => void serving.apply(settings.serve).catch(showServeFailure));
      void engine
        .getSettings()
        .then((settings) => serving.apply(settings.serve))
        .catch(showServeFailure);
      Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, actions, !app.isPackaged)));
      indicators = showQueueIndicators(engine, trayIconsDir, () => BrowserWindow.getAllWindows(), actions);
      stopNotifying = notifyFinishes(engine, showWindow);
      openWindow();
      queueRequest(launchRequest(process.argv, process.cwd(), app.isPackaged));
      earlyRequests.splice(0).forEach(queueRequest);
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Ferry cannot start', errorText(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (quitsWithLastWindow(process.platform)) app.quit();
  });
  app.on('before-quit', (event) => {
    const totals = indicators?.latest();
    const prompt = totals && !quitConfirmed ? quitPrompt(totals) : undefined;
    if (!prompt) return;
    event.preventDefault();
    const { message, detail, buttons, defaultId, cancelId } = prompt;
    void dialog
      .showMessageBox({ type: 'question', message, detail, buttons, defaultId, cancelId })
      .then(({ response }) => {
        if (response !== prompt.quitButton) return;
        quitConfirmed = true;
        app.quit();
      }, showFailure);
  });
  app.on('will-quit', (event) => {
    if (!engine) return;
    // The engine hands its running work back to the queue and closes its database; then quit for real.
    const closing = engine;
    const serving = serve;
    engine = undefined;
    serve = undefined;
    stopNotifying?.();
    stopConnecting?.();
    indicators?.close();
    indicators = undefined;
    event.preventDefault();
    void Promise.allSettled([serving?.close()])
      .then(() => closing.stop())
      .finally(() => app.quit());
  });
}
