/**
 * Cloudflare Stream's TUS rules, pure: the chunk size a PATCH may have (resumable-uploads.mdx) and
 * the Upload-Metadata keys Stream reads on the creation request (the SDK's StreamCreateParams doc).
 */
import type { CloudflareVideoOptions } from './cloudflare-options';

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

/**
 * The creation request's Upload-Metadata, keys as Stream spells them. `requiresignedurls` is a
 * key alone: tus-js-client writes every key with a value, so an empty one is what it can send
 * (`requiresignedurls ` parses as the key alone). The creator is no metadata key: it goes in the
 * Upload-Creator header (cloudflareCreatorHeader).
 */
export function cloudflareMetadata(name: string, options: CloudflareVideoOptions = {}): Record<string, string> {
  const metadata: Record<string, string> = { name };
  if (options.requireSignedURLs) metadata.requiresignedurls = '';
  if (options.allowedOrigins && options.allowedOrigins.length > 0)
    metadata.allowedorigins = options.allowedOrigins.join(',');
  if (options.thumbnailTimestampPct !== undefined)
    metadata.thumbnailtimestamppct = String(options.thumbnailTimestampPct);
  if (options.scheduledDeletion) metadata.scheduleddeletion = options.scheduledDeletion;
  return metadata;
}

/** The TUS creation's Upload-Creator header, where Stream takes the creator of a pushed video. */
export function cloudflareCreatorHeader(options: CloudflareVideoOptions): Record<string, string> {
  return options.creator ? { 'Upload-Creator': options.creator } : {};
}
