/**
 * Cloudflare Stream's TUS rules, pure: the chunk size a PATCH may have (resumable-uploads.mdx) and
 * the Upload-Metadata keys Stream reads on the creation request.
 */

/** The smallest chunk Stream takes, unless it is the last one (or the whole file is smaller). */
export const cloudflareMinChunk = 5 * 1024 * 1024;
/** The largest chunk Stream takes. */
export const cloudflareMaxChunk = 200 * 1024 * 1024;
/** Every chunk but the last is a multiple of this. */
export const cloudflareChunkMultiple = 256 * 1024;

/**
 * Bytes per PATCH from the stage's preferred size: rounded down to a multiple of 256 KiB and kept
 * within 5 MiB..200 MiB. A file smaller than 5 MiB goes in one chunk, its own size.
 */
export function cloudflareChunkSize(preferred: number, fileSize: number): number {
  if (fileSize > 0 && fileSize < cloudflareMinChunk) return fileSize;
  // Infinity (tus-js-client's "one request") would break the 200 MiB maximum.
  if (!Number.isFinite(preferred)) return cloudflareMaxChunk;
  const aligned = Math.floor(preferred / cloudflareChunkMultiple) * cloudflareChunkMultiple;
  return Math.min(cloudflareMaxChunk, Math.max(cloudflareMinChunk, aligned));
}

/** What Stream takes besides the name at creation; the video's options as Ferry keeps them. */
export interface CloudflareVideoOptions {
  requireSignedURLs?: boolean;
  allowedOrigins?: string[];
  /** 0..1: where the thumbnail is taken, as a share of the duration. */
  thumbnailTimestampPct?: number;
  /** RFC 3339; Stream wants it 30 to 1,096 days after creation. */
  scheduledDeletion?: string;
  /** A watermark profile's uid on the account. */
  watermark?: string;
}

/**
 * The creation request's Upload-Metadata, keys as Stream spells them. `requiresignedurls` is a
 * key alone: tus-js-client writes every key with a value, so an empty one is what it can send
 * (`requiresignedurls ` parses as the key alone).
 */
export function cloudflareMetadata(name: string, options: CloudflareVideoOptions = {}): Record<string, string> {
  const metadata: Record<string, string> = { name };
  if (options.requireSignedURLs) metadata.requiresignedurls = '';
  if (options.allowedOrigins && options.allowedOrigins.length > 0)
    metadata.allowedorigins = options.allowedOrigins.join(',');
  if (options.thumbnailTimestampPct !== undefined)
    metadata.thumbnailtimestamppct = String(options.thumbnailTimestampPct);
  if (options.scheduledDeletion) metadata.scheduleddeletion = options.scheduledDeletion;
  if (options.watermark) metadata.watermark = options.watermark;
  return metadata;
}
