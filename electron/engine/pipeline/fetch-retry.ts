/**
 * A download's retry decisions, pure: what a failed attempt that is worth another one comes to
 * (wait, or give up with a sentence), and whether an attempt made progress. Only attempts that
 * got nowhere count against the limit (as the fetcher counted them when it retried by itself): one
 * that made progress starts the count again, so a large file on a flaky link still finishes.
 */
import { planRetry, type RetryTuning } from '../retry/retry-policy';
import type { DownloadProgress } from '../sources/download-url';
import type { StageOutcome } from './stage-outcome';

export interface FailedDownload {
  /** This attempt's number at the fetch stage (the claim's count). */
  attempt: number;
  /** Whether this attempt moved the download on. */
  progressed: boolean;
  /** What went wrong, as the fetcher says it. */
  message: string;
  status?: number;
  retryAfter?: string | null;
}

export function fetchRetryOutcome(failure: FailedDownload, tuning: RetryTuning, now = Date.now()): StageOutcome {
  const failedAttempts = failure.progressed ? 1 : failure.attempt;
  const { status, retryAfter } = failure;
  const verdict = planRetry(failedAttempts, { status, retryAfter: retryAfter ?? null }, tuning, { now });
  if (verdict.kind === 'give-up') {
    const text = `${failure.message} Gave up after ${failedAttempts} attempts; check that the link works, then retry the video.`;
    return { kind: 'error', code: 'ERR_FETCH_ORIGIN_ERROR', text };
  }
  return { kind: 'retry', at: verdict.at, failedAttempts, reason: failure.message, ...(status ? { status } : {}) };
}

/**
 * Whether an attempt moved the download on, from what the fetcher reports (at most four times a
 * second): a larger share than the video showed when claimed, or more bytes than its first report.
 * An attempt that got bytes and failed before its first report counts as one without progress.
 */
export function progressWatch(startPct: number) {
  let firstBytes: number | undefined;
  let made = false;
  return {
    /** Takes a report; answers the share done, as pctComplete shows it. */
    saw(p: DownloadProgress): number {
      const pct = p.total > 0 ? Math.round((p.bytes / p.total) * 1000) / 10 : 0;
      firstBytes ??= p.bytes;
      if (pct > startPct || p.bytes > firstBytes) made = true;
      return pct;
    },
    made: () => made,
  };
}
