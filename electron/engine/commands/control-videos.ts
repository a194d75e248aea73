/**
 * Cancel, pause, resume and retry, for one video, a selection or the whole queue. Each moves
 * the selected videos to a new state and stops any work running on them, answering only when
 * that work is gone (its ffmpeg killed, its temporary files removed by the stage that ran it).
 * - cancel: the video stays in the list as canceled.
 * - pause: a download keeps its bytes on disk, a transcode starts that stage again later. The
 *   video stays paused until resumed, across restarts.
 * - resume: a paused video waits in the queue again, at the stage where it stopped.
 * - retry: a failed or canceled video goes back to the stage that failed, with a fresh attempt
 *   count, not to the start.
 */
import type { Selection } from '../../../shared/api';
import { canTransition, type VideoState } from '../../../shared/video-states';
import type { EngineContext } from '../pipeline/engine-context';
import type { TransitionChange } from '../queue/video-store';

export function selectedUids(context: EngineContext, selection: Selection): string[] {
  if ('uids' in selection) return selection.uids;
  const uids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = context.store.list({ limit: 1000, offset, asc: true });
    uids.push(...page.videos.map((v) => v.uid));
    if (page.videos.length < 1000) return uids;
  }
}

async function move(
  context: EngineContext,
  selection: Selection,
  to: VideoState,
  options: { from?: readonly VideoState[]; change: TransitionChange },
): Promise<{ changed: number }> {
  const stopping: Promise<void>[] = [];
  let changed = 0;
  for (const uid of selectedUids(context, selection)) {
    const state = context.store.get(uid)?.status.state;
    if (!state || (options.from && !options.from.includes(state)) || !canTransition(state, to)) continue;
    context.store.transition(uid, to, options.change);
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
