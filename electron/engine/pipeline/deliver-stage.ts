/**
 * The deliver stage: works each of a ready video's deliveries that is due, at once. A delivery
 * pushes the file (or has the service pull the link), then follows the video at the service until
 * the service says it is ready or failed (deliver-once.ts). The video waits in this stage until
 * every delivery has an outcome, asked again at the earliest retry or status poll; it stays ready
 * whatever its deliveries' outcomes.
 */
import type { RetryTuning } from '../delivery/delivery-failure';
import { stageAfterDeliveries, unfinishedDeliveryStates } from '../delivery/plan-delivery';
import type { ClaimedVideo } from '../queue/queue-job';
import { deliverOnce } from './deliver-once';
import { trackRunningWork, type EngineContext } from './engine-context';
import { queueDeliveries } from './queue-deliveries';
import type { StageOutcome } from './stage-outcome';

export interface DeliveryTuning extends RetryTuning {
  /**
   * Bytes per PATCH, a multiple of 256 KiB (Cloudflare's rule) and at most its 200 MiB. Each PATCH
   * waits for the server's answer before the next starts: 200 MiB rather than the 50 MiB Cloudflare
   * suggests kept a 1 GiB push at 0.94x curl's single PATCH instead of 0.71x (npm run bench --
   * deliver). A kill resends at most one chunk; a proxy's body limit halves it (delivery-failure.ts).
   */
  chunkSize: number;
  /** An attempt in which nothing moves for this long is abandoned and retried. */
  idleTimeoutMs: number;
  /** The first status poll after the service took the video; later ones back off from it. */
  pollBaseMs: number;
  /** The longest wait between status polls. */
  pollMaxMs: number;
  /** Status polls before a video the service never finishes fails the delivery. */
  maxPolls: number;
}

export const defaultDeliveryTuning: DeliveryTuning = {
  maxAttempts: 5,
  retryBaseMs: 2000,
  retryMaxMs: 5 * 60_000,
  chunkSize: 200 * 1024 * 1024,
  idleTimeoutMs: 120_000,
  // Well inside the services' API rate limits (Cloudflare: 1200 requests per 5 minutes per account).
  pollBaseMs: 5000,
  pollMaxMs: 60_000,
  // About a day at the longest wait: longer than any service takes to process a video.
  maxPolls: 1500,
};

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
