/**
 * Sends the webhooks waiting in the outbox: each one's stored body, exactly, POSTed with a
 * Cloudflare-style `Webhook-Signature` made at send time with the current secret, retried with
 * backoff until a 2xx or the attempt limit. Every attempt goes into the video's history, so a
 * user can see why a receiver got nothing. Delivery is at least once: a receiver may see a
 * webhook again (an answer lost, Ferry stopped mid-request) and should treat uid + state as the key.
 */
import http from 'node:http';
import https from 'node:https';
import type { Settings } from '../../../shared/api';
import type { VideoStore } from '../store/video-store';
import type { PendingWebhook, WebhookOutbox } from '../store/webhook-outbox';
import { postWebhook, type PublicOnlyWebhooks, type WebhookConnection } from './post-webhook';
import { webhookAttemptOutcome } from './webhook-attempt-outcome';
import type { WebhookTuning } from './webhook-retry';

export interface WebhookSenderOptions {
  outbox: WebhookOutbox;
  store: VideoStore;
  /** Read at every attempt, so that a new secret signs the very next request. */
  settings: () => Settings;
  tuning: WebhookTuning;
  /**
   * Where a webhook URL set over ferry serve connects (engine wiring: the fetcher's guarded
   * agents): public addresses only, checked at connect time, so a name that resolves inward is
   * refused. Absent: every URL connects freely (tests of the sender alone).
   */
  publicOnly?: PublicOnlyWebhooks;
  /** For the retry jitter, in [0, 1); tests pass a fixed one. */
  random?: () => number;
  /**
   * Told when the sender itself breaks (its database failed) and stops; a receiver's failures go
   * to the video's history instead. Default: a process warning on stderr.
   */
  onError?: (error: Error) => void;
}

export interface WebhookSender {
  /** Looks at the outbox now, if this process queued a webhook since the last look (a video just reached ready or error). */
  notify(): void;
  /**
   * Resolves once no webhook is waiting any more (each delivered or given up on), or when the
   * sender is stopped; rejects with the error that broke the sender.
   */
  drain(): Promise<void>;
  /** Stops promptly, aborting requests in flight (they are sent again next time); resolves when stopped. */
  stop(): Promise<void>;
}

// Sent side by side: enough to clear a backlog after a receiver's outage without flooding it.
const concurrency = 4;
// A look at the outbox this often even when idle, for webhooks queued by another process on the same data directory.
const idleLookMs = 30_000;
const maxTimerMs = 2 ** 31 - 1;

export function startWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { outbox } = options;
  const onError = options.onError ?? ((error: Error) => process.emitWarning(`Webhooks stopped: ${error.message}`));
  const stopping = new AbortController();
  const connection = openConnection(options, stopping.signal);
  const pause = wakeableSleep();
  const drainers = drainWaiters();
  let broken: Error | undefined;
  // The outbox's count at the sender's last look: a notify with nothing new queued since costs nothing.
  let lookedAt = -1;

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      lookedAt = outbox.enqueuedCount;
      if (await sendDueBatch(options, connection)) continue;
      if (drainers.waiting() && outbox.pendingCount() === 0) drainers.settle();
      await pause.sleep(untilNextLook(outbox));
    }
  }

  const running = loop().then(
    () => drainers.settle(),
    (error: unknown) => {
      broken = error instanceof Error ? error : new Error(String(error));
      drainers.settle(broken);
      onError(broken);
    },
  );

  return {
    notify() {
      if (outbox.enqueuedCount !== lookedAt) pause.wake();
    },
    drain() {
      if (broken) return Promise.reject(broken);
      if (stopping.signal.aborted) return Promise.resolve();
      const drained = drainers.add();
      pause.wake();
      return drained;
    },
    async stop() {
      stopping.abort();
      pause.wake();
      await running;
      connection.agents.http.destroy();
      connection.agents.https.destroy();
    },
  };
}

function openConnection(options: WebhookSenderOptions, stopping: AbortSignal): WebhookConnection {
  return {
    settings: options.settings,
    timeoutMs: options.tuning.timeoutMs,
    ...(options.publicOnly ? { publicOnly: options.publicOnly } : {}),
    // Kept-alive connections to the receiver, closed by stop() so that nothing is left open.
    agents: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
    stopping,
  };
}

/** Sends the webhooks due now, side by side; false when none was due. Throws what broke the sender. */
async function sendDueBatch(options: WebhookSenderOptions, connection: WebhookConnection): Promise<boolean> {
  const now = Date.now();
  // Held past the request's timeout, so a crash mid-send only delays the webhook.
  const batch = options.outbox.take(now, concurrency, now + options.tuning.timeoutMs + 10_000);
  if (batch.length === 0) return false;
  const results = await Promise.allSettled(batch.map((hook) => deliver(hook, options, connection)));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return true;
}

/** One attempt, and what it means written to the outbox and the video's history. */
async function deliver(hook: PendingWebhook, options: WebhookSenderOptions, connection: WebhookConnection) {
  const result = await postWebhook(hook, connection);
  const { outbox, record } = webhookAttemptOutcome(
    hook,
    result,
    options.tuning,
    Date.now(),
    options.random ?? Math.random,
  );
  if (outbox.kind === 'delivered') options.outbox.delivered(hook.id);
  if (outbox.kind === 'failed') options.outbox.failed(hook.id, outbox.error, outbox.nextAttemptAt);
  options.store.record(hook.uid, 'webhook', { ...record });
}

function untilNextLook(outbox: WebhookOutbox): number {
  const next = outbox.nextDueAt();
  return Math.min(next === undefined ? idleLookMs : next - Date.now(), idleLookMs);
}

/** A sleep that `wake` ends early (a webhook was queued, a drain asked, the sender stopped). */
function wakeableSleep() {
  let wake: (() => void) | undefined;
  return {
    sleep(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(done, Math.min(Math.max(ms, 0), maxTimerMs));
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    wake: () => wake?.(),
  };
}

/** The callers of drain(), told together once the outbox is empty or the sender ends. */
function drainWaiters() {
  const waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  return {
    waiting: () => waiters.length > 0,
    add: () => new Promise<void>((resolve, reject) => waiters.push({ resolve, reject })),
    settle(error?: Error): void {
      for (const waiter of waiters.splice(0)) {
        if (error) waiter.reject(error);
        else waiter.resolve();
      }
    },
  };
}
