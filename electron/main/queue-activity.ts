/**
 * What the queue's totals mean for the desktop: whether work runs (so the system must not sleep,
 * and quitting should be asked about), and the progress the dock or taskbar shows. Pure.
 */
import type { QueueTotals } from '../../shared/api';

/** Videos being worked on now, plus those waiting for a queue that is taking work. */
export function workInProgress(totals: QueueTotals): number {
  const { byState, queue } = totals;
  const halted = queue.paused || queue.stopAfterCurrent || queue.lowDiskSpace;
  return byState.downloading + byState.inprogress + (halted ? 0 : byState.queued);
}

/** Keep the system awake while a download, a transcode or a delivery runs or is about to. */
export function keepAwake(totals: QueueTotals): boolean {
  return workInProgress(totals) > 0;
}

/** The videos that have left the queue for good, one way or another. */
const settled = (totals: QueueTotals): number => totals.byState.ready + totals.byState.error + totals.byState.canceled;

/**
 * The batch the dock shows: what was settled and failed when the queue last became busy, so
 * that yesterday's thousand ready videos do not make today's one look 99 % done.
 */
export interface Batch {
  settledAtStart: number;
  failedAtStart: number;
}

export type ProgressMode = 'none' | 'normal' | 'paused' | 'error';

export interface QueueProgress {
  batch: Batch | null;
  /** 0..1; -1 removes the bar (Electron's setProgressBar). */
  fraction: number;
  mode: ProgressMode;
}

export function queueProgress(previous: Batch | null, totals: QueueTotals): QueueProgress {
  const remaining = totals.byState.queued + totals.byState.downloading + totals.byState.inprogress;
  if (remaining === 0) return { batch: null, fraction: -1, mode: 'none' };
  const batch = previous ?? { settledAtStart: settled(totals), failedAtStart: totals.byState.error };
  const done = Math.max(0, settled(totals) - batch.settledAtStart);
  const fraction = done / (done + remaining);
  const failed = totals.byState.error > batch.failedAtStart;
  const mode: ProgressMode = failed ? 'error' : workInProgress(totals) === 0 ? 'paused' : 'normal';
  return { batch, fraction, mode };
}
