/**
 * Works the queue: claims videos for each stage up to that stage's limit (downloads also per
 * host), runs them side by side, and looks again whenever one finishes or a command changes
 * the queue. Without `watch` it returns when nothing is left that could run; with `watch` it
 * waits for new work until its signal aborts. One process at a time works a data directory.
 */
import type { QueueControl } from '../../../shared/api';
import type { EngineContext } from '../context/engine-context';
import { cleanPartialFolders } from '../housekeeping/clean-partial-folders';
import { runHousekeeping } from '../housekeeping/run-housekeeping';
import type { StageRunner } from '../stages/stage-outcome';
import { claimFreeSlots } from './claim-free-slots';
import { queueAcceptsWork, type WorkStage } from './plan-claims';
import { minuteOfDay, minutesUntilChange } from './download-hours';
import { queueControl } from './queue-totals';
import { keepRunnerLock, takeRunnerLock } from './runner-lock';
import { RunningTasks } from './running-tasks';
import { interruptRunning } from './stop-work';
import { isDiskFullError } from './disk-full';
import { pauseForFullDisk } from './pause-on-full-disk';
import type { Waker } from './waker';

export interface RunOptions {
  watch?: boolean;
  signal?: AbortSignal;
  /** Longest sleep between looks at the queue (new work from other processes, their pause and cancel). */
  pollMs?: number;
  /**
   * When another process is working this data directory: wait for it to stop (default: fail at
   * once). Stopped by the signal while still waiting, the run ends having done nothing.
   */
  waitForRunner?: boolean;
}

type Runners = Partial<Record<WorkStage, StageRunner>>;

export async function runQueue(
  context: EngineContext,
  waker: Waker,
  runners: Runners,
  options: RunOptions = {},
): Promise<void> {
  const abort = () => waker.notify();
  options.signal?.addEventListener('abort', abort);
  try {
    if (!(await takeRunnerLock(context, waker, options))) return;
    // Work left by a runner that has since stopped or died is ours now (the lock says so), and so
    // are the half-made output folders it left.
    context.store.recoverInFlight();
    cleanPartialFolders(context.paths.library, context.store);
    await workWhileHoldingLock(context, waker, runners, options);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}

async function workWhileHoldingLock(context: EngineContext, waker: Waker, runners: Runners, options: RunOptions) {
  const lock = keepRunnerLock(context);
  const tasks = new RunningTasks(context, () => waker.notify());
  let hoursWait: string | undefined;
  try {
    while (!options.signal?.aborted) {
      const queue = await lookAtQueue(context, tasks);
      // The download hours open and close by the clock, not by a change in the database: the UI learns it here.
      if (queue.downloadsWaitUntil !== hoursWait) context.feed.touchTotals();
      hoursWait = queue.downloadsWaitUntil;
      const claimedAt = Date.now();
      claimOrPauseOnFullDisk(context, runners, tasks, queue);
      if (queue.stopAfterCurrent && tasks.size === 0) pauseAfterCurrent(context);
      // Every free slot was offered work just now; what frees the next one (a finished task, a
      // command) wakes the sleep.
      const sleepMs = nextLookIn(context, tasks, queue, claimedAt, options);
      if (sleepMs === undefined) break;
      await waker.sleep(sleepMs);
    }
  } finally {
    // Stopped from outside (the app quits, Ctrl-C): running work goes back to its stage, for the next run.
    if (tasks.size > 0) await interruptRunning(context, 'engine-stopped');
    await tasks.settled();
    lock.release();
    context.feed.flush();
  }
}

/** Claims work; a database with no room to record the claim pauses the queue and says why. */
function claimOrPauseOnFullDisk(context: EngineContext, runners: Runners, tasks: RunningTasks, queue: QueueControl) {
  try {
    claimFreeSlots(context, runners, tasks, queue);
  } catch (error) {
    if (!isDiskFullError(error)) throw error;
    pauseForFullDisk(context, undefined);
  }
}

/** Housekeeping, then the queue's switches, with running work stopped that may no longer run. */
async function lookAtQueue(context: EngineContext, tasks: RunningTasks): Promise<QueueControl> {
  try {
    await runHousekeeping(context);
  } catch (error) {
    // The checkpoint writes the database file: on a full disk the queue pauses, saying why.
    if (!isDiskFullError(error)) throw error;
    pauseForFullDisk(context, undefined);
  }
  const queue = queueControl(context);
  if ((queue.paused || queue.lowDiskSpace) && tasks.size > 0) {
    await interruptRunning(context, queue.paused ? 'queue-paused' : 'low-disk-space');
  }
  // The download hours are over: downloads stop, keeping their bytes, and wait for the next ones.
  const downloading = tasks.uidsAt('fetch');
  if (queue.downloadsWaitUntil !== undefined && downloading.length > 0) {
    await interruptRunning(context, 'download-hours-over', downloading);
  }
  tasks.stopWorkChangedElsewhere();
  return queue;
}

/** "Stop after current" is done once the last video under way has stopped: the queue is paused. */
function pauseAfterCurrent(context: EngineContext): void {
  context.control.setSwitches({ paused: true, stopAfterCurrent: false });
  context.feed.touchTotals();
}

/** How long to sleep before the next look; undefined when the run is over (not watching, nothing can run). */
function nextLookIn(
  context: EngineContext,
  tasks: RunningTasks,
  queue: QueueControl,
  claimedAt: number,
  options: RunOptions,
): number | undefined {
  let sleepMs = Math.min(options.pollMs ?? 1000, tasks.msUntilRetry(Date.now()) ?? Infinity);
  if (tasks.size === 0) {
    const wakeAt = nextWakeAt(context, queue, claimedAt);
    if (!options.watch && wakeAt === undefined) return undefined;
    if (wakeAt !== undefined) sleepMs = Math.min(sleepMs, wakeAt - Date.now());
  }
  return sleepMs;
}

/**
 * When something now blocked could run by itself: a retry falling due, a slowed host's wait
 * ending, the download hours opening.
 */
function nextWakeAt(context: EngineContext, queue: QueueControl, claimedAt: number): number | undefined {
  if (!queueAcceptsWork(queue)) return undefined;
  const unfinished = context.edits.unfinishedCount() > 0;
  const times = [
    context.edits.nextRetryAt(claimedAt),
    unfinished ? context.hosts.nextChangeAt() : undefined,
    unfinished && queue.downloadsWaitUntil !== undefined ? hoursOpenAt(context, claimedAt) : undefined,
  ];
  const due = times.filter((t): t is number => t !== undefined);
  return due.length > 0 ? Math.min(...due) : undefined;
}

/** The start of the minute the download hours next open or close (the run looks again then). */
function hoursOpenAt(context: EngineContext, now: number): number | undefined {
  const date = new Date(now);
  const minutes = minutesUntilChange(context.settings.get().download.hours, minuteOfDay(date));
  if (minutes === null) return undefined;
  return now - (date.getSeconds() * 1000 + date.getMilliseconds()) + minutes * 60_000;
}
