/**
 * Commits a stage's outcome, in one transaction with a compare-and-set on the video's state and
 * claim: only while the video is still in the working state of the stage that claimed it, under
 * this process's lease. When someone moved it meanwhile (a pause, cancel or remove, from the UI
 * or another process), their command stands and the outcome is dropped, which the history says.
 */
import type { Stage } from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';
import { stageWhenReady } from '../delivery/plan-delivery';
import type { QueueOptions, TransitionChange } from '../store/queue-job';
import { waitingState, workingState } from '../store/stage-states';
import type { EngineContext } from '../context/engine-context';
import { queueDeliveries } from '../delivery-steps/queue-deliveries';
import { describeOutcome, type StageOutcome } from './stage-outcome';

/** The claim an outcome belongs to: which video, at which stage, asked for what. */
export interface ClaimRef {
  uid: string;
  stage: Stage;
  options: QueueOptions;
}

type Committable = Exclude<StageOutcome, { kind: 'stopped' }>;

/** The state an outcome moves the video to, the change it writes, and what goes in the same transaction. */
function plan(
  context: EngineContext,
  claim: ClaimRef,
  outcome: Committable,
): { to: VideoState; change: TransitionChange; alongside?: () => void } {
  const { uid, stage } = claim;
  const release = { releaseLease: true } as const;
  switch (outcome.kind) {
    case 'next': {
      const to = waitingState(outcome.stage);
      // A ready video moving between deliver and done keeps its 100 %.
      const pct = to === 'queued' ? { pctComplete: 0 } : {};
      const { source, mediaInfo, doc } = outcome.findings ?? {};
      return {
        to,
        change: {
          ...release,
          ...pct,
          stage: outcome.stage,
          nextAttemptAt: outcome.at ?? 0,
          ...(source ? { source } : {}),
          ...(mediaInfo ? { mediaInfo } : {}),
          ...(doc ? { doc } : {}),
        },
      };
    }
    case 'ready': {
      const next = stageWhenReady(claim.options);
      const { source, doc } = outcome.findings;
      return {
        to: 'ready',
        change: {
          ...release,
          stage: next,
          pctComplete: 100,
          nextAttemptAt: 0,
          ...(source ? { source } : {}),
          ...(doc ? { doc } : {}),
        },
        // First, so that the ready webhook written with the change lists them.
        ...(next === 'deliver'
          ? { alongside: () => queueDeliveries(context, uid, claim.options.deliverTo ?? []) }
          : {}),
      };
    }
    case 'error': {
      const { stderrTail } = outcome;
      return {
        to: 'error',
        change: {
          ...release,
          nextAttemptAt: 0,
          error: { code: outcome.code, text: outcome.text },
          ...(outcome.stage ? { stage: outcome.stage } : {}),
        },
        ...(stderrTail ? { alongside: () => context.store.record(uid, 'ffmpeg-stderr', { tail: stderrTail }) } : {}),
      };
    }
    case 'retry':
      return {
        to: waitingState(stage),
        change: { ...release, nextAttemptAt: outcome.at, attempts: outcome.failedAttempts },
        alongside: () =>
          context.store.record(uid, 'retry', {
            stage,
            reason: outcome.reason,
            ...(outcome.status ? { status: outcome.status } : {}),
            attempt: outcome.failedAttempts,
            nextAttemptAt: new Date(outcome.at).toISOString(),
          }),
      };
    case 'interrupted':
      return {
        to: waitingState(stage),
        // An interrupted attempt did not fail: it does not count against the next ones.
        change: { ...release, resetAttempts: true },
        alongside: () => context.store.record(uid, 'interrupted', { reason: outcome.reason }),
      };
  }
}

/** Answers whether the outcome was committed. */
export function applyOutcome(context: EngineContext, claim: ClaimRef, outcome: StageOutcome): boolean {
  if (outcome.kind === 'stopped') return false;
  const { to, change, alongside } = plan(context, claim, outcome);
  const expected = { state: workingState(claim.stage), stage: claim.stage };
  const result = context.store.commitClaimed(claim.uid, expected, to, change, alongside);
  // A transcode whose verdict did not land (paused, canceled meanwhile) takes back the live
  // playback it earned: its live folder is gone, and the next attempt earns it anew.
  if (!result.committed && claim.stage === 'transcode') context.store.live.end(claim.uid);
  // Work handed back for later has nothing to lose: only a verdict that did not land is worth telling.
  if (!result.committed && outcome.kind !== 'interrupted') {
    context.store.record(claim.uid, 'outcome-dropped', {
      stage: claim.stage,
      outcome: describeOutcome(outcome),
      found: result.found,
    });
  }
  return result.committed;
}

/** Commits the outcome, then does what the stage left for after the commit. */
export async function finishStage(context: EngineContext, claim: ClaimRef, outcome: StageOutcome): Promise<void> {
  const committed = applyOutcome(context, claim, outcome);
  if (committed && outcome.kind === 'ready' && outcome.afterCommit) await outcome.afterCommit();
}
