import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../electron/engine/retry/retry-policy';
import { defaultWebhookTuning, nextAttemptAt, type WebhookTuning } from '../../../electron/engine/notify/webhook-retry';

const tuning: WebhookTuning = { baseMs: 1000, maxMs: 10_000, maxAttempts: 5, timeoutMs: 1000 };

describe('webhook retry timing', () => {
  it('gives up once maxAttempts have failed', () => {
    expect(nextAttemptAt(1, tuning, 1_000_000, () => 0)).toBe(1_000_500);
    expect(nextAttemptAt(4, tuning, 1_000_000, () => 0)).toBe(1_004_000);
    expect(nextAttemptAt(5, tuning, 1_000_000, () => 0)).toBeUndefined();
  });

  it('defaults to 5 s doubling up to 10 min, 10 attempts in all', () => {
    expect(defaultWebhookTuning).toMatchObject({ baseMs: 5000, maxMs: 600_000, maxAttempts: 10 });
    const waits = Array.from({ length: 9 }, (_, i) => backoffMs(i + 1, defaultWebhookTuning, () => 1));
    // The whole schedule with the longest waits: about half an hour from the first attempt to the last.
    expect(waits.reduce((a, b) => a + b, 0)).toBe(1_835_000);
  });
});
