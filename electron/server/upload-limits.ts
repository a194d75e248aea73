/**
 * What a TUS upload to `ferry serve` may take, decided before a byte is written: an upload no
 * larger than the `uploads.maxSizeBytes` setting (and than a `maxSizeBytes` its creator gave), a
 * deferred-length one included, and no request whose bytes do not fit the data directory's free
 * space less the `minFreeDiskBytes` setting. A request with a body must say how long it is
 * (`Content-Length`), so that each chunk is held to Cloudflare's chunk rules before it arrives.
 * Pure.
 */
import { formatBytes } from '../../shared/format-units';
import { checkChunk } from './upload-chunks';

export type Verdict = { ok: true } | { ok: false; status: 400 | 411 | 413 | 507; message: string };

const admitted: Verdict = { ok: true };

/** The most bytes one upload may hold, and where that limit was set (for the refusal's sentence). */
export interface SizeLimit {
  bytes: number;
  setBy: string;
}

export function sizeLimit(settingBytes: number, creatorBytes: number | undefined): SizeLimit {
  const byCreator = creatorBytes !== undefined && creatorBytes < settingBytes;
  return byCreator
    ? { bytes: creatorBytes, setBy: 'the maxSizeBytes given in its Upload-Metadata' }
    : { bytes: settingBytes, setBy: 'the uploads.maxSizeBytes setting (ferry settings uploads.maxSizeBytes)' };
}

const describe = (bytes: number) => `${bytes} bytes (${formatBytes(bytes)})`;

const tooLarge = (what: string, bytes: number, limit: SizeLimit): Verdict => ({
  ok: false,
  status: 413,
  message: `${what} ${describe(bytes)}, over the largest upload this server takes: ${describe(limit.bytes)}, ${limit.setBy}.`,
});

/**
 * The room an upload may still use: the data directory's free space less the `minFreeDiskBytes`
 * setting and the bytes that requests in progress were admitted with.
 */
export interface Room {
  freeBytes: number;
  minFreeDiskBytes: number;
  heldBytes: number;
}

function fits(bytes: number, room: Room, what: string): Verdict {
  const available = room.freeBytes - room.minFreeDiskBytes - room.heldBytes;
  if (bytes <= available) return admitted;
  return {
    ok: false,
    status: 507,
    message:
      `${what} ${describe(bytes)}; the data directory has room for ${describe(Math.max(0, available))} more ` +
      `(its free space less the minFreeDiskBytes setting, ${describe(room.minFreeDiskBytes)}, and uploads in ` +
      'progress). Free some space or lower the setting (ferry settings minFreeDiskBytes).',
  };
}

/** A creation: its `Upload-Length` (undefined for `Upload-Defer-Length: 1`, held to the limit as its bytes come). */
export function admitCreation(uploadLength: number | undefined, limit: SizeLimit, room: Room): Verdict {
  if (uploadLength === undefined) return admitted;
  if (uploadLength > limit.bytes) return tooLarge('This upload is', uploadLength, limit);
  return fits(uploadLength, room, 'This upload is');
}

/** A request that carries bytes: a PATCH, or a creation with its first chunk. */
export interface Body {
  /** The `Content-Length` header as sent; null when absent (`Transfer-Encoding: chunked`). */
  contentLength: string | null;
  /** Where the bytes go (`Upload-Offset`; 0 for a creation). */
  offset: number;
  /** The upload's length once this request is taken: known since creation, declared now, or undefined (deferred). */
  uploadLength: number | undefined;
}

export function admitBody(body: Body, limit: SizeLimit, room: Room): Verdict {
  if (body.contentLength === null)
    return {
      ok: false,
      status: 411,
      message:
        'Send Content-Length with the chunk: this server checks its size (the chunk rules, the largest upload, ' +
        'the free disk) before taking its bytes, so Transfer-Encoding: chunked is not taken. tus-js-client sends it.',
    };
  const length = Number(body.contentLength);
  if (body.uploadLength !== undefined && body.uploadLength > limit.bytes)
    return tooLarge('This upload is', body.uploadLength, limit);
  if (body.offset + length > limit.bytes)
    return tooLarge('This chunk would make the upload', body.offset + length, limit);
  const chunk = checkChunk({ offset: body.offset, length, uploadLength: body.uploadLength });
  if (!chunk.ok) return { ok: false, status: chunk.status, message: chunk.message.trim() };
  return fits(length, room, 'This chunk is');
}
