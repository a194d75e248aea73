/**
 * Works the queue: claims videos for each stage up to that stage's limit (downloads also per
 * host), runs them side by side, and looks again whenever one finishes or a command changes
 * the queue. Without `watch` it returns when nothing is left that could run; with `watch` it
 * waits for new work until its signal aborts. One process at a time works a data directory.
 */
import { FerryError } from '../../../shared/ferry-error';
import type { QueueControl } from '../../../shared/api';
import type { ClaimedVideo } from '../store/queue-job';
import { unfinishedStates } from '../../../shared/video-states';
import { finishStage, type ClaimRef } from '../stages/apply-outcome';
import type { EngineContext } from '../context/engine-context';
import { cleanPartialFolders } from '../housekeeping/clean-partial-folders';
import { interruptRunning } from './stop-work';
import { queueControl } from './queue-totals';
import { runHousekeeping } from '../housekeeping/run-housekeeping';
import { freeSlots, hostsAtLimit, queueAcceptsWork, type StageLimits, type WorkStage } from './plan-claims';
import type { StageOutcome, StageRunner } from '../stages/stage-outcome';

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

interface Task {
  stage: WorkStage;
  host: string | null;
  done: Promise<void>;
}

const runnerBeatMs = 5_000;
const leaseCheckMs = 250;

/** Another process holds the data directory's runner lock; `holderPid` says which. */
export class QueueBusyError extends FerryError {
  constructor(
    readonly holderPid: number,
    dataDir: string,
  ) {
    super(
      'BUSY',
      `Another Ferry (process ${holderPid}) is working the queue in ${dataDir}. ` +
        'It will do the queued work; stop it first, or wait for it (ferry run --wait).',
    );
  }
}

