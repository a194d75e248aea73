/**
 * Part 4 of the responsive benchmark: from starting to the first answered command (`list`),
 * `runs` times each: `ferry serve`'s startServer with the engine in its own process and inline,
 * and a bare engine host (startEngineHost over forkEngineHost, as the app's main would start it).
 * The engine's bundle is made before the first timing, as an installed Ferry ships it.
 */
import path from 'node:path';
import { forkEngineHost } from '../electron/engine/host/fork-engine-host';
import { startEngineHost } from '../electron/engine/host/start-engine-host';
import { startServer } from '../electron/server/start-server';
import type { Shape } from './responsive-shape';

export interface StartFigures {
  serveMs: Record<Shape, number[]>;
  hostMs: number[];
}

async function timeServe(dataDir: string, shape: Shape): Promise<number> {
  const started = performance.now();
  const server = await startServer({ dataDir, port: 0, engineProcess: shape });
  try {
    await server.engine.list({});
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

async function timeHost(dataDir: string, spawn: Awaited<ReturnType<typeof forkEngineHost>>): Promise<number> {
  const started = performance.now();
  const host = await startEngineHost({ host: { dataDir }, spawn });
  try {
    const listed = await host.call('list', {});
    if (!listed.ok) throw new Error(`responsive: the engine host did not list: ${JSON.stringify(listed.error)}`);
    return performance.now() - started;
  } finally {
    await host.stop();
  }
}

export async function measureStart(dir: string, runs: number): Promise<StartFigures> {
  const spawn = await forkEngineHost();
  const figures: StartFigures = { serveMs: { own: [], inline: [] }, hostMs: [] };
  // Alternated, each in its own data directory (created by its first run), so drift hits all three alike.
  for (let run = 0; run < runs; run++) {
    figures.serveMs.own.push(await timeServe(path.join(dir, 'start-own'), 'own'));
    figures.serveMs.inline.push(await timeServe(path.join(dir, 'start-inline'), 'inline'));
    figures.hostMs.push(await timeHost(path.join(dir, 'start-host'), spawn));
  }
  return figures;
}
