/**
 * `deliver`: sends videos that are already ready to delivery targets, whenever they were added
 * (a target added after the video was made, or a delivery to send again because the video was
 * deleted at the service or failed). A target the video has never been sent to gets a new
 * delivery; one that finished or failed starts again from nothing; one still at work is left as it
 * is. The video keeps its state (ready) and goes to the deliver stage, as a retry of its
 * deliveries does. Videos that are not ready, or whose outputs were deleted, have nothing to send.
 */
import type { CommandInput, CommandOutput } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import type { EngineContext } from '../context/engine-context';
import { plannedDeliveries } from '../delivery/plan-delivery';
import { inBatches } from './queue-in-batches';
import { selectedUids } from './control-videos';

/** Refuses a target that does not exist before anything is queued: the caller named the wrong one. */
function targetsOf(
  context: EngineContext,
  ids: readonly string[],
): Map<string, { name: string; mode: 'push' | 'pull' }> {
  const targets = new Map<string, { name: string; mode: 'push' | 'pull' }>();
  for (const id of new Set(ids)) {
    const target = context.targets.get(id);
    if (!target)
      throw new FerryError('NOT_FOUND', `No delivery target with id ${id}. See them with ferry target list.`);
    targets.set(id, target);
  }
  return targets;
}

/** Queues this video's deliveries to `targets`; answers how many were queued. Runs in a transaction. */
function deliverOne(
  context: EngineContext,
  uid: string,
  targets: ReadonlyMap<string, { name: string; mode: 'push' | 'pull' }>,
): number {
  const known = new Set(context.deliveries.rows(uid).map((row) => row.target_id));
  const fresh = [...targets.keys()].filter((id) => !known.has(id));
  context.deliveries.create(uid, plannedDeliveries(fresh, targets));
  const again = [...targets.keys()].filter((id) => known.has(id) && context.deliveries.sendAgainFromStart(uid, id));
  const queued = [...fresh, ...again];
  if (queued.length === 0) return 0;
  context.store.record(uid, 'delivery-requested', {
    targets: queued.map((id) => ({ target: id, name: targets.get(id)?.name ?? id })),
  });
  // A deliver stage at work on this video sees the new deliveries when it looks again; else it starts now.
  const position = context.store.positionOf(uid);
  if (position?.stage !== 'deliver' || context.store.leaseHolder(uid) === null)
    context.store.transition(uid, 'ready', { stage: 'deliver', releaseLease: true, nextAttemptAt: 0 });
  return queued.length;
}

export async function deliverVideos(
  context: EngineContext,
  input: CommandInput<'deliver'>,
): Promise<CommandOutput<'deliver'>> {
  const targets = targetsOf(context, input.targets);
  let queued = 0;
  let videos = 0;
  let notReady = 0;
  await inBatches(selectedUids(context, input), (batch) =>
    context.deliveries.atomically(() => {
      for (const uid of batch) {
        const video = context.store.get(uid);
        if (!video) continue;
        if (video.status.state !== 'ready' || video.outputsDeletedAt !== null) {
          notReady++;
          continue;
        }
        const count = deliverOne(context, uid, targets);
        queued += count;
        if (count > 0) videos++;
      }
    }),
  );
  return { queued, videos, notReady };
}
