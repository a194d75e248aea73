/**
 * A download's retry decision, pure: what a failed attempt that is worth another one comes to
 * (wait, or give up with a sentence). Only attempts that got nowhere count against the limit: one
 * that made progress starts the count again, so a large file on a flaky link still finishes.
 */
import { planRetry, type RetryTuning } from '../retry/retry-policy';
import type { StageOutcome } from './stage-outcome';

export interface FailedDownload {
  /** This attempt's number at the fetch stage (the claim's count). */
  attempt: number;
  /** Whether this attempt moved the download on (the fetcher counts the bytes it added). */
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
