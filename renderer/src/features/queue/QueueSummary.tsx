/**
 * The footer: the current batch's progress, the queue's counts by state, overall speed and time
 * left. Why the queue is not taking work is the banner's to say (QueueStateBanner), with its undo.
 */
import type { QueueTotals } from '../../../../shared/api';
import { formatBytes, formatDuration } from '../../../../shared/format-units';
import { BatchProgress } from './BatchProgress';

/** Whether the queue has stopped working (paused, short of disk); stopping after the current videos it still works. */
const halted = (totals: QueueTotals) => totals.queue.paused || totals.queue.lowDiskSpace;

export function QueueSummary({ totals }: { totals: QueueTotals }) {
  const { byState } = totals;
  const active = byState.downloading + byState.inprogress;
  // A time left is only true of a queue that is working: none while paused or with nothing running.
  const timeLeft = active > 0 && !halted(totals) && totals.etaSeconds > 0 ? totals.etaSeconds : null;
  const optional = [
    byState.paused > 0 && `${byState.paused} paused`,
    byState.canceled > 0 && `${byState.canceled} canceled`,
  ].filter(Boolean);
  return (
    <>
      <BatchProgress batch={totals.batch} />
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
      </p>
    </>
  );
}
