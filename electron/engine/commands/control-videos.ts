/**
 * Cancel, pause, resume, retry and remove, for one video, a selection or the whole queue. Each
 * moves the selected videos to a new state and stops any work running on them, answering only
 * when that work is gone (its ffmpeg killed, its temporary files removed by the stage that ran it).
 * - cancel: the video stays in the list as canceled.
 * - pause: a download keeps its bytes on disk, a transcode starts that stage again later. The
 *   video stays paused until resumed, across restarts.
 * - resume: a paused video waits in the queue again, at the stage where it stopped.
 * - retry: a failed or canceled video goes back to the stage that failed, with a fresh attempt
 *   count, not to the start.
 * - remove: the video leaves the list; its outputs go too when asked (an unfinished video's
 *   partial download always goes), and so does a TUS upload it was made from.
 * A selection of thousands ("all") is moved a batch at a time, one transaction each, with a turn
 * of the event loop between batches (queue-in-batches.ts): 20,000 pauses in one go held the
 * process for seconds.
 */
import type { Selection } from '../../../shared/api';
import { canTransition, type VideoState } from '../../../shared/video-states';
import { forgetUnusedSecrets } from '../delivery/link-header-secrets';
import { deleteOutputs } from '../housekeeping/delete-outputs';
import { deleteUploadedSources, uploadedSources } from '../housekeeping/delete-uploaded-sources';
import type { EngineContext } from '../context/engine-context';
import { stopWork } from '../run/stop-work';
import type { TransitionChange } from '../store/queue-job';
import { inBatches } from './queue-in-batches';

export function selectedUids(context: EngineContext, selection: Selection): string[] {
  return 'uids' in selection ? selection.uids : context.edits.allUids();
}

async function move(
  context: EngineContext,
  selection: Selection,
  to: VideoState,
  options: { from?: readonly VideoState[]; change: TransitionChange },
): Promise<{ changed: number }> {
  const moved: string[] = [];
  await inBatches(selectedUids(context, selection), (batch) =>
    context.store.atomically(() => {
      for (const uid of batch) {
        const state = context.store.stateOf(uid);
        if (!state || (options.from && !options.from.includes(state)) || !canTransition(state, to)) continue;
        context.store.transition(uid, to, options.change);
        moved.push(uid);
      }
    }),
  );
  await stopWork(context, moved);
  return { changed: moved.length };
}

export const cancelVideos = (context: EngineContext, selection: Selection) =>
  move(context, selection, 'canceled', { change: { releaseLease: true } });

export const pauseVideos = (context: EngineContext, selection: Selection) =>
  move(context, selection, 'paused', {
    from: ['queued', 'downloading', 'inprogress'],
    change: { releaseLease: true, nextAttemptAt: 0 },
  });

export const resumeVideos = (context: EngineContext, selection: Selection) =>
  move(context, selection, 'queued', {
    from: ['paused'],
    change: { releaseLease: true, nextAttemptAt: 0, resetAttempts: true },
  });

export const retryVideos = (context: EngineContext, selection: Selection) =>
  move(context, selection, 'queued', {
    from: ['error', 'canceled'],
    change: { releaseLease: true, nextAttemptAt: 0, resetAttempts: true },
  });

export async function removeVideos(
  context: EngineContext,
  selection: Selection & { deleteOutputs?: boolean },
): Promise<{ removed: number }> {
  const uids = selectedUids(context, selection);
  await stopWork(context, uids);
  // A video that never finished has nothing worth keeping: its partial download goes with it.
  const unfinished: string[] = [];
  let removed = 0;
  const uploads: string[] = [];
  await inBatches(uids, (batch) => {
    unfinished.push(...batch.filter((uid) => context.store.stateOf(uid) !== 'ready'));
    const secrets = context.store.headerSecrets.refsOf(batch);
    uploads.push(...uploadedSources(context, batch));
    removed += context.edits.remove(batch);
    // The links' credentials leave the vault with the last video that needed them.
    forgetUnusedSecrets(context.store.headerSecrets, context.credentials, secrets);
  });
  await deleteOutputs(context, selection.deleteOutputs ? uids : unfinished);
  await deleteUploadedSources(context, uploads);
  return { removed };
}
