/**
 * Which video changes are worth a system notification (reaching ready, or failing), and the one
 * notification a batch of them becomes: a thousand videos finishing together say so once. Pure;
 * the caller keeps each video's last state and decides when a batch ends (show-finish-notices.ts).
 */
import type { QueueTotals } from '../../shared/api';
import type { Video } from '../../shared/video';
import type { VideoState } from '../../shared/video-states';

export interface Finished {
  ready: string[];
  failed: { name: string; reason: string }[];
}

export const nothingFinished = (): Finished => ({ ready: [], failed: [] });

/**
 * How a change of a video ends, if it does. Unseen before means it was already there when the app
 * started listening: an edit of an old ready video is no news.
 */
export function finishing(previous: VideoState | undefined, video: Video): 'ready' | 'failed' | undefined {
  const state = video.status.state;
  if (previous === undefined || previous === state) return undefined;
  if (state === 'ready') return 'ready';
  if (state === 'error') return 'failed';
  return undefined;
}

export const videoName = (video: Video): string => video.meta.name || video.uid;

/** The batch with this change added, if it finishes the video. */
export function withChange(batch: Finished, previous: VideoState | undefined, video: Video): Finished {
  const outcome = finishing(previous, video);
  if (outcome === 'ready') return { ...batch, ready: [...batch.ready, videoName(video)] };
  if (outcome === 'failed') {
    const reason = video.status.errorReasonText ?? 'Open Ferry to see what happened.';
    return { ...batch, failed: [...batch.failed, { name: videoName(video), reason }] };
  }
  return batch;
}

const remaining = (totals: QueueTotals): number =>
  totals.byState.queued + totals.byState.downloading + totals.byState.inprogress;

/** The queue had work and now has none left to do. */
export const queueEmptied = (previous: QueueTotals | undefined, current: QueueTotals): boolean =>
  previous !== undefined && remaining(previous) > 0 && remaining(current) === 0;

export interface NotificationText {
  title: string;
  body: string;
}

const count = (n: number): string => `${n} video${n === 1 ? '' : 's'}`;

function someNames(names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

export function notificationFor(finished: Finished, queueDone: boolean): NotificationText | undefined {
  const { ready, failed } = finished;
  if (ready.length + failed.length === 0) return undefined;
  if (queueDone && ready.length + failed.length > 1) {
    const parts = [ready.length > 0 ? `${ready.length} ready` : '', failed.length > 0 ? `${failed.length} failed` : ''];
    return { title: 'Ferry finished the queue', body: `${parts.filter(Boolean).join(', ')}.` };
  }
  const [firstFailed] = failed;
  if (firstFailed && failed.length === 1 && ready.length === 0) {
    return { title: `Failed: ${firstFailed.name}`, body: firstFailed.reason };
  }
  if (failed.length > 0) {
    return {
      title: `${count(failed.length)} failed`,
      body: `${someNames(failed.map((video) => video.name))}.${ready.length > 0 ? ` ${ready.length} ready.` : ''}`,
    };
  }
  if (ready.length === 1) return { title: `Ready: ${ready.join('')}`, body: 'It can be played and delivered.' };
  return { title: `${count(ready.length)} are ready`, body: `${someNames(ready)}.` };
}
