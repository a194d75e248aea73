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
import { privateNetworkAdvice } from '../../../shared/private-address';
import type { VideoStore } from '../store/video-store';
import type { PendingWebhook, WebhookOutbox } from '../store/webhook-outbox';
import { signatureHeader, signWebhook } from './sign-webhook';
import { nextAttemptAt, type WebhookTuning } from './webhook-retry';

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

export interface PublicOnlyWebhooks {
  /** Whether webhooks to this URL must stay on public addresses (it was set over ferry serve). */
  appliesTo(url: string): boolean;
  agent(protocol: 'http:' | 'https:'): http.Agent;
  /** Whether `error` is the agent refusing a private address. */
  refused(error: unknown): boolean;
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

/** What each attempt adds to the video's history, as type 'webhook'. Never holds the secret. */
export interface WebhookAttemptRecord {
  url: string;
  attempt: number;
  status?: number;
  error?: string;
  nextAttemptAt?: string;
  outcome: 'delivered' | 'retrying' | 'gave up';
}

// Sent side by side: enough to clear a backlog after a receiver's outage without flooding it.
const concurrency = 4;
// A look at the outbox this often even when idle, for webhooks queued by another process on the same data directory.
const idleLookMs = 30_000;
const maxTimerMs = 2 ** 31 - 1;

type Answer = { kind: 'answered'; status: number; statusText: string };
type Attempt = Answer | { kind: 'failed'; error: string; final: boolean } | { kind: 'stopped' };

/** The URL as shown in history: without a user name or password someone put in it. */
function displayUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

function post(
  target: URL,
  body: Buffer,
  headers: Record<string, string>,
  signal: AbortSignal,
  agent: http.Agent,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, { method: 'POST', headers, signal, agent }, (response) => {
      // The answer's body is read to its end and never kept: the history, which API callers read,
      // shows the status line only, so a receiver (or whatever answers at the URL) cannot have
      // its pages shown through Ferry.
      response.resume();
      response.on('end', () =>
        resolve({ kind: 'answered', status: response.statusCode ?? 0, statusText: response.statusMessage ?? '' }),
      );
      response.on('error', reject);
      response.on('close', () => {
        if (!response.complete) reject(new Error('the connection closed before the answer was complete'));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

function describeAnswer(answer: Answer): string {
  const redirect = answer.status >= 300 && answer.status < 400 ? ' (redirects are not followed)' : '';
  return `The receiver answered HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}${redirect}.`;
}

/** The refusal of a URL set over ferry serve that leads inward: final, since it would be refused again. */
const privateAddressText = (target: URL) =>
  `${target.host} leads to a loopback, private or link-local address, which a webhook set over ferry serve may not ` +
  `reach; ${privateNetworkAdvice}, or set the webhook in the app or with ferry settings webhookUrl. Not sent.`;

export function startWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { outbox, store, tuning } = options;
  const random = options.random ?? Math.random;
  const onError = options.onError ?? ((error: Error) => process.emitWarning(`Webhooks stopped: ${error.message}`));
  const stopping = new AbortController();
  // Kept-alive connections to the receiver, closed by stop() so that nothing is left open.
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  const drainers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let wake: (() => void) | undefined;
  let broken: Error | undefined;
  // The outbox's count at the sender's last look: a notify with nothing new queued since costs nothing.
  let lookedAt = -1;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.min(Math.max(ms, 0), maxTimerMs));
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function send(hook: PendingWebhook): Promise<Attempt> {
    if (!URL.canParse(hook.url) || !/^https?:$/.test(new URL(hook.url).protocol)) {
      return { kind: 'failed', error: 'The webhook URL is not an http or https URL.', final: true };
    }
    const target = new URL(hook.url);
    const body = Buffer.from(hook.body, 'utf8');
    const headers = {
      'Content-Type': 'application/json',
      'Content-Length': String(body.length),
      'User-Agent': 'Ferry-Webhooks',
      [signatureHeader]: signWebhook(hook.body, options.settings().webhookSecret, Math.floor(Date.now() / 1000)),
    };
    // One controller per request, tied to stop() by a listener removed afterwards: a long-running
    // app sends many webhooks, and nothing of each should stay attached to the sender's signal.
    const request = new AbortController();
    const abortOnStop = () => request.abort();
    stopping.signal.addEventListener('abort', abortOnStop);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.abort();
    }, tuning.timeoutMs);
    const guard = options.publicOnly?.appliesTo(hook.url) ? options.publicOnly : undefined;
    const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
    try {
      const agent = guard ? guard.agent(protocol) : agents[protocol === 'https:' ? 'https' : 'http'];
      return await post(target, body, headers, request.signal, agent);
    } catch (error) {
      if (stopping.signal.aborted) return { kind: 'stopped' };
      if (guard?.refused(error)) return { kind: 'failed', error: privateAddressText(target), final: true };
      if (timedOut) {
        return { kind: 'failed', error: `The receiver did not answer within ${tuning.timeoutMs} ms.`, final: false };
      }
      const cause = error as NodeJS.ErrnoException;
      return { kind: 'failed', error: `The connection failed (${cause.code ?? cause.message}).`, final: false };
    } finally {
      clearTimeout(timer);
      stopping.signal.removeEventListener('abort', abortOnStop);
    }
  }

  async function deliver(hook: PendingWebhook): Promise<void> {
    const attempt = hook.attempts + 1;
    const url = displayUrl(hook.url);
    const record = (data: WebhookAttemptRecord) => store.record(hook.uid, 'webhook', { ...data });
    const result = await send(hook);
    if (result.kind === 'stopped') {
      // Not the receiver's fault, so not counted: the same attempt is made again next time.
      record({
        url,
        attempt,
        error: 'Ferry stopped before the receiver answered; it will be sent again.',
        outcome: 'retrying',
      });
      return;
    }
    if (result.kind === 'answered' && result.status >= 200 && result.status < 300) {
      outbox.delivered(hook.id);
      record({ url, attempt, status: result.status, outcome: 'delivered' });
      return;
    }
    const error = result.kind === 'answered' ? describeAnswer(result) : result.error;
    const final = result.kind === 'failed' && result.final;
    const next = final ? undefined : nextAttemptAt(attempt, tuning, Date.now(), random);
    outbox.failed(hook.id, error, next);
    record({
      url,
      attempt,
      ...(result.kind === 'answered' ? { status: result.status } : {}),
      error,
      ...(next === undefined
        ? { outcome: 'gave up' }
        : { nextAttemptAt: new Date(next).toISOString(), outcome: 'retrying' }),
    });
  }

  function settleDrainers(error?: Error): void {
    for (const drainer of drainers.splice(0)) {
      if (error) drainer.reject(error);
      else drainer.resolve();
    }
  }

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      const now = Date.now();
      lookedAt = outbox.enqueuedCount;
      // Held past the request's timeout, so a crash mid-send only delays the webhook.
      const batch = outbox.take(now, concurrency, now + tuning.timeoutMs + 10_000);
      if (batch.length > 0) {
        const results = await Promise.allSettled(batch.map(deliver));
        const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failure) throw failure.reason;
        continue;
      }
      if (drainers.length > 0 && outbox.pendingCount() === 0) settleDrainers();
      const next = outbox.nextDueAt();
      await sleep(Math.min(next === undefined ? idleLookMs : next - Date.now(), idleLookMs));
    }
  }

  const running = loop().then(
    () => settleDrainers(),
    (error: unknown) => {
      broken = error instanceof Error ? error : new Error(String(error));
      settleDrainers(broken);
      onError(broken);
    },
  );

  return {
    notify() {
      if (outbox.enqueuedCount !== lookedAt) wake?.();
    },
    drain() {
      if (broken) return Promise.reject(broken);
      if (stopping.signal.aborted) return Promise.resolve();
      return new Promise((resolve, reject) => {
        drainers.push({ resolve, reject });
        wake?.();
      });
    },
    async stop() {
      stopping.abort();
      wake?.();
      await running;
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
