/**
 * A video becomes ready: with delivery targets it goes on to the deliver stage, its deliveries
 * queued in the same transaction; without, it is done.
 */
import { plannedDeliveries, stageWhenReady } from '../delivery/plan-delivery';
import type { ClaimedVideo, TransitionChange } from '../queue/queue-job';
import type { EngineContext } from './engine-context';

/** Creates the deliveries a video does not have yet (a crash may have come between ready and them). */
export function queueDeliveries(context: EngineContext, uid: string, targetIds: readonly string[]): void {
  if (targetIds.length === 0) return;
  const targets = new Map<string, { name: string; mode: 'tus' | 'pull' }>();
  for (const id of targetIds) {
    const target = context.targets.get(id);
    if (target) targets.set(id, target);
  }
  context.deliveries.create(uid, plannedDeliveries(targetIds, targets));
}

export function markReady(
  context: EngineContext,
  claimed: ClaimedVideo,
  change: Omit<TransitionChange, 'stage'>,
): void {
  const uid = claimed.video.uid;
  const stage = stageWhenReady(claimed.options);
  const ready = () => context.store.transition(uid, 'ready', { ...change, stage });
  // Without deliveries the transition is the whole change, and is a transaction of its own.
  if (stage === 'done') return ready();
  context.deliveries.atomically(() => {
    // Deliveries first, so that the ready webhook written with the transition lists them.
    queueDeliveries(context, uid, claimed.options.deliverTo ?? []);
    ready();
  });
}
