import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { commandChannel, commandNames, eventChannel, type CommandName } from '../../shared/api';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { createCommandHandlers } from '../../electron/main/command-handlers';
import { createBridge, type IpcLike } from '../../electron/preload/create-bridge';
import { tempDir } from '../helpers/temp-dir';

/** Connects the preload's bridge straight to main's handlers, as ipcRenderer/ipcMain would. */
function loopback(engine: Engine) {
  const sender = { url: 'file:///app/index.html', isMainFrame: true };
  const handlers = createCommandHandlers(engine, (s) => s === sender);
  const events = new EventEmitter();
  const ipc: IpcLike = {
    invoke: (channel, input) => {
      const name = commandNames.find((n) => commandChannel(n) === channel) as CommandName;
      return handlers[name](sender, structuredClone(input));
    },
    on: (channel, listener) => events.on(channel, listener),
    removeListener: (channel, listener) => events.off(channel, listener),
  };
  return { api: createBridge(ipc), events };
}

let engine: Engine | undefined;
afterEach(() => engine?.close());

describe('window.ferry', () => {
  it('exposes exactly the commands of the contract plus on(), all functions', () => {
    engine = createEngine({ dataDir: tempDir() });
    const { api } = loopback(engine);
    expect(Object.keys(api).sort()).toEqual([...commandNames, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('round-trips a command and hands every envelope through unchanged, failures included', async () => {
    engine = createEngine({ dataDir: tempDir() });
    const { api } = loopback(engine);
    const added = await api.addLinks({ links: [{ url: 'https://a.test/v.mp4' }] });
    const uid = added.ok ? added.value.queued[0]?.uid : undefined;
    expect(await api.get({ uid: uid! })).toEqual({ ok: true, value: expect.objectContaining({ uid }) });
    expect(await api.get({ uid: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.list({ limit: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'limit' }] },
    });
  });

  it('delivers events without the IPC event object, and stops after unsubscribing', () => {
    engine = createEngine({ dataDir: tempDir() });
    const { api, events } = loopback(engine);
    const received: unknown[][] = [];
    const off = api.on('videos', (...args) => received.push(args));
    events.emit(eventChannel('videos'), { sender: 'ipc event' }, [{ uid: 'a' }]);
    off();
    events.emit(eventChannel('videos'), { sender: 'ipc event' }, [{ uid: 'b' }]);
    expect(received).toEqual([[[{ uid: 'a' }]]]);
    expect(() => api.on('nope' as 'videos', () => undefined)).toThrow(/Unknown event/);
  });
});
