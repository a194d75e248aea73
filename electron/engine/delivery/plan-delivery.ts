/**
 * The delivery decisions, pure: where a video goes once ready, what its deliveries are when it
 * becomes ready, where it goes after a delivery attempt, and what the upload tells the server.
 */
import path from 'node:path';
import type { DeliveryState } from '../../../shared/video';
import type { NewDelivery } from '../store/delivery-store';

/** A video with delivery targets waits for the deliver stage once ready; otherwise it is done. */
export function stageWhenReady(options: { deliverTo?: readonly string[] }): 'deliver' | 'done' {
  return options.deliverTo && options.deliverTo.length > 0 ? 'deliver' : 'done';
}

/** The deliveries to queue for these target ids; a target removed since the video was added fails at once. */
export function plannedDeliveries(
  targetIds: readonly string[],
  targets: ReadonlyMap<string, { name: string; mode: 'push' | 'pull' }>,
): NewDelivery[] {
  return targetIds.map((id) => {
    const target = targets.get(id);
    if (target) return { targetId: id, mode: target.mode };
    return {
      targetId: id,
      mode: 'push',
      error: `Delivery target ${id} was removed before the video was ready. Add the target again, then send the video with Deliver to… (or ferry deliver).`,
    };
  });
}

/** States in which a delivery still has work to do. */
export const unfinishedDeliveryStates: readonly DeliveryState[] = ['queued', 'uploading', 'processing'];

/**
 * Where a video goes after its deliveries were worked: back to wait for the deliver stage (at the
 * earliest retry due) while any delivery is unfinished, otherwise done (ready or failed, each
 * delivery has its outcome; the video stays ready either way).
 */
export function stageAfterDeliveries(
  deliveries: readonly { state: DeliveryState; nextAttemptAt: number }[],
): { stage: 'deliver'; nextAttemptAt: number } | { stage: 'done' } {
  const waiting = deliveries.filter((d) => unfinishedDeliveryStates.includes(d.state));
  if (waiting.length === 0) return { stage: 'done' };
  return { stage: 'deliver', nextAttemptAt: Math.min(...waiting.map((d) => d.nextAttemptAt)) };
}

/**
 * The provider's id for the upload: Cloudflare Stream names it in `stream-media-id` (and says
 * not to parse the Location); any other TUS server, the upload URL's last path segment. Only the
 * response that created the upload carries the header, so a continued upload keeps the id found then.
 */
export function remoteIdFor(
  uploadUrl: string,
  mediaIdHeader: string | null | undefined,
  earlier: { url: string | null; remoteId: string | null } = { url: null, remoteId: null },
): string {
  if (mediaIdHeader) return mediaIdHeader;
  if (earlier.url === uploadUrl && earlier.remoteId) return earlier.remoteId;
  const segments = new URL(uploadUrl).pathname.split('/').filter((s) => s !== '');
  return decodeURIComponent(segments.at(-1) ?? uploadUrl);
}

const mimeTypes: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/x-m4v',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.webm': 'video/webm',
  '.avi': 'video/x-msvideo',
  '.ts': 'video/mp2t',
  '.mts': 'video/mp2t',
  '.m2ts': 'video/mp2t',
  '.mpg': 'video/mpeg',
  '.mpeg': 'video/mpeg',
  '.wmv': 'video/x-ms-wmv',
  '.flv': 'video/x-flv',
  '.ogv': 'video/ogg',
  '.3gp': 'video/3gpp',
};

/** Upload-Metadata: the video's name and the file's type, as tus servers and providers read them. */
export function uploadMetadata(name: string | undefined, file: string): { name: string; filetype: string } {
  const type = mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { name: name?.trim() || path.basename(file), filetype: type };
}

/**
 * When to ask the service again about a video it is working on: soon at first, then less often
 * (each ask 1.5 times later than the one before), never more often than `baseMs` nor less than
 * every `maxMs`, and no sooner than the service's own Retry-After. Pure.
 */
export function nextPollDelay(polls: number, tuning: { pollBaseMs: number; pollMaxMs: number }): number {
  return Math.min(tuning.pollMaxMs, Math.round(tuning.pollBaseMs * 1.5 ** Math.max(0, polls)));
}
