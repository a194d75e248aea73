/**
 * From the engine to the renderer's code, across the boundaries Electron puts between them: IPC
 * (main ⇄ preload) and the contextBridge (preload ⇄ page). Both copy what crosses with the
 * structured-clone algorithm, which keeps an Error's message but drops its other fields; each
 * message here is structured-cloned the way Electron does, to prove the error code still arrives.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { commandChannel, commandNames, eventChannel, type CommandName, type FerryBridge } from '../../shared/api';
import { FerryError } from '../../shared/ferry-error';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { createCommandHandlers } from '../../electron/main/command-handlers';
import { createBridge, type IpcLike } from '../../electron/preload/create-bridge';
import { createIpcTransport } from '../../renderer/src/transport/ipc-transport';
import { tempDir } from '../helpers/temp-dir';

/** What the contextBridge does to a function it exposes: arguments, results and rejections are copied. */
function acrossContextBridge<F extends (...args: never[]) => Promise<unknown>>(fn: F): F {
  return (async (...args: never[]) => {
    try {
      return structuredClone(await fn(...(args.map((arg) => structuredClone(arg)) as never[])));
    } catch (error) {
      throw structuredClone(error);
    }
  }) as F;
}

/** main's handlers ⇄ IPC ⇄ the preload's bridge ⇄ contextBridge: what the page sees as window.ferry. */
function windowFerry(engine: Engine) {
  const sender = { url: 'file:///app/index.html', isMainFrame: true };
  const handlers = createCommandHandlers(engine, (s) => s === sender);
  const events = new EventEmitter();
  const ipc: IpcLike = {
    invoke: async (channel, input) => {
      const name = commandNames.find((n) => commandChannel(n) === channel) as CommandName;
      return structuredClone(await handlers[name](sender, structuredClone(input)));
    },
    on: (channel, listener) => events.on(channel, listener),
    removeListener: (channel, listener) => events.off(channel, listener),
  };
  const bridge = createBridge(ipc);
  const exposed = Object.fromEntries(
    commandNames.map((name) => [name, acrossContextBridge(bridge[name] as () => Promise<unknown>)]),
  );
  const on: FerryBridge['on'] = (event, listener) => bridge.on(event, (payload) => listener(structuredClone(payload)));
  return { ferry: { ...exposed, on } as FerryBridge, events };
}

let engine: Engine | undefined;
afterEach(() => engine?.close());

describe("the IPC transport, behind Electron's boundaries", () => {
  it('answers values, and turns a failed envelope into a FerryError with its code', async () => {
    engine = createEngine({ dataDir: tempDir() });
    const api = createIpcTransport(windowFerry(engine).ferry);
    const added = await api.addLinks({ links: [{ url: 'https://a.test/v.mp4', name: 'Talk' }] });
    const uid = added.queued[0]!.uid;
    expect(await api.get({ uid })).toMatchObject({ uid, meta: { name: 'Talk' } });

    const missing = 'f'.repeat(32);
    const notFound = await api.get({ uid: missing }).catch((error: unknown) => error);
    expect(notFound).toBeInstanceOf(FerryError);
    expect(notFound).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(missing) });

    const invalid = await api.list({ limit: -1 }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(FerryError);
    expect(invalid).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'limit' }] });
  });

  it('needs the envelope: an error thrown inside the preload reaches the page without its code', async () => {
    const throwing = acrossContextBridge(() => Promise.reject(new FerryError('NOT_FOUND', 'No video with uid f…')));
    const arrived = await throwing().catch((error: unknown) => error);
    expect(arrived).toBeInstanceOf(Error);
    expect(arrived).toMatchObject({ message: 'No video with uid f…' });
    expect((arrived as { code?: unknown }).code).toBeUndefined();
  });

  it('refuses an answer that is not an envelope with INTERNAL instead of passing it on', async () => {
    const bridge = Object.fromEntries(commandNames.map((name) => [name, async () => ({ videos: [], total: 0 })]));
    const api = createIpcTransport({ ...bridge, on: () => () => undefined } as unknown as FerryBridge);
    await expect(api.list({})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('passes events through, copied as IPC copies them', () => {
    engine = createEngine({ dataDir: tempDir() });
    const { ferry, events } = windowFerry(engine);
    const api = createIpcTransport(ferry);
    const received: unknown[] = [];
    const off = api.on('removed', (uids) => received.push(uids));
    events.emit(eventChannel('removed'), { sender: 'ipc event' }, ['a']);
    off();
    events.emit(eventChannel('removed'), { sender: 'ipc event' }, ['b']);
    expect(received).toEqual([['a']]);
  });
});
