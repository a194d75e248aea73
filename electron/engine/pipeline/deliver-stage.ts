/**
 * The deliver stage: sends a ready video's file (its MP4, or the original when it was not
 * transcoded) to each of its delivery targets that is due, by TUS. The upload URL and the offset
 * the server accepted are saved as they become known, so a pause, a quit or a kill continues the
 * upload from the server's offset. Failures are retried with backoff (status.nextAttemptAt); a
 * delivery that gives up ends in error with ERR_DELIVERY_FAILED while the video stays ready.
 */
import fs from 'node:fs/promises';
import type { Video } from '../../../shared/video';
import { judgeFailure, type RetryTuning, type UploadFailure } from '../delivery/delivery-failure';
import {
  remoteIdFor,
  stageAfterDeliveries,
  targetHeaders,
  unfinishedDeliveryStates,
  uploadMetadata,
} from '../delivery/plan-delivery';
import { TusUploadError, tusUpload, UploadStoppedError } from '../delivery/tus-upload';
import { targetCredential } from '../delivery/target-credentials';
import type { DeliveryRow } from '../queue/delivery-store';
import type { ClaimedVideo } from '../queue/queue-job';
import { trackRunningWork, type EngineContext } from './engine-context';
import { queueDeliveries } from './queue-deliveries';
import type { StageOutcome } from './stage-outcome';

export interface DeliveryTuning extends RetryTuning {
  /** Bytes per PATCH: Cloudflare's recommended 50 MiB, a multiple of 256 KiB (its rule). */
  chunkSize: number;
  /** An attempt in which nothing moves for this long is abandoned and retried. */
  idleTimeoutMs: number;
}

export const defaultDeliveryTuning: DeliveryTuning = {
  maxAttempts: 5,
  retryBaseMs: 2000,
  retryMaxMs: 5 * 60_000,
  chunkSize: 50 * 1024 * 1024,
  idleTimeoutMs: 120_000,
};

/** How often an upload's offset and share are written: often enough to resume from, rarely enough to cost nothing. */
const progressEveryMs = 250;

export async function runDeliverStage(
  context: EngineContext,
  claimed: ClaimedVideo,
  tuning: DeliveryTuning,
): Promise<StageOutcome> {
  const { video } = claimed;
  const uid = video.uid;
  const work = trackRunningWork(context, uid);
  try {
    queueDeliveries(context, uid, claimed.options.deliverTo ?? []);
    const now = Date.now();
    const due = context.deliveries
      .rows(uid)
      .filter((row) => unfinishedDeliveryStates.includes(row.state) && row.next_attempt_at <= now);
    await Promise.all(due.map((row) => deliver(context, video, row, work.signal, tuning)));
    // Stopped by a user's pause or a paused queue, which have already moved the video.
    if (work.signal.aborted) return { kind: 'stopped' };
    const rows = context.deliveries.rows(uid).map((r) => ({ state: r.state, nextAttemptAt: r.next_attempt_at }));
    const next = stageAfterDeliveries(rows);
    return { kind: 'next', stage: next.stage, at: next.stage === 'deliver' ? next.nextAttemptAt : 0 };
  } finally {
    work.end();
  }
}

/** The file's size, or -1 when it is gone (removed by hand, or deleted as scheduled). */
async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return -1;
    throw error;
  }
}

/** One delivery, one attempt. Never throws: every outcome is written to the delivery's row. */
async function deliver(
  context: EngineContext,
  video: Video,
  row: DeliveryRow,
  signal: AbortSignal,
  tuning: DeliveryTuning,
): Promise<void> {
  const { uid } = video;
  const { deliveries } = context;
  const target = context.targets.get(row.target_id);
  if (!target) {
    deliveries.fail(
      row.id,
      `Delivery target ${row.target_id} was removed. Add a target (ferry target add) and ingest the video again.`,
    );
    return;
  }
  const file = video.downloads?.default ?? null;
  const size = file ? await sizeOf(file) : -1;
  if (!file || size < 0) {
    deliveries.fail(
      row.id,
      `Delivery to "${target.name}" failed: the file to send is gone (${file ?? 'no output'}). Ingest the video again.`,
    );
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
  const attempts = row.attempts + 1;
  deliveries.start(row.id, attempts);
  // An upload made for another version of the file cannot be continued: it starts again.
  const continued = row.upload_url !== null && row.upload_size === size ? row.upload_url : null;
  const startOffset = continued ? row.upload_offset : 0;
  let accepted = startOffset;
  const saver = progressSaver(context, row.id);
  try {
    const result = await tusUpload({
      endpoint: target.endpoint,
      uploadUrl: continued,
      file,
      size,
      metadata: uploadMetadata(video.meta.name, file),
      headers: targetHeaders(credential),
      chunkSize: tuning.chunkSize,
      idleTimeoutMs: tuning.idleTimeoutMs,
      signal,
      onUploadUrl: (url, mediaId) => {
        const remoteId = remoteIdFor(url, mediaId, { url: row.upload_url, remoteId: row.remote_id });
        deliveries.saveUpload(row.id, url, size, remoteId);
      },
      onProgress: (progress) => {
        accepted = progress.accepted;
        saver.update(progress.accepted, size > 0 ? Math.round((progress.sent / size) * 1000) / 10 : 0);
      },
    });
    saver.flush();
    deliveries.finish(row.id, size);
    context.store.record(uid, 'delivered', { target: target.id, url: result.url });
  } catch (error) {
    saver.flush();
    if (error instanceof UploadStoppedError || signal.aborted) {
      deliveries.interrupt(row.id);
      return;
    }
    const failure: UploadFailure =
      error instanceof TusUploadError
        ? error.failure
        : { message: error instanceof Error ? error.message : String(error) };
    // Progress made is not a failure to count: a long upload on a flaky link must still finish.
    const attempt = accepted > startOffset ? 1 : attempts;
    const verdict = judgeFailure(failure, { attempt, target, uid, size }, tuning);
    const record = { target: target.id, attempt, ...failure };
    if (verdict.kind === 'fail') {
      deliveries.fail(row.id, verdict.text);
      context.store.record(uid, 'delivery-failed', { ...record, text: verdict.text });
    } else {
      const at = Date.now() + verdict.delayMs;
      deliveries.retryLater(row.id, at, { attempts: attempt, forgetUpload: verdict.forgetUpload });
      context.store.record(uid, 'delivery-retry', { ...record, nextAttemptAt: new Date(at).toISOString() });
    }
  }
}

/** Writes an upload's offset and share at most every `progressEveryMs`, and the last one on flush. */
function progressSaver(context: EngineContext, id: number) {
  let pending: { offset: number; pct: number } | undefined;
  let savedAt = 0;
  const save = () => {
    if (!pending) return;
    context.deliveries.saveProgress(id, pending.offset, pending.pct);
    pending = undefined;
    savedAt = Date.now();
  };
  return {
    update(offset: number, pct: number) {
      pending = { offset, pct };
      if (Date.now() - savedAt >= progressEveryMs) save();
    },
    flush: save,
  };
}
