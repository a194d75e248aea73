import { describe, expect, it } from 'vitest';
import {
  defaultWebhookTuning,
  nextAttemptAt,
  retryDelayMs,
  type WebhookTuning,
} from '../../../electron/engine/notify/webhook-retry';

const tuning: WebhookTuning = { baseMs: 1000, maxMs: 10_000, maxAttempts: 5, timeoutMs: 1000 };

describe('webhook retry timing', () => {
  it('doubles the step after each failure, with equal jitter between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, tuning, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, tuning, () => 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(2, tuning, () => 0.5)).toBe(1500);
  });

  it('caps the step at maxMs, even after very many attempts', () => {
    expect(retryDelayMs(5, tuning, () => 0.999999)).toBe(10_000);
    expect(retryDelayMs(5000, tuning, () => 0)).toBe(5000);
    expect(Number.isFinite(retryDelayMs(5000, defaultWebhookTuning))).toBe(true);
  });

  it('gives up once maxAttempts have failed', () => {
    expect(nextAttemptAt(1, tuning, 1_000_000, () => 0)).toBe(1_000_500);
    expect(nextAttemptAt(4, tuning, 1_000_000, () => 0)).toBe(1_004_000);
    expect(nextAttemptAt(5, tuning, 1_000_000, () => 0)).toBeUndefined();
  });

  it('defaults to 5 s doubling up to 10 min, 10 attempts in all', () => {
    expect(defaultWebhookTuning).toMatchObject({ baseMs: 5000, maxMs: 600_000, maxAttempts: 10 });
    const waits = Array.from({ length: 9 }, (_, i) => retryDelayMs(i + 1, defaultWebhookTuning, () => 1));
    // The whole schedule with the longest waits: about half an hour from the first attempt to the last.
    expect(waits.reduce((a, b) => a + b, 0)).toBe(1_835_000);
  });
});
