import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookSender, type WebhookSender } from '../../../electron/engine/notify/send-webhooks';
import type { WebhookTuning } from '../../../electron/engine/notify/webhook-retry';
import { SettingsStore } from '../../../electron/engine/store/settings-store';
import type { VideoStore } from '../../../electron/engine/store/video-store';
import { WebhookOutbox } from '../../../electron/engine/store/webhook-outbox';
import type { Video } from '../../../shared/video';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/wait-for';
import { startReceiver } from '../../helpers/webhook-receiver';

const tiny: WebhookTuning = { baseMs: 20, maxMs: 200, maxAttempts: 5, timeoutMs: 2000 };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup(webhookUrl: string) {
  const opened = openStore(tempDir());
  cleanups.push(opened.close);
  const settings = new SettingsStore(opened.db);
  settings.update({ webhookUrl });
  return { ...opened, settings, outbox: new WebhookOutbox(opened.db) };
}

/** A receiver that takes each request and never answers, set as the webhook URL. */
async function silentReceiver(settings: SettingsStore) {
  const receiver = await startReceiver(
    () => settings.get().webhookSecret,
    () => 0,
  );
  cleanups.push(receiver.close);
  settings.update({ webhookUrl: receiver.url });
  return receiver;
}

function start(options: Parameters<typeof startWebhookSender>[0]): WebhookSender {
  const sender = startWebhookSender({ random: () => 0, ...options });
  cleanups.push(() => sender.stop());
  return sender;
}

function finishReady(store: VideoStore, uid: string): void {
  store.claimNext('fetch', 30_000);
  store.transition(uid, 'queued', { stage: 'probe', pctComplete: 0, releaseLease: true });
  store.claimNext('probe', 30_000);
  store.transition(uid, 'ready', { stage: 'done', pctComplete: 100, releaseLease: true });
}

function fail(store: VideoStore, uid: string): void {
  store.claimNext('fetch', 30_000);
  store.transition(uid, 'error', {
    error: { code: 'ERR_FETCH_ORIGIN_ERROR', text: 'The origin answered 404.' },
    releaseLease: true,
  });
}

function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

const webhookRecords = (store: VideoStore, uid: string) =>
  store
    .history(uid)
    .filter((e) => e.type === 'webhook')
    .map((e) => e.data);

