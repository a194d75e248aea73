import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  isTransient,
  planRetry,
  retryAfterMs,
  type RetryTuning,
} from '../../../electron/engine/retry/retry-policy';

const tuning: RetryTuning = { baseMs: 1000, maxMs: 10_000, maxAttempts: 5 };
const now = Date.parse('2026-11-21T10:00:00Z');

describe('the retry model', () => {
  it.each([
    [undefined, true],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [410, false],
  ])('takes status %s as transient: %s', (status, transient) => {
    expect(isTransient(status)).toBe(transient);
  });

  it('lets a protocol add its own transient statuses (TUS: 409, 423, 460)', () => {
    expect(isTransient(409, [409, 423, 460])).toBe(true);
    expect(isTransient(403, [409, 423, 460])).toBe(false);
  });

  it('doubles the step after each failure, with equal jitter between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, tuning, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, tuning, () => 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(2, tuning, () => 0.5)).toBe(1500);
  });

  it('caps the step at maxMs, even after very many attempts', () => {
    expect(backoffMs(5, tuning, () => 0.999999)).toBe(10_000);
    expect(backoffMs(5000, tuning, () => 0)).toBe(5000);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sat, 21 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('waits as long as the server asks, within maxMs, instead of backing off', () => {
    expect(planRetry(1, { status: 429, retryAfter: '7' }, tuning, { now })).toEqual({
      kind: 'retry',
      delayMs: 7000,
      at: now + 7000,
    });
    expect(planRetry(1, { status: 503, retryAfter: '3600' }, tuning, { now })).toMatchObject({ delayMs: 10_000 });
    expect(planRetry(2, { status: 503 }, tuning, { now, random: () => 0 })).toMatchObject({ delayMs: 1000 });
  });

  it('gives up on a refusal at once, and on a transient failure once the attempts are spent', () => {
    expect(planRetry(1, { status: 403 }, tuning, { now })).toEqual({ kind: 'give-up' });
    expect(planRetry(4, {}, tuning, { now, random: () => 0 })).toMatchObject({ kind: 'retry', delayMs: 4000 });
    expect(planRetry(5, {}, tuning, { now })).toEqual({ kind: 'give-up' });
  });
});
