/**
 * When to try a webhook again. Exponential backoff with equal jitter: each wait is at least half
 * of the exponential step, so a receiver that is down gets real breathing room, and at most the
 * whole step, so that thousands of webhooks that failed together (the receiver restarted) do not
 * all come back in the same instant.
 */

export interface WebhookTuning {
  /** The first retry's step; each later one doubles it. */
  baseMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
  /** Attempts in all, the first included, before giving up. */
  maxAttempts: number;
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
 * The wait after the `failedAttempts`-th failed attempt (1 after the first), in ms.
 * `random` returns a number in [0, 1), as Math.random does; tests pass a fixed one.
 */
export function retryDelayMs(
  failedAttempts: number,
  tuning: WebhookTuning,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // Capped before it is computed, so a large attempt count cannot overflow to Infinity.
  const step = exponent >= 52 ? tuning.maxMs : Math.min(tuning.maxMs, tuning.baseMs * 2 ** exponent);
  const half = step / 2;
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(half + half * jitter);
}

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
  if (failedAttempts >= tuning.maxAttempts) return undefined;
  return now + retryDelayMs(failedAttempts, tuning, random);
}
