/**
 * Part 1 of the responsive benchmark: the server process's event-loop delay and `GET
 * …/stream/{uid}` under wrk, first with the engine idle (its queue paused), then while it
 * downloads 1 GiB links one after another at full speed from the local nginx and transcodes a
 * 1080p file. Each condition is two windows: the loop sampled with nothing else asking, then wrk.
 */
import type { QueueTotals } from '../shared/api';
import type { RunningServer } from '../electron/server/start-server';
import { serveShape, type Shape } from './responsive-shape';
import {
  machineTicks,
  ownCpuMs,
  processCpuMs,
  sleep,
  waitFor,
  withLoopDelay,
  type LoopDelay,
} from './responsive-measure';
import { wrk, type WrkFigures } from './wrk';

export interface LoadOptions {
  dir: string;
  shape: Shape;
  /** The 1 GiB file on the local origin. */
  bigUrl: string;
  /** How many copies of it to queue, so that one is downloading through every window. */
  copies: number;
  /** The 1080p file to transcode. */
  clip: string;
  seconds: number;
  connections: number;
}

export interface WindowFigures {
  /** With nothing asking the server. */
  loop: LoopDelay;
  /** Meanwhile: this process's CPU time per second (1 = one core), and the machine's busy share of all its cores. */
  serverCores: number;
  machineBusy: number;
  /** While wrk asks as fast as it can. */
  loopUnderRequests: LoopDelay;
  stream: WrkFigures;
  /** This process's CPU time per 1,000 answered requests. */
  serverCpuMsPer1k: number;
  /** The engine's process's, when it has one of its own. */
  engineCpuMsPer1k: number;
  /** Downloading and transcoding both still running when the window ended (busy windows only). */
  stillBusy: boolean;
}

export interface LoadFigures {
  idle: WindowFigures;
  busy: WindowFigures;
}

const working = (totals: QueueTotals) => totals.byState.downloading >= 1 && totals.byState.inprogress >= 1;

async function measureWindow(server: RunningServer, uid: string, options: LoadOptions): Promise<WindowFigures> {
  const quietFrom = { server: ownCpuMs(), machine: machineTicks() };
  const quiet = await withLoopDelay(() => sleep(options.seconds * 1000));
  const serverCores = (ownCpuMs() - quietFrom.server) / (options.seconds * 1000);
  const machine = machineTicks();
  const machineBusy = (machine.busy - quietFrom.machine.busy) / (machine.all - quietFrom.machine.all);
  const enginePid = server.engine.pid();
  const ownProcess = enginePid !== process.pid;
  const before = { server: ownCpuMs(), engine: processCpuMs(enginePid) };
  const asked = await withLoopDelay(() =>
    wrk(`${server.apiBase}/${uid}`, {
      seconds: options.seconds,
      connections: options.connections,
      threads: 1,
      headers: { Authorization: `Bearer ${server.token}` },
    }),
  );
  const requests = (asked.value.requestsPerSecond * options.seconds) / 1000;
  const serverCpuMsPer1k = (ownCpuMs() - before.server) / requests;
  const engineCpuMsPer1k = ownProcess ? (processCpuMs(enginePid) - before.engine) / requests : NaN;
  const stillBusy = working(await server.engine.totals());
  return {
    loop: quiet.loop,
    serverCores,
    machineBusy,
    loopUnderRequests: asked.loop,
    stream: asked.value,
    serverCpuMsPer1k,
    engineCpuMsPer1k,
    stillBusy,
  };
}

export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  const server = await serveShape(options.dir, 'load', options.shape);
  try {
    const { engine } = server;
    await engine.pauseQueue();
    // One download at a time, each at the full speed of one connection.
    const settings = await engine.getSettings();
    await engine.setSettings({ concurrency: { ...settings.concurrency, downloadsPerHost: 1 } });
    const links = Array.from({ length: options.copies }, (_, i) => ({ url: `${options.bigUrl}?copy=${i}` }));
    await engine.addLinks({ links, options: { transcode: false } });
    const clip = await engine.addFiles({ paths: [options.clip] });
    const uid = clip.queued[0]?.uid;
    if (!uid) throw new Error(`responsive: the 1080p file was not queued: ${JSON.stringify(clip)}`);

    const idle = await measureWindow(server, uid, options);
    await engine.resumeQueue();
    await waitFor(
      'a download and a transcode running at once',
      async () => (working(await engine.totals()) ? true : undefined),
      120_000,
    );
    const busy = await measureWindow(server, uid, options);
    return { idle: { ...idle, stillBusy: false }, busy };
  } finally {
    await server.stop();
  }
}
