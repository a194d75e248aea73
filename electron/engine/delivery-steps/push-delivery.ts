/**
 * A push: the MP4 (or the original, as the target says) sent to the service by TUS or in one form
 * post. What a TUS upload needs to continue (its URL, the service's id and state) is saved as soon
 * as it is known, so a pause, a quit or a kill continues from the offset the service holds. Once
 * sent, the delivery follows the video at the service, or is done when there is nothing to follow.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Video } from '../../../shared/video';
import { remoteIdFor, uploadMetadata } from '../delivery/plan-delivery';
import type {
  FormPush,
  PushFile,
  PushResume,
  PushState,
  ServingOptions,
  TusPush,
} from '../delivery/providers/provider';
import { sentFor } from '../delivery/providers/service-request';
import { tusUpload } from '../delivery/tus-upload';
import { UploadSpeed } from '../delivery/upload-speed';
import { failDelivery, handleFailure, type DeliveryAttempt } from './delivery-attempt';
import type { EngineContext } from '../context/engine-context';
import { originalsFolder } from '../data-paths';

/** How often an upload's offset, share and speed are written: often enough to resume from, rarely enough to cost nothing. */
const progressEveryMs = 250;

export async function pushDelivery(attempt: DeliveryAttempt): Promise<void> {
  const { context, claimed, row, call, adapter } = attempt;
  const { video } = claimed;
  const { deliveries } = context;
  const { target } = call;
  if (!adapter.push) {
    deliveries.fail(
      row.id,
      `Delivery to "${target.name}" failed: the service takes no uploads, only links it fetches.`,
    );
    return;
  }
  const file = await fileToSend(context, video, target.send);
  const size = file ? await sizeOf(file) : -1;
  if (!file || size < 0) {
    const which = target.send === 'original' ? 'original' : 'MP4';
    const fix =
      target.send === 'original'
        ? 'Keep originals (ferry settings keepOriginal=true) or send the MP4 to this target, then ingest the video again.'
        : 'Ingest the video again.';
    deliveries.fail(
      row.id,
      `Delivery to "${target.name}" failed: the ${which} to send is gone (${file ?? 'none'}). ${fix}`,
    );
    return;
  }
  const refusal = await adapter.refuses?.({ size, ...pictureOf(video, target.send), duration: video.duration }, call);
  if (refusal) {
    // The history keeps the service's limit as the adapter said it.
    failDelivery(attempt, `Delivery to "${target.name}" failed before sending: ${refusal}`, { text: refusal });
    return;
  }
  const attempts = row.attempts + 1;
  deliveries.start(row.id, attempts);
  const { name, filetype } = uploadMetadata(video.meta.name, file);
  const serving = servingOf(video, target.send);
  noteServing(attempt, serving);
  const pushFile: PushFile = { path: file, size, name, type: filetype, serving };
  const limit = context.settings.get().delivery.maxUploadBytesPerSecond;
  context.uploadLimit.setRate(limit);
  const saver = progressSaver(context, row.id, size);
  const startOffset = row.upload_size === size && row.upload_url ? row.upload_offset : 0;
  /** The PATCH size the TUS session settled on, for a 413's verdict. */
  const sent: { chunkSize?: number } = {};
  try {
    const remoteId =
      adapter.push.kind === 'tus'
        ? await sendByTus(attempt, adapter.push, pushFile, saver, limit !== null, sent)
        : await sendByForm(attempt, adapter.push, pushFile, saver, limit !== null);
    saver.flush();
    if (adapter.status) {
      deliveries.processing(row.id, {
        remoteId,
        word: null,
        pct: 0,
        at: Date.now() + attempt.tuning.pollBaseMs,
        polls: 0,
      });
      context.store.record(video.uid, 'delivery-sent', { target: target.id, name: target.name, remoteId });
    } else {
      deliveries.finish(row.id);
      context.store.record(video.uid, 'delivered', { target: target.id, name: target.name, remoteId });
    }
  } catch (error) {
    saver.flush();
    handleFailure(attempt, error, { progressed: saver.accepted() > startOffset, size, chunkSize: sent.chunkSize });
  }
}

/**
 * How the video is to be served, as the adapters take it, for a push and a pull alike. `sent`: the
 * bytes the service gets; the MP4 Ferry made has the watermark burned in, the original has not.
 */
export function servingOf(video: Video, sent: 'mp4' | 'original'): ServingOptions {
  return {
    requireSignedURLs: video.requireSignedURLs,
    allowedOrigins: video.allowedOrigins,
    thumbnailTimestampPct: video.thumbnailTimestampPct,
    scheduledDeletion: video.scheduledDeletion,
    ...(video.creator ? { creator: video.creator } : {}),
    ...(video.watermark && sent === 'original' ? { watermark: true } : {}),
    ...(video.duration > 0 ? { durationSeconds: video.duration } : {}),
  };
}

