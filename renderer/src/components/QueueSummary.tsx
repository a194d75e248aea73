import type { QueueTotals } from '../../../shared/api';

export function QueueSummary({ totals }: { totals: QueueTotals }) {
  const active = totals.byState.downloading + totals.byState.inprogress;
  return (
    <p className="summary" aria-label="Queue totals">
      {totals.total} videos · {active} working · {totals.byState.queued} queued · {totals.byState.ready} ready
      {totals.byState.error > 0 && (
        <>
          {' '}
          · <span className="error">{totals.byState.error} failed</span>
        </>
      )}
    </p>
  );
}
