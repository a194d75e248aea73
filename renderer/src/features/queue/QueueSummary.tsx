/** The footer: the queue's counts by state, overall speed and time left, and why the queue is not taking work. */
import type { QueueTotals } from '../../../../shared/api';
import { formatBytes, formatDuration } from '../../../../shared/format-units';

/** Why the queue is not taking new work, in the words a user needs. */
function queueNotice(totals: QueueTotals): string | null {
  if (totals.queue.lowDiskSpace) return 'Paused: the disk is almost full. Ferry goes on when there is room.';
  if (totals.queue.paused) return 'Queue paused.';
  if (totals.queue.stopAfterCurrent) return 'Stopping after the current videos.';
  return null;
}

export function QueueSummary({ totals }: { totals: QueueTotals }) {
  const { byState } = totals;
  const active = byState.downloading + byState.inprogress;
  const notice = queueNotice(totals);
  // A time left is only true of a queue that is working: none while paused or with nothing running.
  const timeLeft = active > 0 && notice === null && totals.etaSeconds > 0 ? totals.etaSeconds : null;
  const optional = [
    byState.paused > 0 && `${byState.paused} paused`,
    byState.canceled > 0 && `${byState.canceled} canceled`,
  ].filter(Boolean);
  return (
    <p className="summary" aria-label="Queue totals">
      {totals.total} {totals.total === 1 ? 'video' : 'videos'} · {active} working · {byState.queued} queued ·{' '}
      {byState.ready} ready
      {byState.error > 0 && (
        <>
          {' '}
          · <span className="error">{byState.error} failed</span>
        </>
      )}
      {optional.map((text) => (
        <span key={String(text)}> · {text}</span>
      ))}
      {totals.bytesPerSecond > 0 && <> · {formatBytes(totals.bytesPerSecond)}/s</>}
      {timeLeft !== null && <> · {formatDuration(timeLeft)} left</>}
      {notice && (
        <>
          {' '}
          · <span role="status">{notice}</span>
        </>
      )}
    </p>
  );
}
