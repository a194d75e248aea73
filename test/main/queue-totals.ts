/** Queue totals for main's tests: all zero and running, but for what a test sets. */
import type { QueueTotals } from '../../shared/api';
import type { VideoState } from '../../shared/video-states';

export function totals(
  byState: Partial<Record<VideoState, number>> = {},
  queue: Partial<QueueTotals['queue']> = {},
): QueueTotals {
  const counts = { queued: 0, downloading: 0, inprogress: 0, ready: 0, error: 0, paused: 0, canceled: 0, ...byState };
  return {
    byState: counts,
    total: Object.values(counts).reduce((sum, count) => sum + count, 0),
    bytesPerSecond: 0,
    etaSeconds: -1,
    batch: { done: 0, total: 0, bytesDone: 0, bytesTotal: 0 },
    queue: { paused: false, stopAfterCurrent: false, lowDiskSpace: false, ...queue },
  };
}
