/**
 * When to try a webhook again: the engine's retry model (exponential backoff with equal jitter),
 * with a schedule long enough to ride out a receiver's restart.
 */
import { planRetry, type RetryTuning } from '../retry/retry-policy';

export interface WebhookTuning extends RetryTuning {
  /** How long one POST may take, connection to status line, before it counts as failed. */
  timeoutMs: number;
}

// With these, the tenth and last attempt comes about 15-30 minutes after the first: long enough
// to ride out a receiver's deploy or restart, short enough that `ferry run` does not hang for hours.
export const defaultWebhookTuning: WebhookTuning = {
  baseMs: 5_000,
  maxMs: 10 * 60_000,
  maxAttempts: 10,
  timeoutMs: 10_000,
};

/**
 * When to try again after a failed attempt, given how many attempts have failed so far (this one
 * included), or undefined when that was the last one allowed: give up.
 */
export function nextAttemptAt(
  failedAttempts: number,
  tuning: WebhookTuning,
  now = Date.now(),
  random: () => number = Math.random,
): number | undefined {
  // Whatever went wrong is worth another try: the receiver may be mid-deploy or misconfigured for now.
  const plan = planRetry(failedAttempts, {}, tuning, { now, random });
  return plan.kind === 'retry' ? plan.at : undefined;
}
