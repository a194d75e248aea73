/**
 * Pause, resume and retry for videos being delivered. Such a video is ready (playable here), so
 * its own state does not change: a pause takes it out of the deliver stage (its upload stops,
 * keeping its URL and offset); a resume puts it back, and the upload continues from the
 * server's offset; a retry sends failed deliveries again.
 */
import type { Selection } from '../../../shared/api';
import type { DeliveryState } from '../../../shared/video';
import { unfinishedDeliveryStates } from '../delivery/plan-delivery';
import type { EngineContext } from '../context/engine-context';
import { stopWork } from '../run/stop-work';
import { inBatches } from './queue-in-batches';

const named = (selection: Selection): string[] | null => ('uids' in selection ? selection.uids : null);

export async function pauseDeliveries(context: EngineContext, selection: Selection): Promise<{ changed: number }> {
  const uids = context.deliveries.videosAtDeliverStage(named(selection));
  await inBatches(uids, (batch) =>
    context.store.atomically(() => {
      for (const uid of batch) {
        context.store.transition(uid, 'ready', { stage: 'done', releaseLease: true, nextAttemptAt: 0 });
        context.store.record(uid, 'deliveries-paused', {});
      }
    }),
  );
  await stopWork(context, uids);
  return { changed: uids.length };
}

async function sendAgain(
  context: EngineContext,
  selection: Selection,
  states: readonly DeliveryState[],
  requeue: (uid: string) => void,
): Promise<{ changed: number }> {
  const uids = context.deliveries.videosWithDeliveries(states, named(selection));
  await inBatches(uids, (batch) =>
    context.deliveries.atomically(() => {
      for (const uid of batch) {
        requeue(uid);
        context.store.transition(uid, 'ready', { stage: 'deliver', releaseLease: true, nextAttemptAt: 0 });
      }
    }),
  );
  return { changed: uids.length };
}

/** Paused deliveries go on, from the offset the server holds. */
export const resumeDeliveries = (context: EngineContext, selection: Selection) =>
  sendAgain(context, selection, unfinishedDeliveryStates, (uid) => context.deliveries.reschedule(uid));

/** Failed deliveries are tried again, with a fresh attempt count. */
export const retryDeliveries = (context: EngineContext, selection: Selection) =>
  sendAgain(context, selection, ['error'], (uid) => context.deliveries.requeueFailed(uid));
