/**
 * A video's deliveries, one per target it was ingested with: created in the transaction that
 * makes it ready (see apply-outcome.ts); the deliver stage adds any missing (a video made ready
 * by an older Ferry, which wrote them after the fact).
 */
import { plannedDeliveries } from '../delivery/plan-delivery';
import type { EngineContext } from '../context/engine-context';

/** Creates the deliveries a video does not have yet. */
export function queueDeliveries(context: EngineContext, uid: string, targetIds: readonly string[]): void {
  if (targetIds.length === 0) return;
  const targets = new Map<string, { name: string; mode: 'push' | 'pull' }>();
  for (const id of targetIds) {
    const target = context.targets.get(id);
    if (target) targets.set(id, target);
  }
  context.deliveries.create(uid, plannedDeliveries(targetIds, targets));
}
