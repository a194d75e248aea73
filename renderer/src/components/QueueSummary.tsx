import type { QueueTotals } from '../../../shared/api';
import { formatBytes, formatDuration } from '../../../shared/format-units';

/** Why the queue is not taking new work, in the words a user needs. */
function queueNotice(totals: QueueTotals): string | null {
  if (totals.queue.lowDiskSpace) return 'Paused: the disk is almost full. Ferry goes on when there is room.';
  if (totals.queue.paused) return 'Queue paused.';
  if (totals.queue.stopAfterCurrent) return 'Stopping after the current videos.';
  return null;
}

export function QueueSummary({ totals }: { totals: QueueTotals }) {
  const active = totals.byState.downloading + totals.byState.inprogress;
  const notice = queueNotice(totals);
  return (
    <p className="summary" aria-label="Queue totals">
      {totals.total} {totals.total === 1 ? 'video' : 'videos'} · {active} working · {totals.byState.queued} queued ·{' '}
      {totals.byState.ready} ready
      {totals.byState.error > 0 && (
        <>
          {' '}
          · <span className="error">{totals.byState.error} failed</span>
        </>
      )}
      {totals.bytesPerSecond > 0 && <> · {formatBytes(totals.bytesPerSecond)}/s</>}
      {totals.etaSeconds > 0 && <> · {formatDuration(totals.etaSeconds)} left</>}
      {notice && (
        <>
          {' '}
          · <span role="status">{notice}</span>
        </>
      )}
    </p>
  );
}
