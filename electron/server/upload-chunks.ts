/**
 * Cloudflare Stream's chunk rules for a TUS PATCH: at least 5 MiB unless it is the last one, a
 * multiple of 256 KiB unless it is the last one, never more than 200 MiB. Clients written for
 * Cloudflare keep to them, and scripts tried against Ferry should fail here as they would there. Pure.
 */
export const minChunkBytes = 5_242_880;
export const maxChunkBytes = 209_715_200;
const chunkMultiple = 256 * 1024;

export interface Chunk {
  /** The PATCH's `Upload-Offset` and `Content-Length`. */
  offset: number;
  length: number;
  /** The upload's `Upload-Length`, when known. */
  uploadLength: number | undefined;
}

export type ChunkCheck = { ok: true } | { ok: false; status: 400 | 413; message: string };

export function checkChunk(chunk: Chunk): ChunkCheck {
  if (chunk.length > maxChunkBytes)
    return { ok: false, status: 413, message: `A chunk may be at most ${maxChunkBytes} bytes (200 MiB).\n` };
  const last = chunk.uploadLength !== undefined && chunk.offset + chunk.length >= chunk.uploadLength;
  if (last) return { ok: true };
  if (chunk.length < minChunkBytes)
    return {
      ok: false,
      status: 400,
      message: `A chunk other than the last must be at least ${minChunkBytes} bytes (5 MiB).\n`,
    };
  if (chunk.length % chunkMultiple !== 0)
    return {
      ok: false,
      status: 400,
      message: `A chunk other than the last must be a multiple of ${chunkMultiple} bytes (256 KiB).\n`,
    };
  return { ok: true };
}
