/** Wires the generated command handlers to ipcMain and the engine's events to the window. */
import { ipcMain, type BrowserWindow } from 'electron';
import { commandChannel, commandNames, eventChannel, eventNames } from '../../shared/api';
import type { Engine } from '../engine/create-engine';
import { createCommandHandlers } from './command-handlers';
import { senderInfo } from './ipc-sender';
import { isTrustedSender } from './trusted-sender';

export function registerIpc(engine: Engine, window: BrowserWindow, appUrl: string): () => void {
  const handlers = createCommandHandlers(engine, (sender) => isTrustedSender(sender, appUrl));
  for (const name of commandNames) {
    ipcMain.handle(commandChannel(name), (event, input: unknown) => handlers[name](senderInfo(event, window), input));
  }
  const unsubscribes = eventNames.map((name) =>
    engine.on(name, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
    }),
  );
  return () => {
    for (const name of commandNames) ipcMain.removeHandler(commandChannel(name));
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
