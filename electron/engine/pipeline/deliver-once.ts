/**
 * One attempt at one delivery: follow the video at the service when the service has it already;
 * otherwise have the service pull the link (when it can reach it and take its headers) or push
 * the file. Never throws: every outcome is written to the delivery's row and the video's history.
 */
import path from 'node:path';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import { judgeFailure, type UploadFailure } from '../delivery/delivery-failure';
import { planPull } from '../delivery/plan-pull';
import type { ProviderAdapter, ProviderCall } from '../delivery/providers/provider';
import { providerAdapters } from '../delivery/providers/provider-adapters';
import { ServiceError } from '../delivery/providers/service-request';
import { targetCredential } from '../delivery/target-credentials';
import { TusUploadError, UploadStoppedError } from '../delivery/tus-upload';
import type { DeliveryRow } from '../queue/delivery-store';
import type { ClaimedVideo } from '../queue/queue-job';
import type { DeliveryTuning } from './deliver-stage';
import type { EngineContext } from './engine-context';
import { followDelivery } from './follow-delivery';
import { pushDelivery } from './push-delivery';

export async function deliverOnce(
  context: EngineContext,
  claimed: ClaimedVideo,
  row: DeliveryRow,
  signal: AbortSignal,
  tuning: DeliveryTuning,
): Promise<void> {
  const { deliveries } = context;
  const target = context.targets.get(row.target_id);
  if (!target) {
    deliveries.fail(
      row.id,
      `Delivery target ${row.target_id} was removed. Add a target (ferry target add) and ingest the video again.`,
    );
    return;
  }
  const host = new URL(target.endpoint).host;
  const wait = context.deliveryHosts.blockedUntil(host);
  if (wait !== undefined) {
    deliveries.postpone(row.id, wait);
    return;
  }
  let credential: string | null;
  try {
    credential = targetCredential(context.credentials, target);
  } catch (error) {
    // The vault's message says what to do (unlock the keychain, or opt in to the file store).
    deliveries.fail(row.id, `Delivery to "${target.name}" failed: ${(error as Error).message}`);
    return;
  }
  const call: ProviderCall = { target, credential, signal };
  const adapter = providerAdapters[target.provider];
  const attempt = { context, claimed, row, call, adapter, tuning };
  try {
    // The service has it (pushed and taken, or asked to pull): only its status is left to follow.
    if (row.remote_id !== null && (row.state === 'processing' || row.mode === 'pull'))
      await followDelivery(attempt, row.remote_id);
    else if (row.mode === 'pull' && row.remote_id === null) await pullOrPush(attempt);
    else await pushDelivery(attempt);
  } catch (error) {
    handleFailure(attempt, error);
  }
}

export interface DeliveryAttempt {
  context: EngineContext;
  claimed: ClaimedVideo;
  row: DeliveryRow;
  call: ProviderCall;
  adapter: ProviderAdapter;
  tuning: DeliveryTuning;
}

async function pullOrPush(attempt: DeliveryAttempt): Promise<void> {
  const { context, claimed, row, call, adapter, tuning } = attempt;
  const { video, requestHeaders } = claimed;
  const name = video.meta.name?.trim() || path.basename(new URL(video.source.url ?? 'file:///video').pathname);
  const source = {
    kind: video.source.kind,
    headers: requestHeaders,
    name,
    ...(video.source.url ? { url: video.source.url } : {}),
  };
  const plan = adapter.pull ? planPull(call.target, source, adapter.push !== undefined) : null;
  if (!plan || plan.kind === 'push') {
    const notice = plan?.notice ?? 'Pushed instead of pulled: this service cannot fetch links.';
    context.deliveries.setMode(row.id, 'push', notice);
    context.store.record(video.uid, 'delivery-push-instead', { target: call.target.id, notice });
    await pushDelivery({ ...attempt, row: { ...row, mode: 'push', notice } });
    return;
  }
  if (plan.kind === 'impossible') {
    context.deliveries.fail(row.id, plan.text);
    context.store.record(video.uid, 'delivery-failed', { target: call.target.id, text: plan.text });
    return;
  }
  context.deliveries.start(row.id, row.attempts + 1);
  const { remoteId } = await (adapter.pull as NonNullable<ProviderAdapter['pull']>)(call, plan.link);
  context.store.record(video.uid, 'delivery-pull-requested', { target: call.target.id, remoteId });
  context.deliveries.processing(row.id, {
    remoteId,
    word: null,
    pct: 0,
    at: Date.now() + tuning.pollBaseMs,
    polls: 0,
  });
}

/** A failed attempt: retried later (the host slowed down on 429 and 503), or the delivery fails. */
export function handleFailure(
  attempt: DeliveryAttempt,
  error: unknown,
  progress: { progressed: boolean; size: number; chunkSize?: number } = { progressed: false, size: -1 },
): void {
  const { context, claimed, row, call } = attempt;
  const { deliveries } = context;
  const uid = claimed.video.uid;
  if (error instanceof UploadStoppedError || call.signal.aborted) {
    deliveries.interrupt(row.id);
    return;
  }
  if (!(error instanceof TusUploadError || error instanceof ServiceError)) {
    // Not the network nor the service: the adapter found the target or the file unusable (an
    // unreadable file, an answer without the id it needs). Trying again would find the same.
    const text = `Delivery to "${call.target.name}" failed: ${error instanceof Error ? error.message : String(error)}`;
    deliveries.fail(row.id, text);
    context.store.record(uid, 'delivery-failed', { target: call.target.id, text });
    return;
  }
  const failure: UploadFailure = error.failure;
  // Progress made is not a failure to count: a long upload on a flaky link must still finish.
  const attempts = progress.progressed ? 1 : row.attempts + 1;
  const verdict = judgeFailure(
    failure,
    {
      attempt: attempts,
      target: call.target,
      uid,
      size: progress.size,
      renewsAuthorization: renews(call.target),
      ...(progress.chunkSize !== undefined ? { chunkSize: progress.chunkSize } : {}),
    },
    attempt.tuning,
  );
  const record = { target: call.target.id, attempt: attempts, ...failure };
  if (verdict.kind === 'fail') {
    deliveries.fail(row.id, verdict.text);
    context.store.record(uid, 'delivery-failed', { ...record, text: verdict.text });
    return;
  }
  if (failure.status === 429 || failure.status === 503) {
    context.deliveryHosts.slowDown(new URL(call.target.endpoint).host, verdict.delayMs);
  }
  const at = Date.now() + verdict.delayMs;
  if (row.state === 'processing') deliveries.postpone(row.id, at, attempts);
  else
    deliveries.retryLater(row.id, at, {
      attempts,
      forgetUpload: verdict.forgetUpload,
      ...(verdict.chunkSize !== undefined ? { chunkSize: verdict.chunkSize } : {}),
    });
  context.store.record(uid, 'delivery-retry', { ...record, nextAttemptAt: new Date(at).toISOString() });
}

/** Services whose upload authorisation runs out and is renewed by the next attempt. */
const renews = (target: DeliveryTarget): boolean => target.provider === 'bunny' || target.provider === 'gcore';
