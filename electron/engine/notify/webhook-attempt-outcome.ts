/**
 * What one webhook attempt means: whether the outbox marks it delivered, schedules another try or
 * gives up, and what the video's history shows of it. Pure.
 */
import type { PendingWebhook } from '../store/webhook-outbox';
import type { WebhookAnswer, WebhookAttempt } from './post-webhook';
import { nextAttemptAt, type WebhookTuning } from './webhook-retry';

/** What each attempt adds to the video's history, as type 'webhook'. Never holds the secret. */
export interface WebhookAttemptRecord {
  url: string;
  attempt: number;
  status?: number;
  error?: string;
  nextAttemptAt?: string;
  outcome: 'delivered' | 'retrying' | 'gave up';
}

export interface WebhookAttemptOutcome {
  /** What the outbox is told: nothing (the same attempt is made again), delivered, or failed with the next try's time. */
  outbox: { kind: 'unchanged' } | { kind: 'delivered' } | { kind: 'failed'; error: string; nextAttemptAt?: number };
  record: WebhookAttemptRecord;
}

/** The URL as shown in history: without a user name or password someone put in it. */
function displayUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

function describeAnswer(answer: WebhookAnswer): string {
  const redirect = answer.status >= 300 && answer.status < 400 ? ' (redirects are not followed)' : '';
  return `The receiver answered HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}${redirect}.`;
}

export function webhookAttemptOutcome(
  hook: PendingWebhook,
  result: WebhookAttempt,
  tuning: WebhookTuning,
  now: number,
  random: () => number,
): WebhookAttemptOutcome {
  const attempt = hook.attempts + 1;
  const url = displayUrl(hook.url);
  if (result.kind === 'stopped') {
    // Not the receiver's fault, so not counted: the same attempt is made again next time.
    const error = 'Ferry stopped before the receiver answered; it will be sent again.';
    return { outbox: { kind: 'unchanged' }, record: { url, attempt, error, outcome: 'retrying' } };
  }
  if (result.kind === 'answered' && result.status >= 200 && result.status < 300) {
    return { outbox: { kind: 'delivered' }, record: { url, attempt, status: result.status, outcome: 'delivered' } };
  }
  const error = result.kind === 'answered' ? describeAnswer(result) : result.error;
  const final = result.kind === 'failed' && result.final;
  const next = final ? undefined : nextAttemptAt(attempt, tuning, now, random);
  const record: WebhookAttemptRecord = {
    url,
    attempt,
    ...(result.kind === 'answered' ? { status: result.status } : {}),
    error,
    ...(next === undefined
      ? { outcome: 'gave up' }
      : { nextAttemptAt: new Date(next).toISOString(), outcome: 'retrying' }),
  };
  return { outbox: { kind: 'failed', error, ...(next === undefined ? {} : { nextAttemptAt: next }) }, record };
}
