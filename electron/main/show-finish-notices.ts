/**
 * Shows the system notifications of plan-finish-notice.ts: it remembers each video's last
 * state, gathers what finishes for a moment, and shows the batch as one notification.
 */
import { Notification } from 'electron';
import type { QueueTotals } from '../../shared/api';
import type { VideoState } from '../../shared/video-states';
import type { AppEngine } from './app-engine';
import { notificationFor, nothingFinished, queueEmptied, withChange, type Finished } from './plan-finish-notice';

/** Long enough that a burst of finishing videos becomes one notification. */
const gatherMs = 2000;

export function notifyFinishes(engine: AppEngine, onClick: () => void): () => void {
  const states = new Map<string, VideoState>();
  let pending: Finished = nothingFinished();
  let timer: NodeJS.Timeout | undefined;
  let lastTotals: QueueTotals | undefined;

  const flush = (queueDone: boolean): void => {
    clearTimeout(timer);
    timer = undefined;
    const text = notificationFor(pending, queueDone);
    pending = nothingFinished();
    if (!text || !Notification.isSupported()) return;
    const notification = new Notification(text);
    notification.on('click', onClick);
    notification.show();
  };

  const offVideos = engine.on('videos', (videos) => {
    for (const video of videos) {
      pending = withChange(pending, states.get(video.uid), video);
      states.set(video.uid, video.status.state);
    }
    if (pending.ready.length + pending.failed.length > 0) timer ??= setTimeout(() => flush(false), gatherMs);
  });
  const offRemoved = engine.on('removed', (uids) => uids.forEach((uid) => states.delete(uid)));
  const offTotals = engine.on('totals', (totals) => {
    if (queueEmptied(lastTotals, totals)) flush(true);
    lastTotals = totals;
  });
  return () => {
    clearTimeout(timer);
    offVideos();
    offRemoved();
    offTotals();
  };
}