export function createWaker() {
  let wake: (() => void) | undefined;
  return {
    /** Resolves after `ms`, or sooner when `notify` is called. */
    sleep(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(done, Math.max(0, ms));
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    notify(): void {
      wake?.();
    },
  };
}
export type Waker = ReturnType<typeof createWaker>;

function stageLimits(context: EngineContext): StageLimits {
  const { concurrency } = context.settings.get();
  return {
    fetch: concurrency.downloads,
    fetchPerHost: concurrency.downloadsPerHost,
    // ffprobe reads a few frames: cheap next to a transcode, and it keeps the transcoder fed.
    probe: 2,
    transcode: concurrency.transcodes,
    deliver: concurrency.deliveries,
  };
}

/** Answers whether the lock is ours; false when stopped while waiting for it (nothing to do then). */
async function takeRunnerLock(context: EngineContext, waker: Waker, options: RunOptions): Promise<boolean> {
  for (;;) {
    const claim = context.control.claimRunner(context.store.owner);
    if (claim.ok) return true;
    if (!options.waitForRunner) throw new QueueBusyError(claim.holder.pid, context.paths.dataDir);
    if (options.signal?.aborted) return false;
    await waker.sleep(runnerBeatMs);
  }
}

export async function runQueue(
  context: EngineContext,
  waker: Waker,
  runners: Partial<Record<WorkStage, StageRunner>>,
  options: RunOptions = {},
): Promise<void> {
  const pollMs = options.pollMs ?? 1000;
  const abort = () => waker.notify();
  options.signal?.addEventListener('abort', abort);
  if (!(await takeRunnerLock(context, waker, options))) {
    options.signal?.removeEventListener('abort', abort);
    return;
  }
  // Work left by a runner that has since stopped or died is ours now (the lock says so), and so
  // are the half-made output folders it left.
  context.store.recoverInFlight();
  cleanPartialFolders(context.paths.library, context.store);
  const owner = context.store.owner;
  const tasks = new Map<string, Task>();
  // Videos this run has worked on and that have not reached an end yet.
  const underWay = new Set<string>();
  const beat = setInterval(() => context.control.claimRunner(owner), runnerBeatMs);
  let leasesCheckedAt = 0;
  // The earliest retry an outcome of this run set: the scheduler looks again then, even while busy.
  let retryAt: number | undefined;

  const start = (stage: WorkStage, run: StageRunner, claimed: ClaimedVideo) => {
    const uid = claimed.video.uid;
    const url = stage === 'fetch' ? claimed.video.source.url : undefined;
    const task: Task = { stage, host: url ? new URL(url).host : null, done: Promise.resolve() };
    const claim: ClaimRef = { uid, stage, options: claimed.options };
    task.done = run(context, claimed)
      .catch((error: unknown) => unexpectedFailure(context, claim, error))
      .then((outcome) => {
        const at = waitsUntil(outcome);
        if (at !== undefined && at > Date.now()) retryAt = Math.min(retryAt ?? at, at);
        return finishStage(context, claim, outcome);
      })
      .catch((error: unknown) => {
        // Committing failed (the disk, the database): the video stays claimed until recovery.
        context.store.record(uid, 'internal-error', { message: String(error) });
      })
      .finally(() => {
        // Until here the video cannot be claimed again (claims pass over the uids in `tasks`), so a
        // stale piece of work never runs beside a new one on the same video.
        tasks.delete(uid);
        if (tasks.size === 0) context.activity.stop();
        const position = context.store.positionOf(uid);
        const state = position?.state;
        // A delivered video was counted when it became ready.
        if ((state === 'ready' && stage !== 'deliver') || state === 'error') context.activity.finished++;
        // Under way until its end: a ready video still to be delivered is not there yet.
        const ended = state === 'ready' ? position?.stage !== 'deliver' : !(state && unfinishedStates.includes(state));
        if (ended) underWay.delete(uid);
        context.onWorkDone();
        waker.notify();
      });
    if (tasks.size === 0) context.activity.start();
    underWay.add(uid);
    tasks.set(uid, task);
  };

  try {
    while (!options.signal?.aborted) {
      await runHousekeeping(context);
      const queue = queueControl(context);
      if ((queue.paused || queue.lowDiskSpace) && tasks.size > 0) {
        await interruptRunning(context, queue.paused ? 'queue-paused' : 'low-disk-space');
      }
      // Looked at a few times a second, not after every finished download: the point is that a
      // pause from another process lands within a second.
      if (Date.now() - leasesCheckedAt >= leaseCheckMs) {
        leasesCheckedAt = Date.now();
        stopWorkChangedElsewhere(context, tasks);
      }

      const limits = stageLimits(context);
      const running: Partial<Record<WorkStage, number>> = {};
      for (const task of tasks.values()) running[task.stage] = (running[task.stage] ?? 0) + 1;
      // "Stop after current": the videos under way go on to their end; no other starts.
      const only = queue.stopAfterCurrent ? [...underWay] : undefined;
      const claimedAt = Date.now();
      for (const { stage, slots } of freeSlots(limits, running, queue)) {
        const run = runners[stage];
        if (!run) continue;
        for (let i = 0; i < slots; i++) {
          const busyHosts =
            stage === 'fetch' ? hostsAtLimit(limits.fetchPerHost, hostCounts(tasks), context.hosts.allowance()) : [];
          const claimed = context.store.claimNext(stage, context.leaseMs, Date.now(), {
            excludeHosts: busyHosts,
            ...(only ? { onlyUids: only } : {}),
            busyUids: [...tasks.keys()],
          });
          if (!claimed) break;
          start(stage, run, claimed);
        }
      }
      if (queue.stopAfterCurrent && tasks.size === 0) {
        context.control.setSwitches({ paused: true, stopAfterCurrent: false });
        context.feed.touchTotals();
      }
      // Every free slot was offered work just now; what frees the next one (a finished task, a
      // command) wakes the sleep below.
      let sleepMs = pollMs;
      if (retryAt !== undefined) {
        if (retryAt <= Date.now()) retryAt = undefined;
        else sleepMs = Math.min(sleepMs, retryAt - Date.now());
      }
      if (tasks.size === 0) {
        const wakeAt = nextWakeAt(context, queue, claimedAt);
        if (!options.watch && wakeAt === undefined) break;
        if (wakeAt !== undefined) sleepMs = Math.min(sleepMs, wakeAt - Date.now());
      }
      await waker.sleep(sleepMs);
    }
  } finally {
    options.signal?.removeEventListener('abort', abort);
    // Stopped from outside (the app quits, Ctrl-C): running work goes back to its stage, for the next run.
    if (tasks.size > 0) await interruptRunning(context, 'engine-stopped');
    await Promise.all([...tasks.values()].map((t) => t.done));
    clearInterval(beat);
    context.control.releaseRunner(owner);
    context.feed.flush();
  }
}

/** When something now blocked could run by itself: a retry falling due, a slowed host's wait ending. */
function nextWakeAt(context: EngineContext, queue: QueueControl, claimedAt: number): number | undefined {
  if (!queueAcceptsWork(queue)) return undefined;
  const times = [
    context.edits.nextRetryAt(claimedAt),
    context.edits.unfinishedCount() > 0 ? context.hosts.nextChangeAt() : undefined,
  ];
  const due = times.filter((t): t is number => t !== undefined);
  return due.length > 0 ? Math.min(...due) : undefined;
}

function hostCounts(tasks: ReadonlyMap<string, Task>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of tasks.values()) if (task.host) counts.set(task.host, (counts.get(task.host) ?? 0) + 1);
  return counts;
}

/** Stops work whose video another process paused, canceled or removed: this process no longer holds its lease. */
function stopWorkChangedElsewhere(context: EngineContext, tasks: ReadonlyMap<string, Task>): void {
  for (const uid of tasks.keys()) {
    if (context.store.leaseHolder(uid) !== context.store.owner) context.running.get(uid)?.stop();
  }
}

/** When a video waits for its next attempt at a stage, if the outcome says so. */
function waitsUntil(outcome: StageOutcome): number | undefined {
  if (outcome.kind === 'retry') return outcome.at;
  if (outcome.kind === 'next' && outcome.at) return outcome.at;
  return undefined;
}

/**
 * A bug, not a verdict on the video: it ends in error with what happened, and the queue goes on.
 * A video at the deliver stage is ready and stays so: it waits there again.
 */
function unexpectedFailure(context: EngineContext, claim: ClaimRef, error: unknown): StageOutcome {
  const message = error instanceof Error ? error.message : String(error);
  context.store.record(claim.uid, 'internal-error', {
    message,
    stack: error instanceof Error ? error.stack : undefined,
  });
  if (claim.stage === 'deliver') return { kind: 'interrupted', reason: 'internal-error' };
  return {
    kind: 'error',
    code: 'ERR_UNKNOWN',
    text: `Ferry failed unexpectedly: ${message}. Retry the video; if it fails again, report it.`,
  };
}
