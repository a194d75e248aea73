/**
 * The work one run of the queue has started: each task from its start to its committed outcome,
 * the videos under way (worked on and not at an end yet, for "stop after current"), and the
 * earliest retry an outcome asked for.
 */
import { unfinishedStates } from '../../../shared/video-states';
import type { EngineContext } from '../context/engine-context';
import { finishStage, type ClaimRef } from '../stages/apply-outcome';
import type { StageOutcome, StageRunner, WorkStage } from '../stages/stage-outcome';
import type { ClaimedVideo } from '../store/queue-job';
import { isDiskFullError } from './disk-full';
import { holdOnFullDisk, pauseForFullDisk } from './pause-on-full-disk';

interface Task {
  stage: WorkStage;
  host: string | null;
  done: Promise<void>;
}

const leaseCheckMs = 250;

export class RunningTasks {
  private readonly tasks = new Map<string, Task>();
  private readonly underWay = new Set<string>();
  private leasesCheckedAt = 0;
  // The earliest retry an outcome of this run set: the scheduler looks again then, even while busy.
  private retryAt: number | undefined;

  constructor(
    private readonly context: EngineContext,
    /** Called when a task has finished, its outcome committed. */
    private readonly onFinished: () => void,
  ) {}

  get size(): number {
    return this.tasks.size;
  }

  /** The videos being worked on: none of them may be claimed again until its task is over. */
  uids(): string[] {
    return [...this.tasks.keys()];
  }

  /** The videos being worked on at `stage`. */
  uidsAt(stage: WorkStage): string[] {
    return [...this.tasks].filter(([, task]) => task.stage === stage).map(([uid]) => uid);
  }

  underWayUids(): string[] {
    return [...this.underWay];
  }

  countByStage(): Partial<Record<WorkStage, number>> {
    const running: Partial<Record<WorkStage, number>> = {};
    for (const task of this.tasks.values()) running[task.stage] = (running[task.stage] ?? 0) + 1;
    return running;
  }

  countByHost(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const task of this.tasks.values()) if (task.host) counts.set(task.host, (counts.get(task.host) ?? 0) + 1);
    return counts;
  }

  start(stage: WorkStage, run: StageRunner, claimed: ClaimedVideo): void {
    const uid = claimed.video.uid;
    const url = stage === 'fetch' ? claimed.video.source.url : undefined;
    const claim: ClaimRef = { uid, stage, options: claimed.options };
    const startedAt = Date.now();
    const done = run(this.context, claimed)
      .catch((error: unknown) => unexpectedFailure(this.context, claim, error))
      .then((outcome) => this.commit(claim, outcome))
      .catch((error: unknown) => {
        // Committing failed (the disk, the database): the video stays claimed until recovery.
        // A full disk cannot take a history entry either: the paused queue says why instead.
        if (isDiskFullError(error)) pauseForFullDisk(this.context, claim);
        else this.context.store.record(uid, 'internal-error', { message: String(error) });
      })
      .finally(() => this.finished(uid, stage, startedAt));
    this.underWay.add(uid);
    this.tasks.set(uid, { stage, host: url ? new URL(url).host : null, done });
  }

  /**
   * Stops work whose video another process paused, canceled or removed: this process no longer
   * holds its lease. Looked at a few times a second, not after every finished download: the
   * point is that a pause from another process lands within a second.
   */
  stopWorkChangedElsewhere(): void {
    if (Date.now() - this.leasesCheckedAt < leaseCheckMs) return;
    this.leasesCheckedAt = Date.now();
    for (const uid of this.tasks.keys()) {
      if (this.context.store.leaseHolder(uid) !== this.context.store.owner) this.context.running.get(uid)?.stop();
    }
  }

  /** How long until the earliest retry this run's outcomes set, if one is still ahead. */
  msUntilRetry(now: number): number | undefined {
    if (this.retryAt !== undefined && this.retryAt <= now) this.retryAt = undefined;
    return this.retryAt === undefined ? undefined : this.retryAt - now;
  }

  /** Settles when every task started has finished. */
  async settled(): Promise<void> {
    await Promise.all([...this.tasks.values()].map((task) => task.done));
  }

  private commit(claim: ClaimRef, outcome: StageOutcome): Promise<void> {
    const at = waitsUntil(outcome);
    if (at !== undefined && at > Date.now()) this.retryAt = Math.min(this.retryAt ?? at, at);
    return finishStage(this.context, claim, holdOnFullDisk(this.context, claim, outcome));
  }

  private finished(uid: string, stage: WorkStage, startedAt: number): void {
    const { context } = this;
    // Until here the video cannot be claimed again (claims pass over the uids in `tasks`), so a
    // stale piece of work never runs beside a new one on the same video.
    this.tasks.delete(uid);
    const position = context.store.positionOf(uid);
    const state = position?.state;
    // A transcode that went through measures the pace of the next ones (for the queue's time left).
    if (stage === 'transcode' && state === 'ready') {
      context.rates.noteTranscode(context.store.get(uid)?.duration ?? -1, Date.now() - startedAt);
    }
    // Under way until its end: a ready video still to be delivered is not there yet.
    const ended = state === 'ready' ? position?.stage !== 'deliver' : !(state && unfinishedStates.includes(state));
    if (ended) this.underWay.delete(uid);
    context.onWorkDone();
    this.onFinished();
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
  // Not a bug: a write found the disk full (the database's own, a publish). The commit pauses the queue.
  if (isDiskFullError(error)) return { kind: 'error', code: 'ERR_DISK_FULL', text: message };
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
