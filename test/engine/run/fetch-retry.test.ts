import { describe, expect, it } from 'vitest';
import { fetchRetryOutcome } from '../../../electron/engine/stages/fetch-retry';

const tuning = { baseMs: 1000, maxMs: 60_000, maxAttempts: 3 };
const now = 1_700_000_000_000;
const failure = { message: 'The origin answered 503.', status: 503 };

describe("a download's failed attempt", () => {
  it('waits and tries again until the attempts without progress are spent, then says what to do', () => {
    for (const attempt of [1, 2]) {
      const outcome = fetchRetryOutcome({ ...failure, attempt, progressed: false }, tuning, now);
      expect(outcome).toMatchObject({ kind: 'retry', failedAttempts: attempt, status: 503 });
    }
    expect(fetchRetryOutcome({ ...failure, attempt: 3, progressed: false }, tuning, now)).toEqual({
      kind: 'error',
      code: 'ERR_FETCH_ORIGIN_ERROR',
      text: 'The origin answered 503. Gave up after 3 attempts; check that the link works, then retry the video.',
    });
  });

  it('does not count an attempt that made progress: the count starts again', () => {
    const outcome = fetchRetryOutcome({ ...failure, attempt: 7, progressed: true }, tuning, now);
    expect(outcome).toMatchObject({ kind: 'retry', failedAttempts: 1 });
  });

  it("waits as long as the origin's Retry-After asks, within the longest wait", () => {
    const asked = fetchRetryOutcome({ ...failure, attempt: 1, progressed: false, retryAfter: '7' }, tuning, now);
    expect(asked).toMatchObject({ kind: 'retry', at: now + 7000 });
    const tooLong = fetchRetryOutcome({ ...failure, attempt: 1, progressed: false, retryAfter: '3600' }, tuning, now);
    expect(tooLong).toMatchObject({ kind: 'retry', at: now + 60_000 });
  });

  it('backs off with equal jitter otherwise: between half the step and the step, doubling', () => {
    for (const [attempt, step] of [
      [1, 1000],
      [2, 2000],
    ] as const) {
      const outcome = fetchRetryOutcome({ message: 'reset', attempt, progressed: false }, tuning, now);
      if (outcome.kind !== 'retry') throw new Error(`expected a retry, got ${outcome.kind}`);
      expect(outcome.at - now).toBeGreaterThanOrEqual(step / 2);
      expect(outcome.at - now).toBeLessThanOrEqual(step);
    }
  });
});
