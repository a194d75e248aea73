/**
 * One attempt at one delivery, as the pull, push and follow steps share it, and what a failed
 * attempt leads to: a retry later (the host slowed down on 429 and 503), or the delivery's end.
 */
import { judgeFailure, type UploadFailure } from '../delivery/delivery-failure';
import type { ProviderAdapter, ProviderCall } from '../delivery/providers/provider';
import { ServiceError } from '../delivery/providers/service-request';
import { TusUploadError, UploadStoppedError } from '../delivery/tus-upload';
import type { DeliveryRow } from '../store/delivery-store';
import type { ClaimedVideo } from '../store/queue-job';
import type { DeliveryTuning } from './delivery-tuning';
import type { EngineContext } from '../context/engine-context';

export interface DeliveryAttempt {
  context: EngineContext;
  claimed: ClaimedVideo;
  row: DeliveryRow;
  call: ProviderCall;
  adapter: ProviderAdapter;
  tuning: DeliveryTuning;
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
    failDelivery(
      attempt,
      `Delivery to "${call.target.name}" failed: ${error instanceof Error ? error.message : String(error)}`,
    );
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
      renewsAuthorization: attempt.adapter.renewsAuthorization === true,
      ...(progress.chunkSize !== undefined ? { chunkSize: progress.chunkSize } : {}),
    },
    attempt.tuning,
  );
  const record = { target: call.target.id, name: call.target.name, attempt: attempts, ...failure };
  if (verdict.kind === 'fail') {
    failDelivery(attempt, verdict.text, record);
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

/**
 * The delivery ends in error with `text`, and the video's history says so. `data` is what the
 * history entry adds to the target and the text (the attempt, the service's id and word).
 */
export function failDelivery(
  attempt: Pick<DeliveryAttempt, 'context' | 'claimed' | 'row' | 'call'>,
  text: string,
  data: Record<string, unknown> = {},
  word: string | null = null,
): void {
  const { context, claimed, row, call } = attempt;
  context.deliveries.fail(row.id, text, word);
  context.store.record(claimed.video.uid, 'delivery-failed', {
    target: call.target.id,
    name: call.target.name,
    text,
    ...data,
  });
}
