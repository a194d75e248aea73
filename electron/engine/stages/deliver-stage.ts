/**
 * The deliver stage: works each of a ready video's deliveries that is due, at once. A delivery
 * pushes the file (or has the service pull the link), then follows the video at the service until
 * the service says it is ready or failed (deliver-once.ts). The video waits in this stage until
 * every delivery has an outcome, asked again at the earliest retry or status poll; it stays ready
 * whatever its deliveries' outcomes.
 */
import { stageAfterDeliveries, unfinishedDeliveryStates } from '../delivery/plan-delivery';
import type { ClaimedVideo } from '../store/queue-job';
import { deliverOnce } from '../delivery-steps/deliver-once';
import type { DeliveryTuning } from '../delivery-steps/delivery-tuning';
import { trackRunningWork, type EngineContext } from '../context/engine-context';
import { queueDeliveries } from '../delivery-steps/queue-deliveries';
import type { StageOutcome } from './stage-outcome';

export async function runDeliverStage(
  context: EngineContext,
  claimed: ClaimedVideo,
  tuning: DeliveryTuning,
): Promise<StageOutcome> {
  const uid = claimed.video.uid;
  const work = trackRunningWork(context, uid);
  try {
    queueDeliveries(context, uid, claimed.options.deliverTo ?? []);
    const now = Date.now();
    const due = context.deliveries
      .rows(uid)
      .filter((row) => unfinishedDeliveryStates.includes(row.state) && row.next_attempt_at <= now);
    await Promise.all(due.map((row) => deliverOnce(context, claimed, row, work.signal, tuning)));
    // Stopped by a user's pause or a paused queue, which have already moved the video.
    if (work.signal.aborted) return { kind: 'stopped' };
    const rows = context.deliveries.rows(uid).map((r) => ({ state: r.state, nextAttemptAt: r.next_attempt_at }));
    const next = stageAfterDeliveries(rows);
    return { kind: 'next', stage: next.stage, at: next.stage === 'deliver' ? next.nextAttemptAt : 0 };
  } finally {
    work.end();
  }
}
