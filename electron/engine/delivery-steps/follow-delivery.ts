/**
 * Following a video the service has (pushed, or pulled by it): its status is asked with backoff
 * until the service says ready or failed, with the service's own word, progress, playback URL and
 * error text kept on the delivery.
 */
import { providerFacts } from '../../../shared/delivery-targets';
import { retryWords } from '../delivery/delivery-failure';
import { nextPollDelay } from '../delivery/plan-delivery';
import { failDelivery, type DeliveryAttempt } from './delivery-attempt';

export async function followDelivery(attempt: DeliveryAttempt, remoteId: string): Promise<void> {
  const { context, claimed, row, call, adapter, tuning } = attempt;
  const { deliveries } = context;
  const { target } = call;
  if (!adapter.status) {
    deliveries.finish(row.id);
    return;
  }
  const status = await adapter.status(call, remoteId);
  const uid = claimed.video.uid;
  if (status.phase === 'ready') {
    deliveries.finish(row.id, {
      word: status.word,
      ...(status.playbackUrl ? { playbackUrl: status.playbackUrl } : {}),
    });
    context.store.record(uid, 'delivered', { target: target.id, name: target.name, remoteId, state: status.word });
    return;
  }
  if (status.phase === 'error') {
    const { label } = providerFacts[target.provider];
    const reason = status.error ? `"${status.error}"` : `its state is ${status.word}`;
    const check =
      row.mode === 'pull'
        ? 'Check that the link still works from outside your network, with its headers'
        : 'Check that the video plays here';
    const text =
      `Delivery to "${target.name}" failed: ${label} could not process the video (${reason}). ` +
      `${check}, ${retryWords(uid)}.`;
    failDelivery(attempt, text, { remoteId, state: status.word }, status.word);
    return;
  }
  const polls = row.polls + 1;
  if (polls > tuning.maxPolls) {
    const { label } = providerFacts[target.provider];
    const text =
      `Delivery to "${target.name}" failed: ${label} still says "${status.word}" after ${row.polls} checks. ` +
      `Look at video ${remoteId} on the service; to send it again, run: ferry retry ${uid}.`;
    failDelivery(attempt, text, { remoteId, state: status.word }, status.word);
    return;
  }
  deliveries.processing(row.id, {
    remoteId,
    word: status.word,
    pct: status.pct ?? row.pct,
    at: Date.now() + nextPollDelay(polls, tuning),
    polls,
  });
}
