/**
 * What a stage's work came to. A stage never writes its video's state itself: it answers one of
 * these, and the scheduler commits it (apply-outcome.ts) only if the video is still as the stage
 * claimed it, so a pause, cancel or remove made meanwhile, here or in another process, stands.
 */
import type { ErrorCode } from '../../../shared/error-codes';
import type { MediaInfo } from '../../../shared/media-info';
import type { Stage } from '../../../shared/video';
import type { ClaimedVideo } from '../store/queue-job';
import type { VideoDoc } from '../store/video-row';
import type { EngineContext } from '../context/engine-context';

/** A stage a video can be worked in (every stage but done). */
export type WorkStage = Exclude<Stage, 'done'>;

/** What a stage learned about its video, to be saved with the outcome. */
export interface Findings {
  /** Where the source is now: the final URL after redirects, the downloaded file. */
  source?: { url?: string; path?: string | null };
  mediaInfo?: MediaInfo;
  doc?: Partial<VideoDoc>;
}

export type StageOutcome =
  /** Waits for `stage` next (queued; ready for deliver and done), from `at` (epoch ms) when given. */
  | { kind: 'next'; stage: Stage; findings?: Findings; at?: number }
  /** Done: ready, going on to the deliver stage when it has targets. `afterCommit` runs once it is. */
  | { kind: 'ready'; findings: Findings; afterCommit?: () => Promise<void> }
  /** Failed for good; at `stage` when not the one that failed (a retry should start there). */
  | { kind: 'error'; code: ErrorCode; text: string; stage?: Stage; stderrTail?: string }
  /** A transient failure: waits at this stage, giving its slot back, until `at`. */
  | { kind: 'retry'; at: number; failedAttempts: number; reason: string; status?: number }
  /** Stopped without a verdict (a bug in a stage that cannot fail the video): waits at its stage again. */
  | { kind: 'interrupted'; reason: string }
  /** Stopped by whoever moved the video (a command, a paused queue): that move stands, nothing to commit. */
  | { kind: 'stopped' };

/** A stage's work on a claimed video. */
export type StageRunner = (context: EngineContext, claimed: ClaimedVideo) => Promise<StageOutcome>;

/** The outcome as the history shows it when it is dropped. */
export function describeOutcome(outcome: StageOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'next':
      return { kind: 'next', stage: outcome.stage };
    case 'error':
      return { kind: 'error', code: outcome.code, text: outcome.text };
    case 'retry':
      return { kind: 'retry', reason: outcome.reason, nextAttemptAt: new Date(outcome.at).toISOString() };
    case 'interrupted':
      return { kind: 'interrupted', reason: outcome.reason };
    default:
      return { kind: outcome.kind };
  }
}

/**
 * Wraps a stage's runner: what it adds runs between the stage's work and the commit of its
 * outcome (tracing; the tests land a user's command in that window with it).
 */
export type StageWrapper = (stage: WorkStage, runner: StageRunner) => StageRunner;

export function wrapRunners(
  runners: Record<WorkStage, StageRunner>,
  wrap: StageWrapper | undefined,
): Record<WorkStage, StageRunner> {
  if (!wrap) return runners;
  return {
    fetch: wrap('fetch', runners.fetch),
    probe: wrap('probe', runners.probe),
    transcode: wrap('transcode', runners.transcode),
    deliver: wrap('deliver', runners.deliver),
  };
}
