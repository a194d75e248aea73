import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { inlineEngineLink } from '../../electron/engine/host/engine-link';
import { createServeSwitch, planServe } from '../../electron/main/serve-switch';
import { listenOnLoopback } from '../helpers/listen-loopback';
import { tempDir } from '../helpers/temp-dir';

/** A port nothing listens on now: taken on loopback, then let go. */
async function freePort(): Promise<number> {
  const probe = await listenOnLoopback(http.createServer());
  await probe.close();
  return probe.port;
}

/** The API's list, as a script would ask it; undefined when nothing answers on the port. */
async function listStatus(port: number, token: string): Promise<number | undefined> {
  const url = `http://127.0.0.1:${port}/client/v4/accounts/local/stream`;
  try {
    return (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status;
  } catch {
    return undefined; // refused: no server there, which is what some assertions expect
  }
}

describe("the desktop app's own server", () => {
  it('is planned from the settings: off by default, on when enabled, moved when the port changes', () => {
    expect(planServe({ enabled: false, port: 8787 }, null)).toBe('keep');
    expect(planServe({ enabled: true, port: 8787 }, null)).toBe('start');
    expect(planServe({ enabled: true, port: 8787 }, { port: 8787 })).toBe('keep');
    expect(planServe({ enabled: true, port: 9000 }, { port: 8787 })).toBe('restart');
    expect(planServe({ enabled: false, port: 8787 }, { port: 8787 })).toBe('stop');
  });

  const engines: Engine[] = [];
  afterEach(() => engines.splice(0).forEach((engine) => engine.close()));

  it("starts over the app's engine when its settings turn it on, moves with the port, and stops when turned off", async () => {
    const dataDir = tempDir('ferry-serve-switch-');
    const engine = createEngine({ dataDir });
    engines.push(engine);
    const serve = createServeSwitch(inlineEngineLink(engine), dataDir);
    try {
      const settings = await engine.getSettings();
      expect(settings.serve.enabled).toBe(false);
      expect(await serve.apply(settings.serve)).toBeNull();

      const [first, second] = [await freePort(), await freePort()];
      const on = await serve.apply({ enabled: true, port: first });
      const token = new URL(on!.signInUrl).hash.replace('#token=', '');
      expect(on!.signInUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${first}/#token=`));
      expect(await listStatus(first, token)).toBe(200);
      expect(await listStatus(first, 'wrong')).toBe(401);

      await serve.apply({ enabled: true, port: second });
      expect(await listStatus(second, token)).toBe(200);
      expect(await listStatus(first, token)).toBeUndefined();

      expect(await serve.apply({ enabled: false, port: second })).toBeNull();
      expect(await listStatus(second, token)).toBeUndefined();
    } finally {
      await serve.close();
    }
  });
});