/** Says in the delivery's notice which serving options the service could not take (once, with any earlier notice). */
export function noteServing(attempt: DeliveryAttempt, serving: ServingOptions): void {
  const { context, row, adapter } = attempt;
  const said = adapter.servingNotice?.(serving);
  if (!said || row.notice?.includes(said)) return;
  context.deliveries.setMode(row.id, row.mode, row.notice ? `${row.notice} ${said}` : said);
}

async function sendByTus(
  attempt: DeliveryAttempt,
  push: TusPush,
  file: PushFile,
  saver: ProgressSaver,
  limited: boolean,
  sent: { chunkSize?: number },
): Promise<string> {
  const { context, row, call, tuning } = attempt;
  const sameFile = row.upload_size === file.size;
  const resume: PushResume | null =
    row.remote_id !== null || (row.upload_url !== null && sameFile)
      ? {
          // An upload made for another version of the file cannot be continued: it starts again.
          uploadUrl: sameFile ? row.upload_url : null,
          remoteId: row.remote_id,
          state: row.push_state ? (JSON.parse(row.push_state) as PushState) : {},
        }
      : null;
  // After a 413 the delivery sends smaller PATCHes than the stage's default.
  const session = await push.session(call, file, resume, row.chunk_size ?? tuning.chunkSize);
  // Infinity is the whole file: what a 413 halves.
  sent.chunkSize = Math.min(session.chunkSize, file.size);
  context.deliveries.savePushState(row.id, session.remoteId, session.state);
  let remoteId = session.remoteId;
  const result = await tusUpload({
    endpoint: session.endpoint,
    uploadUrl: session.uploadUrl,
    file: file.path,
    size: file.size,
    metadata: session.metadata,
    headers: () => session.headers(),
    ...(session.remoteIdHeader ? { remoteIdHeader: session.remoteIdHeader } : {}),
    chunkSize: session.chunkSize,
    idleTimeoutMs: tuning.idleTimeoutMs,
    ...(limited ? { throttle: () => context.uploadLimit.throttle() } : {}),
    ...sentFor(call),
    onUploadUrl: (url, mediaId) => {
      remoteId = session.remoteId ?? remoteIdFor(url, mediaId, { url: row.upload_url, remoteId: row.remote_id });
      context.deliveries.saveUpload(row.id, url, file.size, remoteId);
    },
    onProgress: (progress) => saver.update(progress.sent, progress.accepted),
  });
  return remoteId ?? remoteIdFor(result.url, result.mediaId);
}

async function sendByForm(
  attempt: DeliveryAttempt,
  push: FormPush,
  file: PushFile,
  saver: ProgressSaver,
  limited: boolean,
): Promise<string> {
  const { uploadLimit } = attempt.context;
  const pace = limited ? (bytes: number) => uploadLimit.take(bytes) : undefined;
  const { remoteId } = await push.send(attempt.call, file, (sent) => saver.update(sent, 0), pace);
  return remoteId;
}

/** The file the target gets: the MP4 Ferry made, or the video as it came (its file, or the download kept). */
async function fileToSend(context: EngineContext, video: Video, send: 'mp4' | 'original'): Promise<string | null> {
  if (send === 'mp4') return video.downloads?.default ?? null;
  if (video.source.kind === 'file') return video.source.path ?? null;
  const folder = originalsFolder(context.paths, video.uid);
  const names = await fs.readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  // The download's partial files and hidden ones are not the original.
  const found = names.find((n) => !n.startsWith('.') && !n.endsWith('.part'));
  return found ? path.join(folder, found) : null;
}

/** The picture of the file sent: the MP4 is the ladder's top rendition; the original, the input. */
function pictureOf(video: Video, send: 'mp4' | 'original'): { width: number; height: number } {
  const top = [...video.renditions].sort((a, b) => b.height - a.height)[0];
  return send === 'mp4' && top ? { width: top.width, height: top.height } : video.input;
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

type ProgressSaver = ReturnType<typeof progressSaver>;

/** Writes an upload's offset, share and speed at most every `progressEveryMs`, and the last one on flush. */
function progressSaver(context: EngineContext, id: number, size: number) {
  const speed = new UploadSpeed();
  let pending: { offset: number; pct: number; bps: number } | undefined;
  let accepted = 0;
  let savedAt = 0;
  const save = () => {
    if (!pending) return;
    context.deliveries.saveProgress(id, pending.offset, pending.pct, pending.bps);
    pending = undefined;
    savedAt = Date.now();
  };
  return {
    /** `sent`: bytes handed to the connection; `confirmed`: the offset the service acknowledged. */
    update(sent: number, confirmed: number) {
      accepted = Math.max(accepted, confirmed);
      const pct = size > 0 ? Math.round((sent / size) * 1000) / 10 : 0;
      pending = { offset: accepted, pct, bps: speed.update(sent) };
      if (Date.now() - savedAt >= progressEveryMs) save();
    },
    flush: save,
    accepted: () => accepted,
  };
}
