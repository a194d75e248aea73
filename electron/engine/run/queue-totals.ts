/** The queue as a whole, for the UI's summary and `ferry list`: counts, speed, ETA and switches. */
import type { QueueControl, QueueTotals } from '../../../shared/api';
import { unfinishedCount } from '../../../shared/video-states';
import type { EngineContext } from '../context/engine-context';
import { estimateQueueEtaSeconds } from './plan-claims';

export function queueControl(context: EngineContext): QueueControl {
  return { ...context.control.switches(), lowDiskSpace: context.lowDiskSpace };
}

export function queueTotals(context: EngineContext): QueueTotals {
  const byState = context.store.countByState();
  const remaining = unfinishedCount(byState);
  return {
    byState,
    total: Object.values(byState).reduce((a, b) => a + b, 0),
    bytesPerSecond: context.edits.downloadSpeed(),
    etaSeconds: estimateQueueEtaSeconds(context.activity.activeMs(), context.activity.finished, remaining),
    queue: queueControl(context),
  };
}
