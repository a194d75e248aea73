/**
 * Gives each window of the app its own MessagePort to the engine's process, so that commands and
 * events never pass through main's event loop: the preload asks, main checks the frame is the
 * app's own (trusted-sender.ts) and hands one end to the engine and the other to the frame. When
 * the engine restarts, every window is told (`engine` events) and gets a fresh port. Only
 * `restartEngine` is answered here, since it must work while the engine is down.
 */
import { BrowserWindow, ipcMain, MessageChannelMain, type WebFrameMain } from 'electron';
import { commandChannel, eventChannel } from '../../shared/api';
import { engineConnectChannel, enginePortChannel } from '../../shared/engine-port';
import type { EngineHost } from '../engine/host/start-engine-host';
import { senderInfo } from './ipc-sender';
import { isTrustedSender, refusal } from './trusted-sender';

function givePort(engine: EngineHost, frame: WebFrameMain): void {
  const { port1, port2 } = new MessageChannelMain();
  if (!engine.connectPort(port1)) {
    // No engine to talk to now; the window gets a port when it is back.
    port1.close();
    port2.close();
    return;
  }
  frame.postMessage(enginePortChannel, null, [port2]);
}

export function connectWindows(engine: EngineHost, appUrl: string): () => void {
  const trustedFrame = (window: BrowserWindow): WebFrameMain | undefined => {
    const frame = window.webContents.mainFrame;
    return isTrustedSender({ url: frame.url, isMainFrame: true }, appUrl) ? frame : undefined;
  };
  ipcMain.on(engineConnectChannel, (event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!window || !event.senderFrame || !isTrustedSender(senderInfo(event, window), appUrl)) return;
    // A window that loads while the engine is down hears so at once; its port comes when the engine is back.
    if (engine.status().state !== 'running') window.webContents.send(eventChannel('engine'), engine.status());
    givePort(engine, event.senderFrame);
  });
  ipcMain.handle(commandChannel('restartEngine'), (event, input: unknown) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    const sender = window ? senderInfo(event, window) : { url: event.senderFrame?.url ?? '', isMainFrame: false };
    if (!isTrustedSender(sender, appUrl)) return refusal('restartEngine', sender);
    return engine.call('restartEngine', input);
  });
  const stopTelling = engine.on('engine', (status) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const frame = trustedFrame(window);
      if (!frame) continue;
      window.webContents.send(eventChannel('engine'), status);
      if (status.state === 'running') givePort(engine, frame);
    }
  });
  return () => {
    stopTelling();
    ipcMain.removeAllListeners(engineConnectChannel);
    ipcMain.removeHandler(commandChannel('restartEngine'));
  };
}
