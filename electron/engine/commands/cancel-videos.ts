/**
 * "Cancel": stops the work on each selected video (its ffmpeg is killed and its temporary files
 * removed by the stage that ran it) and leaves it in the list as canceled. Finished and
 * already-canceled videos are left alone.
 */
import type { Selection } from '../../../shared/api';
import { canTransition } from '../../../shared/video-states';
import type { EngineContext } from '../pipeline/engine-context';

export function selectedUids(context: EngineContext, selection: Selection): string[] {
  if ('uids' in selection) return selection.uids;
  const uids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = context.store.list({ limit: 1000, offset, asc: true });
    uids.push(...page.videos.map((v) => v.uid));
    if (page.videos.length < 1000) return uids;
  }
}

export async function cancelVideos(context: EngineContext, selection: Selection): Promise<{ changed: number }> {
  const stopping: Promise<void>[] = [];
  let changed = 0;
  for (const uid of selectedUids(context, selection)) {
    const video = context.store.get(uid);
    if (!video || !canTransition(video.status.state, 'canceled')) continue;
    context.store.transition(uid, 'canceled', { releaseLease: true });
    const work = context.running.get(uid);
    if (work) {
      work.stop();
      stopping.push(work.finished);
    }
    changed++;
    context.feed.touch(uid);
  }
  // Answer only when every stopped ffmpeg is gone and its temporary files removed.
  await Promise.all(stopping);
  return { changed };
}
