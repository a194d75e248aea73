/**
 * The one retry model of the engine, pure: which failures are transient, how long to wait before
 * the next attempt (the server's Retry-After, else exponential backoff with equal jitter), and
 * when to give up. Downloads, deliveries and webhooks all decide here.
 */

export interface RetryTuning {
  /** The wait after the first failed attempt (before jitter); each later one doubles it. */
  baseMs: number;
  /** The longest wait between two attempts, Retry-After included. */
  maxMs: number;
  /** Attempts in all, the first included, before giving up. */
  maxAttempts: number;
}

/** What one failed attempt looked like, as far as the retry decision cares. */
export interface FailedAttempt {
  /** The HTTP status; undefined when no answer came (a refused or dropped connection, a timeout). */
  status?: number;
  /** The Retry-After header of that answer, if any (seconds or an HTTP date). */
  retryAfter?: string | null;
}

export type RetryVerdict = { kind: 'retry'; delayMs: number; at: number } | { kind: 'give-up' };

/**
 * Transient: no answer at all, or an answer that says "not now" (RFC 9110: 408 timeout, 429 rate
 * limit, any 5xx). A protocol adds its own through `alsoTransient` (TUS: 409 offset conflict, 423
 * locked, 460 checksum mismatch).
 */
export function isTransient(status: number | undefined, alsoTransient: readonly number[] = []): boolean {
  if (status === undefined) return true;
  return status === 408 || status === 429 || status >= 500 || alsoTransient.includes(status);
}

/**
 * Exponential backoff with equal jitter: the wait after the `failedAttempts`-th failure is half
 * of the step `baseMs * 2^(n-1)` (capped at `maxMs`) plus a random part of the other half. Never
 * shorter than half the step, so a struggling server gets room; spread over the other half, so
 * that many clients that failed together do not come back in the same instant.
 */
export function backoffMs(
  failedAttempts: number,
  tuning: Pick<RetryTuning, 'baseMs' | 'maxMs'>,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // Capped before it is computed, so a large attempt count cannot overflow to Infinity.
  const step = exponent >= 52 ? tuning.maxMs : Math.min(tuning.maxMs, tuning.baseMs * 2 ** exponent);
  const half = step / 2;
  return Math.round(half + half * Math.min(Math.max(random(), 0), 1));
}

/** Retry-After as milliseconds from `now` (delay-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/**
 * After the `failedAttempts`-th failed attempt (1 after the first): wait and try again, or give
 * up because the failure is not transient or the attempts are spent. The server's Retry-After
 * wins over backoff, within `maxMs`.
 */
export function planRetry(
  failedAttempts: number,
  failure: FailedAttempt,
  tuning: RetryTuning,
  options: { now?: number; random?: () => number; alsoTransient?: readonly number[] } = {},
): RetryVerdict {
  if (!isTransient(failure.status, options.alsoTransient)) return { kind: 'give-up' };
  if (failedAttempts >= tuning.maxAttempts) return { kind: 'give-up' };
  const now = options.now ?? Date.now();
  const asked = retryAfterMs(failure.retryAfter, now);
  const delayMs =
    asked !== undefined ? Math.min(tuning.maxMs, asked) : backoffMs(failedAttempts, tuning, options.random);
  return { kind: 'retry', delayMs, at: now + delayMs };
}
