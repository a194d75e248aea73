/**
 * The one way the CLI works the queue, shared by `ferry run`, `ingest` and `import`: run the
 * engine with a progress display, stop cleanly on Ctrl-C or SIGTERM, and, when another process
 * already works this data directory, either fail with its message or wait for it.
 */
import type { FerryCommands } from '../../shared/api';
import type { FailureInfo } from '../../shared/ferry-error';
import type { Video } from '../../shared/video';
import type { VideoState } from '../../shared/video-states';
import { runEngine } from '../engine/api/run-engine';
import type { Engine, RunOptions } from '../engine/create-engine';
import { call, cliFailure, uidFields } from './call-engine';
import type { CliIo } from './cli-context';
import { createProgressDisplay, type ProgressDisplay } from './progress-display';

/** States in which a video waits for nobody: the CLI can stop watching it (once delivered, if it is to be). */
const settledStates: readonly VideoState[] = ['ready', 'error', 'canceled', 'paused'];

const isSettled = (video: Video) => settledStates.includes(video.status.state) && video.status.step !== 'deliver';

/** Ready, and sent to every delivery target it was to go to. */
export const isDone = (video: Video) =>
  video.status.state === 'ready' && video.deliveries.every((d) => d.state === 'ready');

const pollMs = 500;

export interface Interrupt {
  signal: AbortSignal;
  /** Stops listening for the signals (call when the command ends). */
  dispose(): void;
}

/**
 * Turns the first SIGINT or SIGTERM into an abort; work in flight is returned to its stage by
 * the engine. A second Ctrl-C gets Node's default and ends the process at once.
 */
export function interruptOnSignals(): Interrupt {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    },
  };
}

/**
 * Works the queue through the engine's door. Answers null when it ran, or the BUSY failure when
 * another process works the queue; any other failure is thrown for `main` to report.
 */
export async function workOrBusy(engine: Engine, options: RunOptions): Promise<FailureInfo | null> {
  const ran = await runEngine(engine, options);
  if (ran.ok) return null;
  if (ran.error.code === 'BUSY') return ran.error;
  throw cliFailure(ran.error, () => undefined);
}

/** The largest `getMany` the contract takes. */
const readBatch = 1000;

/** The videos of these uids that still exist, in order, read in batches the contract allows; a malformed uid is a usage error. */
export async function readVideos(engine: FerryCommands, uids: readonly string[]): Promise<Video[]> {
  const videos: Video[] = [];
  for (let at = 0; at < uids.length; at += readBatch) {
    const batch = uids.slice(at, at + readBatch);
    videos.push(...(await call(engine, 'getMany', { uids: batch }, uidFields(batch))));
  }
  return videos;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });

/**
 * Works these videos to a settled state, showing their progress, and answers them as they ended.
 * If another process works the queue it will do them: this one watches the database until they
 * settle, ready to take over should that process stop first. Ctrl-C stops the work or the wait.
 */
export async function workVideos(engine: Engine, io: CliIo, uids: string[], signal: AbortSignal): Promise<Video[]> {
  const display = createProgressDisplay(io, await readVideos(engine, uids));
  const unsubscribe = engine.on('videos', (batch) => display.update(batch));
  try {
    const busy = await workOrBusy(engine, { signal });
    if (busy && !signal.aborted) {
      io.stderr(
        `Another Ferry (process ${busy.runnerPid ?? '?'}) is working this queue and will do these videos; ` +
          'waiting for them (Ctrl-C stops waiting)…',
      );
      await waitForOtherRunner(engine, display, uids, signal);
    }
  } finally {
    unsubscribe();
  }
  const final = await readVideos(engine, uids);
  display.finish(final);
  // Videos left waiting because of the disk: say why and what to do, not just exit 1.
  if (final.some((video) => !isDone(video))) {
    const { disk } = (await call(engine, 'totals', undefined)).queue;
    if (disk) io.stderr(`ferry: ${disk.message}`);
  }
  return final;
}

async function waitForOtherRunner(
  engine: Engine,
  display: ProgressDisplay,
  uids: readonly string[],
  signal: AbortSignal,
): Promise<void> {
  // Only the videos not settled yet are read again: a list of thousands is polled for its tail.
  let unsettled = uids;
  const takeover = new AbortController();
  const stopTakeover = () => takeover.abort();
  signal.addEventListener('abort', stopTakeover);
  const outcome: { running: boolean; failed: boolean; error?: unknown } = { running: false, failed: false };
  let run = Promise.resolve();
  const startTakeover = () => {
    outcome.running = true;
    run = runEngine(engine, { signal: takeover.signal, waitForRunner: true })
      .then((ran) => {
        if (ran.ok) return;
        outcome.failed = true;
        outcome.error = cliFailure(ran.error, () => undefined);
      })
      .finally(() => (outcome.running = false));
  };
  try {
    while (!signal.aborted && !outcome.failed) {
      const videos = await readVideos(engine, unsettled);
      display.update(videos);
      unsettled = videos.filter((v) => !isSettled(v)).map((v) => v.uid);
      if (unsettled.length === 0) return;
      // Not running: this process took over, then ran out of work while some videos were still leased elsewhere.
      if (!outcome.running) startTakeover();
      await sleep(pollMs, signal);
    }
  } finally {
    signal.removeEventListener('abort', stopTakeover);
    takeover.abort();
    await run;
  }
  if (outcome.failed) throw outcome.error;
}