describe('the webhook sender', () => {
  it('delivers each final state once, signed with the current secret, retrying a receiver that fails at first', async () => {
    let secret = '';
    const receiver = await startReceiver(
      () => secret,
      (n) => (n <= 2 ? 500 : 200),
    );
    cleanups.push(receiver.close);
    const { store, settings, outbox } = setup(receiver.url);
    secret = settings.get().webhookSecret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const [readyUid, errorUid] = store.insertMany(newLinks(2)) as [string, string];

    finishReady(store, readyUid);
    const sender = start({
      outbox,
      store,
      settings: () => ({ ...settings.get(), webhookSecret: secret }),
      tuning: tiny,
    });
    await sender.drain();

    // A new secret takes effect at the next request; the receiver now only accepts that one.
    secret = 'f'.repeat(64);
    fail(store, errorUid);
    sender.notify();
    await sender.drain();

    expect(receiver.received.filter((r) => r.invalid)).toEqual([]);
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200, 200]);
    expect(receiver.received.every((r) => r.contentType === 'application/json')).toBe(true);
    const accepted = receiver.received.filter((r) => r.status === 200).map((r) => JSON.parse(r.body) as Video);
    expect(accepted.map((v) => [v.uid, v.status.state])).toEqual([
      [readyUid, 'ready'],
      [errorUid, 'error'],
    ]);
    expect(accepted[1]?.status).toMatchObject({ errorReasonCode: 'ERR_FETCH_ORIGIN_ERROR' });
    // Every retry sends the very same bytes, with a fresh signature.
    expect(new Set(receiver.received.slice(0, 3).map((r) => r.body)).size).toBe(1);

    expect(webhookRecords(store, readyUid)).toEqual([
      {
        url: receiver.url,
        attempt: 1,
        status: 500,
        // The status line only: the receiver's body ("not now, try later") is never kept.
        error: 'The receiver answered HTTP 500 Internal Server Error.',
        nextAttemptAt: expect.any(String),
        outcome: 'retrying',
      },
      expect.objectContaining({ attempt: 2, status: 500, outcome: 'retrying' }),
      { url: receiver.url, attempt: 3, status: 200, outcome: 'delivered' },
    ]);
    expect(webhookRecords(store, errorUid)).toEqual([
      { url: receiver.url, attempt: 1, status: 200, outcome: 'delivered' },
    ]);
    expect(outbox.pendingCount()).toBe(0);
    expect(outbox.due(Number.MAX_SAFE_INTEGER)).toEqual([]);
    const history = JSON.stringify([...store.history(readyUid), ...store.history(errorUid)]);
    expect(history).not.toContain(secret);
    expect(history).not.toContain(settings.get().webhookSecret);
  });

  it('gives up after maxAttempts against a receiver that always fails, and says so in the history', async () => {
    const { store, settings, outbox, db } = setup('http://127.0.0.1:9/placeholder');
    const receiver = await startReceiver(
      () => settings.get().webhookSecret,
      () => 503,
    );
    cleanups.push(receiver.close);
    settings.update({ webhookUrl: receiver.url });
    const [uid] = store.insertMany(newLinks(1)) as [string];
    fail(store, uid);
    const sender = start({ outbox, store, settings: () => settings.get(), tuning: { ...tiny, maxAttempts: 3 } });
    await sender.drain();

    expect(receiver.received.map((r) => [r.status, r.invalid])).toEqual([
      [503, undefined],
      [503, undefined],
      [503, undefined],
    ]);
    expect(webhookRecords(store, uid).map((r) => [r.attempt, r.outcome, r.status])).toEqual([
      [1, 'retrying', 503],
      [2, 'retrying', 503],
      [3, 'gave up', 503],
    ]);
    expect(webhookRecords(store, uid)[2]).not.toHaveProperty('nextAttemptAt');
    expect(db.prepare('SELECT outcome, attempts, last_error FROM webhook_deliveries').get()).toEqual({
      outcome: 'gave up',
      attempts: 3,
      last_error: 'The receiver answered HTTP 503 Service Unavailable.',
    });
    expect(outbox.pendingCount()).toBe(0);
  });

  it('counts a receiver that does not answer in time, or cannot be reached, as a failed attempt', async () => {
    const { store, settings, outbox } = setup('http://127.0.0.1:9/placeholder');
    const receiver = await silentReceiver(settings);
    const [slow] = store.insertMany(newLinks(1)) as [string];
    fail(store, slow);
    // Nothing listens on port 9 of loopback (discard), so the connection is refused.
    settings.update({ webhookUrl: 'http://user:pass@127.0.0.1:9/hook' });
    const [refused] = store.insertMany(newLinks(1)) as [string];
    fail(store, refused);
    const sender = start({
      outbox,
      store,
      settings: () => settings.get(),
      tuning: { ...tiny, maxAttempts: 1, timeoutMs: 150 },
    });
    await sender.drain();

    expect(webhookRecords(store, slow)).toEqual([
      { url: receiver.url, attempt: 1, error: 'The receiver did not answer within 150 ms.', outcome: 'gave up' },
    ]);
    expect(webhookRecords(store, refused)).toEqual([
      {
        url: 'http://127.0.0.1:9/hook',
        attempt: 1,
        error: expect.stringMatching(/^The connection failed \(/),
        outcome: 'gave up',
      },
    ]);
  });

  it('stops promptly while a request is in flight, leaving the webhook to be sent next time', async () => {
    const { store, settings, outbox } = setup('http://127.0.0.1:9/placeholder');
    const receiver = await silentReceiver(settings);
    const [uid] = store.insertMany(newLinks(1)) as [string];
    fail(store, uid);
    const before = activeResources();
    const sender = start({ outbox, store, settings: () => settings.get(), tuning: { ...tiny, timeoutMs: 60_000 } });
    const drained = sender.drain();
    await until(() => receiver.received.length > 0, 10_000);
    expect(receiver.received).toHaveLength(1);

    const startedAt = Date.now();
    await sender.stop();
    await drained;
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(webhookRecords(store, uid)).toEqual([
      {
        url: receiver.url,
        attempt: 1,
        error: 'Ferry stopped before the receiver answered; it will be sent again.',
        outcome: 'retrying',
      },
    ]);
    expect(outbox.pendingCount()).toBe(1);
    await sender.drain();
    await sender.stop();

    await receiver.close();
    // No timer, socket or server of the sender's is left behind to keep the process alive.
    await new Promise((r) => setImmediate(r));
    const after = activeResources();
    // The receiver's server counted in `before` is closed too, so nothing may have grown.
    for (const [type, n] of after) expect(n, type).toBeLessThanOrEqual(before.get(type) ?? 0);
  });

  it('drains at once when nothing is waiting, and rejects drain when its database breaks', async () => {
    const { store, settings, outbox, db } = setup('http://127.0.0.1:9/hook');
    const errors: Error[] = [];
    const sender = start({
      outbox,
      store,
      settings: () => settings.get(),
      tuning: tiny,
      onError: (e) => errors.push(e),
    });
    await sender.drain();
    db.close();
    sender.notify();
    await expect(sender.drain()).rejects.toThrow(/database connection is not open/);
    expect(errors).toHaveLength(1);
    await sender.stop();
  });
});
