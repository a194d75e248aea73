/**
 * The video's serving options as Cloudflare Stream takes them, for a push (Upload-Metadata and
 * Upload-Creator) and a pull (the copy's body) alike, and the notice for what Stream cannot take.
 * Pure. Field names and types: `CopyCreateParams` and `StreamCreateParams` of the official SDK
 * (npm `cloudflare` 7.3.0, resources/stream/copy.d.ts and stream.d.ts).
 */
import type { PullLink, ServingOptions } from './provider';

/** What Stream takes besides the name when a video is created. */
export interface CloudflareVideoOptions {
  requireSignedURLs?: boolean;
  allowedOrigins?: string[];
  /** 0..1: where the thumbnail is taken, as a share of the duration. */
  thumbnailTimestampPct?: number;
  /** RFC 3339; Stream wants it 30 to 1,096 days after creation. */
  scheduledDeletion?: string;
  /** At most 64 characters: a body field of the copy, the Upload-Creator header of a TUS creation. */
  creator?: string;
}

const day = 24 * 60 * 60 * 1000;

/** Whether Stream would take this deletion date now: "at least 30 days from upload time", at most 1,096. */
function deletionInRange(when: string, now: number): boolean {
  const away = Date.parse(when) - now;
  return away >= 30 * day && away <= 1096 * day;
}

/**
 * The options Stream is told. A scheduled deletion outside the 30 to 1,096 days Stream allows
 * would fail the whole video, so it is left out (Stream then keeps it), and the notice says so.
 */
export function cloudflareVideoOptions(serving: ServingOptions | undefined, now: number): CloudflareVideoOptions {
  if (!serving) return {};
  const { requireSignedURLs, allowedOrigins, thumbnailTimestampPct, scheduledDeletion, creator } = serving;
  return {
    requireSignedURLs,
    allowedOrigins,
    ...(thumbnailTimestampPct > 0 ? { thumbnailTimestampPct } : {}),
    ...(scheduledDeletion && deletionInRange(scheduledDeletion, now) ? { scheduledDeletion } : {}),
    ...(creator ? { creator } : {}),
  };
}

/** What of the video's serving options Stream could not be told, in a sentence for the delivery's notice, or null. */
export function cloudflareServingNotice(serving: ServingOptions, now: number): string | null {
  const left = [
    serving.watermark
      ? "watermark (Stream takes a watermark profile's uid, not Ferry's image, and the bytes it gets do not " +
        "have it burned in: send Ferry's MP4 by push to carry it)"
      : null,
    serving.scheduledDeletion && !deletionInRange(serving.scheduledDeletion, now)
      ? `scheduledDeletion (${serving.scheduledDeletion} is not 30 to 1,096 days ahead, as Stream requires, so Stream keeps the video)`
      : null,
  ].filter((said): said is string => said !== null);
  return left.length === 0 ? null : `Cloudflare Stream was not given ${left.join('; ')}.`;
}

/**
 * The copy's JSON body: the link as `input`, which the SDK prefers (`url` is "deprecated in favor
 * of `input`"), the name in `meta`, and every serving option Stream takes.
 */
export function cloudflareCopyBody(
  link: PullLink,
  now: number,
): { input: string; meta: { name: string } } & CloudflareVideoOptions {
  return { input: link.url, meta: { name: link.name }, ...cloudflareVideoOptions(link.serving, now) };
}
