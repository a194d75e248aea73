/**
 * Pause, resume and retry, for one video, a selection or the whole queue.
 * - pause: stops running work; a download keeps its bytes on disk, a transcode starts that stage
 *   again later. The video stays paused until resumed, across restarts.
 * - resume: a paused video waits in the queue again, at the stage where it stopped.
 * - retry: a failed or canceled video goes back to the stage that failed, with a fresh attempt
 *   count, not to the start.
 */
import type { Selection } from '../../../shared/api';
import { canTransition, type VideoState } from '../../../shared/video-states';
import type { EngineContext } from '../pipeline/engine-context';
import { selectedUids } from './cancel-videos';

async function move(
  context: EngineContext,
  selection: Selection,
  from: readonly VideoState[],
  to: VideoState,
): Promise<{ changed: number }> {
  const stopping: Promise<void>[] = [];
  let changed = 0;
  for (const uid of selectedUids(context, selection)) {
    const video = context.store.get(uid);
    if (!video || !from.includes(video.status.state) || !canTransition(video.status.state, to)) continue;
    context.store.transition(uid, to, { releaseLease: true, nextAttemptAt: 0, resetAttempts: to === 'queued' });
    const work = context.running.get(uid);
    if (work) {
      work.stop();
      stopping.push(work.finished);
    }
    changed++;
    context.feed.touch(uid);
  }
  await Promise.all(stopping);
  return { changed };
}

export const pauseVideos = (context: EngineContext, selection: Selection) =>
  move(context, selection, ['queued', 'downloading', 'inprogress'], 'paused');

export const resumeVideos = (context: EngineContext, selection: Selection) =>
  move(context, selection, ['paused'], 'queued');

export const retryVideos = (context: EngineContext, selection: Selection) =>
  move(context, selection, ['error', 'canceled'], 'queued');
