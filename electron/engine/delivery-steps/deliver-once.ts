/**
 * One attempt at one delivery: follow the video at the service when the service has it already;
 * otherwise have the service pull the link (when it can reach it and take its headers) or push
 * the file. Never throws: every outcome is written to the delivery's row and the video's history.
 */
import path from 'node:path';
import { headersForRequest } from '../delivery/link-header-secrets';
import { planPull } from '../delivery/plan-pull';
import type { ProviderAdapter } from '../delivery/providers/provider';
import { providerAdapters } from '../delivery/providers/provider-adapters';
import { providerCall, targetCredential } from '../delivery/target-credentials';
import type { DeliveryRow } from '../store/delivery-store';
import type { ClaimedVideo } from '../store/queue-job';
import { failDelivery, handleFailure, type DeliveryAttempt } from './delivery-attempt';
import type { DeliveryTuning } from './delivery-tuning';
import type { EngineContext } from '../context/engine-context';
import { followDelivery } from './follow-delivery';
import { noteServing, pushDelivery, servingOf } from './push-delivery';

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
      `Delivery target ${row.target_id} was removed. Add the target again, then send the video with Deliver to… (or ferry deliver).`,
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
  const call = providerCall(context.targets, context.publicOnly, target, credential, signal);
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

async function pullOrPush(attempt: DeliveryAttempt): Promise<void> {
  const { context, claimed, row, call, adapter, tuning } = attempt;
  const { video, storedHeaders } = claimed;
  const name = video.meta.name?.trim() || path.basename(new URL(video.source.url ?? 'file:///video').pathname);
  const source = {
    kind: video.source.kind,
    headers: headersForRequest(context.credentials, storedHeaders),
    name,
    ...(video.source.url ? { url: video.source.url } : {}),
    ...(video.trim ? { trimmed: true } : {}),
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
    failDelivery(attempt, plan.text);
    return;
  }
  // The service fetches the original: its limits are checked against the original's facts first.
  const facts = { size: video.size, ...video.input, duration: video.duration };
  const refusal = await adapter.refuses?.(facts, call);
  if (refusal) {
    failDelivery(attempt, `Delivery to "${call.target.name}" failed before sending: ${refusal}`, { text: refusal });
    return;
  }
  // The service fetches the original link: a watermark Ferry burns into its MP4 is not in it.
  const serving = servingOf(video, 'original');
  noteServing(attempt, serving);
  context.deliveries.start(row.id, row.attempts + 1);
  const { remoteId } = await (adapter.pull as NonNullable<ProviderAdapter['pull']>)(call, { ...plan.link, serving });
  context.store.record(video.uid, 'delivery-pull-requested', { target: call.target.id, remoteId });
  context.deliveries.processing(row.id, {
    remoteId,
    word: null,
    pct: 0,
    at: Date.now() + tuning.pollBaseMs,
    polls: 0,
  });
}
