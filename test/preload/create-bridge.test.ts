/**
 * window.ferry as the preload builds it: commands and events over the window's own MessagePort to
 * the engine (a real MessageChannel and a real engine), `engine` status from main by IPC, and
 * calls cut off by an engine's death failing with ENGINE_RESTARTING while new ones wait for the
 * next port.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commandNames, eventChannel } from '../../shared/api';
import type { Video } from '../../shared/video';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/wait-for';
import { windowBridge, type WindowBridge } from '../helpers/window-bridge';

let engine: Engine | undefined;
let window: WindowBridge | undefined;
afterEach(() => {
  window?.close();
  engine?.close();
});

function open(): WindowBridge {
  engine = createEngine({ dataDir: tempDir() });
  window = windowBridge(engine);
  return window;
}

describe('window.ferry', () => {
  it('exposes exactly the commands of the contract plus on(), all functions', () => {
    const { bridge } = open();
    expect(Object.keys(bridge).sort()).toEqual([...commandNames, 'on'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('round-trips a command over its port and hands every envelope through unchanged, failures included', async () => {
    const { bridge } = open();
    const added = await bridge.addLinks({ links: [{ url: 'https://a.test/v.mp4' }] });
    const uid = added.ok ? added.value.queued[0]?.uid : undefined;
    expect(await bridge.get({ uid: uid! })).toEqual({ ok: true, value: expect.objectContaining({ uid }) });
    expect(await bridge.get({ uid: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await bridge.list({ limit: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'limit' }] },
    });
  });

  it("delivers the engine's events from the port, and stops after unsubscribing", async () => {
    const { bridge } = open();
    const received: Video[][] = [];
    const off = bridge.on('videos', (videos) => received.push(videos));
    await bridge.addLinks({ links: [{ url: 'https://a.test/one.mp4' }] });
    await until(() => received.length > 0, 10_000);
    off();
    const seen = received.length;
    await bridge.addLinks({ links: [{ url: 'https://a.test/two.mp4' }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(seen);
    expect(() => bridge.on('nope' as 'videos', () => undefined)).toThrow(/Unknown event/);
  });

  it('hears the engine status from main, and goes on over the new port after a restart', async () => {
    const win = open();
    const told: unknown[] = [];
    win.bridge.on('engine', (status) => told.push(status));
    await win.restartEngine();
    expect(told).toEqual([
      { state: 'restarting', crashes: 1, reason: 'killed by SIGKILL' },
      { state: 'running', crashes: 1 },
    ]);
    expect(await win.bridge.totals()).toMatchObject({ ok: true });
    expect(await win.bridge.restartEngine()).toEqual({ ok: true, value: { state: 'running', crashes: 0 } });
  });

  it('fails the calls a dead engine never answered, and refuses new ones while it stays stopped', async () => {
    const win = open();
    await win.bridge.totals();
    win.close(); // the engine's end is gone: nothing will answer what is sent now
    const cutOff = win.bridge.totals();
    win.send(eventChannel('engine'), { state: 'restarting', crashes: 1, reason: 'killed by SIGKILL' });
    expect(await cutOff).toMatchObject({ ok: false, error: { code: 'ENGINE_RESTARTING' } });
    win.send(eventChannel('engine'), { state: 'stopped', crashes: 3, reason: 'killed by SIGKILL' });
    expect(await win.bridge.totals()).toMatchObject({
      ok: false,
      error: { code: 'ENGINE_RESTARTING', message: expect.stringContaining('3 times in a minute') },
    });
  });
});
