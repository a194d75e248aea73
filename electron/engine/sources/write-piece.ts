/**
 * Fetches one byte range (or the whole body) and writes it at its place in the `.part` file,
 * awaiting each write so a slow disk slows the download instead of filling memory.
 */
import type { FileHandle } from 'node:fs/promises';
import { describeStatus, isRetryableStatus, rangeResponseVerdict, refuseContent } from './fetch-decisions';
import { httpRequest, HttpError } from './http-request';

export interface PieceTarget {
  url: string;
  handle: FileHandle;
  /** The whole file's size, -1 when the origin did not say. */
  size: number;
  originHost: string;
  userHeaders: Record<string, string>;
  idleTimeoutMs: number;
  signal?: AbortSignal;
  maxSizeBytes?: number;
  /** Strong ETag or Last-Modified for If-Range, null when the download cannot resume. */
  validator: string | null;
  onBytes(delta: number): void;
}

/** The bytes on disk no longer match what the origin serves: start the file over. */
export class RestartDownload extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RestartDownload';
  }
}

/** A refusal that retrying cannot fix (a web page, a playlist, a size limit, a full disk). */
export class PieceRefused extends Error {
  constructor(
    readonly code: 'ERR_NOT_A_DIRECT_LINK' | 'ERR_STREAMING_MANIFEST' | 'ERR_SIZE_EXCEED_CONSTRAINT' | 'ERR_DISK_FULL',
    message: string,
  ) {
    super(message);
    this.name = 'PieceRefused';
  }
}

const batchBytes = 256 * 1024;
const diskFull =
  'The disk is full. Free some space in the data directory, then retry: the download resumes where it stopped.';

export async function writePiece(
  target: PieceTarget,
  piece: { start: number; end: number; ranged: boolean },
): Promise<void> {
  const headers: Record<string, string> = {};
  if (piece.ranged) {
    headers.Range = `bytes=${piece.start}-${piece.end}`;
    if (target.validator) headers['If-Range'] = target.validator;
  }
  const reply = await httpRequest(target.url, {
    method: 'GET',
    userHeaders: target.userHeaders,
    originHost: target.originHost,
    headers,
    idleTimeoutMs: target.idleTimeoutMs,
    ...(target.signal ? { signal: target.signal } : {}),
  });
  const { response } = reply;
  try {
    if (response.status >= 400) {
      throw new HttpError(
        describeStatus(response.status, response.statusText),
        isRetryableStatus(response.status),
        response.status,
        response.headers.get('retry-after'),
      );
    }
    if (piece.ranged) {
      const verdict = rangeResponseVerdict(
        { status: response.status, contentRange: response.headers.get('content-range') },
        { start: piece.start, size: target.size },
      );
      // 200 to a ranged request: the origin ignored the range or (If-Range) the file changed.
      if (verdict !== 'continue') throw new RestartDownload('The file on the server changed or ignores byte ranges.');
    }
    let position = piece.start;
    let first = piece.start === 0;
    // Chunks arrive at 16-64 KiB; writing them in 256 KiB batches (one pwritev each) keeps the
    // download close to disk speed instead of paying a thread-pool round trip per chunk. One
    // batch is written while the next is read, so the socket never waits for the disk.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let writing: Promise<void> = Promise.resolve();
    const write = async (batch: Buffer[], at: number) => {
      try {
        await target.handle.writev(batch, at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new PieceRefused('ERR_DISK_FULL', diskFull);
        throw error;
      }
    };
    const flush = async () => {
      await writing;
      if (pendingBytes === 0) return;
      writing = write(pending, position - pendingBytes);
      pending = [];
      pendingBytes = 0;
    };
    try {
      for await (const data of response.body) {
        const chunk = data as Buffer;
        reply.alive();
        if (first) {
          first = false;
          const refusal = refuseContent(response.headers.get('content-type'), chunk);
          if (refusal) throw new PieceRefused(refusal.code as 'ERR_NOT_A_DIRECT_LINK', refusal.text);
        }
        if (piece.end >= 0 && position + chunk.length > piece.end + 1) {
          throw new HttpError('The server sent more bytes than it announced.', true);
        }
        if (target.maxSizeBytes && position + chunk.length > target.maxSizeBytes) {
          throw new PieceRefused(
            'ERR_SIZE_EXCEED_CONSTRAINT',
            `The file is larger than the limit of ${target.maxSizeBytes} bytes set for it.`,
          );
        }
        pending.push(chunk);
        pendingBytes += chunk.length;
        position += chunk.length;
        target.onBytes(chunk.length);
        if (pendingBytes >= batchBytes) await flush();
      }
      await flush();
      await writing;
    } catch (error) {
      // Let a write still in flight finish (or fail) before the file is closed.
      await writing.catch(() => undefined);
      if (error instanceof PieceRefused || error instanceof HttpError || target.signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new HttpError(
        `The connection dropped after ${position - pendingBytes - piece.start} bytes${cause ? ` (${cause})` : ''}.`,
        true,
      );
    }
    if (piece.end >= 0 && position !== piece.end + 1) {
      throw new HttpError(`The server closed the connection after ${position} of ${piece.end + 1} bytes.`, true);
    }
  } finally {
    reply.done();
    response.cancel();
  }
}
