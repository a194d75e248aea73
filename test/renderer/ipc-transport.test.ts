/**
 * From the engine to the renderer's code, across the boundaries Electron puts between them: IPC
 * (main ⇄ preload) and the contextBridge (preload ⇄ page). Both copy what crosses with the
 * structured-clone algorithm, which keeps an Error's message but drops its other fields; each
 * message here is structured-cloned the way Electron does, to prove the error code still arrives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commandNames, type FerryBridge } from '../../shared/api';
import { FerryError } from '../../shared/ferry-error';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { createIpcTransport } from '../../renderer/src/transport/ipc-transport';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/wait-for';
import { windowBridge, type WindowBridge } from '../helpers/window-bridge';

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

/** The engine ⇄ the window's port ⇄ the preload's bridge ⇄ contextBridge: what the page sees as window.ferry. */
function windowFerry(engine: Engine) {
  const window = windowBridge(engine);
  const { bridge } = window;
  const exposed = Object.fromEntries(
    commandNames.map((name) => [name, acrossContextBridge(bridge[name] as () => Promise<unknown>)]),
  );
  const on: FerryBridge['on'] = (event, listener) => bridge.on(event, (payload) => listener(structuredClone(payload)));
  windows.push(window);
  return { ferry: { ...exposed, on } as FerryBridge };
}

const windows: WindowBridge[] = [];
let engine: Engine | undefined;
afterEach(() => {
  windows.splice(0).forEach((window) => window.close());
  engine?.close();
});

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

  it('passes events through, copied as the port copies them', async () => {
    engine = createEngine({ dataDir: tempDir() });
    const { ferry } = windowFerry(engine);
    const api = createIpcTransport(ferry);
    const received: string[][] = [];
    const off = api.on('removed', (uids) => received.push(uids));
    const added = await api.addLinks({ links: [{ url: 'https://a.test/v.mp4' }] });
    await api.remove({ uids: [added.queued[0]!.uid] });
    await until(() => received.length > 0, 10_000);
    off();
    expect(received).toEqual([[added.queued[0]!.uid]]);
  });
});
