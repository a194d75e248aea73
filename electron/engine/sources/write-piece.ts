/**
 * Fetches one byte range of a download (or the whole body) from its first missing byte and
 * writes it at its place in the `.part` file, awaiting the disk so a slow disk slows the download
 * instead of filling memory. `piece.next` moves only once bytes are on disk, so after any failure
 * it says exactly where a resume starts; bytes already read when a connection breaks are written
 * first. A body compressed in transit is decoded on the way (decode-body.ts).
 */
import type { FileHandle } from 'node:fs/promises';
import { finished, pipeline, type Readable } from 'node:stream';
import { BatchWriter } from './batch-writer';
import { contentCodings, decodeFailure, decodersFor, unsupportedCoding } from './decode-body';
import { describeStatus, rangeResponseVerdict, refuseContent } from './fetch-decisions';
import { httpRequest, HttpError, networkFailure, type HttpResponse } from './http-request';
import type { PublicOnly } from './private-network-guard';

export interface PieceTarget {
  url: string;
  handle: FileHandle;
  /** The whole file's size, -1 when the origin did not say. */
  size: number;
  origin: string;
  userHeaders: Record<string, string>;
  idleTimeoutMs: number;
  /** Refuse loopback, private and link-local addresses at every hop (links that came over `ferry serve`). */
  publicOnly?: PublicOnly;
  /** Follow a redirect from https to plain http (the user allowed it for this link). */
  allowInsecureRedirects?: boolean;
  signal?: AbortSignal;
  maxSizeBytes?: number;
  /** Strong ETag or Last-Modified for If-Range, null when the download cannot resume. */
  validator: string | null;
  /** The origin compresses in transit: decode the body (ranges are never asked for then). */
  encoded: boolean;
  /**
   * The download bandwidth limit: answers a promise to wait on before reading more, or nothing
   * when the bytes may go on at once.
   */
  throttle?: Throttle;
  /** Bytes received (for progress). */
  onBytes(delta: number): void;
  /** Bytes now on disk (for the saved state). */
  onWritten(delta: number): void;
}

export type Throttle = (bytes: number) => Promise<void> | undefined;

/** A byte range of the file and how much of it is on disk. */
export interface Piece {
  start: number;
  /** The last byte, inclusive; -1 when the size is unknown. */
  end: number;
  /** The first byte not yet on disk: where a resume starts. */
  next: number;
}

/** The bytes on disk no longer match what the origin serves: start the file over. */
export class RestartDownload extends Error {
  constructor(
    reason: string,
    /** The origin compresses in transit: fetch it whole, in one piece, and decode it. */
    readonly encoded = false,
  ) {
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

/** A full disk as a refusal that says what to do; any other error as it is. */
export function diskFullOr(error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') return error;
  return new PieceRefused(
    'ERR_DISK_FULL',
    'The disk is full. Free some space in the data directory, then retry: the download resumes where it stopped.',
  );
}

/** Fetches `piece` from `piece.next` to its end; `ranged` sends a Range header (with If-Range). */
export async function writePiece(target: PieceTarget, piece: Piece, ranged: boolean): Promise<void> {
  const headers: Record<string, string> = {};
  if (ranged) {
    headers.Range = `bytes=${piece.next}-${piece.end >= 0 ? piece.end : ''}`;
    if (target.validator) headers['If-Range'] = target.validator;
  }
  const reply = await httpRequest(target.url, {
    method: 'GET',
    userHeaders: target.userHeaders,
    origin: target.origin,
    headers,
    idleTimeoutMs: target.idleTimeoutMs,
    ...(target.publicOnly ? { publicOnly: target.publicOnly } : {}),
    ...(target.allowInsecureRedirects ? { allowInsecureRedirects: true } : {}),
    ...(target.signal ? { signal: target.signal } : {}),
  });
  try {
    const body = checkedBody(reply.response, target, piece, ranged);
    await receive(body, reply.response.headers.get('content-type'), reply.alive, target, piece);
  } finally {
    reply.done();
    reply.response.cancel();
  }
}

/** The body to read, decoded when compressed, once the answer is known to continue our bytes. */
function checkedBody(response: HttpResponse, target: PieceTarget, piece: Piece, ranged: boolean): Readable {
  if (response.status >= 400) {
    throw new HttpError(
      describeStatus(response.status, response.statusText),
      'status',
      response.status,
      response.headers.get('retry-after'),
    );
  }
  const codings = contentCodings(response.headers.get('content-encoding'));
  if (codings.length > 0 && !target.encoded) {
    // Ranges of a compressed answer count compressed bytes: they cannot continue the file on disk.
    throw new RestartDownload('The server compresses the file in transit.', true);
  }
  const unknown = unsupportedCoding(codings);
  if (unknown) {
    throw new HttpError(
      `The server sends the file compressed as "${unknown}", which Ferry cannot decode. Ask its owner to serve it without compression.`,
      'final',
    );
  }
  if (ranged) {
    const verdict = rangeResponseVerdict(
      { status: response.status, contentRange: response.headers.get('content-range') },
      { start: piece.next, size: target.size },
    );
    // 200 to a ranged request: the origin ignored the range or (If-Range) the file changed.
    if (verdict !== 'continue') throw new RestartDownload('The file on the server changed or ignores byte ranges.');
  }
  if (codings.length === 0) return response.body;
  // Each pipeline passes an error on to the next decoder; the last one is read, and so throws it.
  return decodersFor(codings).reduce<Readable>(
    (source, decoder) => pipeline(source, decoder, () => undefined),
    response.body,
  );
}

async function receive(
  body: Readable,
  contentType: string | null,
  alive: () => void,
  target: PieceTarget,
  piece: Piece,
): Promise<void> {
  let received = piece.next;
  let first = piece.next === 0;
  // Writing in 256 KiB batches (one pwritev each) keeps the download close to disk speed
  // instead of paying a thread-pool round trip per chunk. (512 KiB batches measured about 0.1 s
  // less system CPU per GiB, but would double what a crash loses.)
  const writer = new BatchWriter(
    piece.next,
    batchBytes,
    (batch, at) => writeAt(target.handle, batch, at),
    (upTo, bytes) => {
      piece.next = upTo;
      target.onWritten(bytes);
    },
  );
  try {
    await consume(body, (chunk) => {
      alive();
      if (first) {
        first = false;
        const refusal = refuseContent(contentType, chunk);
        if (refusal) throw new PieceRefused(refusal.code as 'ERR_NOT_A_DIRECT_LINK', refusal.text);
      }
      if (piece.end >= 0 && received + chunk.length > piece.end + 1) {
        throw new RestartDownload('The server sent more bytes than it announced: the file may have changed.');
      }
      if (target.maxSizeBytes && received + chunk.length > target.maxSizeBytes) {
        throw new PieceRefused(
          'ERR_SIZE_EXCEED_CONSTRAINT',
          `The file is larger than the limit of ${target.maxSizeBytes} bytes set for it.`,
        );
      }
      received += chunk.length;
      target.onBytes(chunk.length);
      return bothDone(writer.add(chunk), target.throttle?.(chunk.length));
    });
    await writer.drain();
  } catch (error) {
    if (error instanceof PieceRefused || error instanceof RestartDownload) {
      // These bytes are not wanted: only let a write in flight end before the file is closed.
      await writer.abandon();
      throw error;
    }
    // Keep every byte that arrived: what was read goes to disk before the piece is given up.
    await writer.drain();
    throw failureOf(error, target, piece);
  }
  if (piece.end >= 0 && piece.next !== piece.end + 1) {
    const [got, wanted] = [piece.next - piece.start, piece.end - piece.start + 1];
    throw new HttpError(`The server closed the connection after ${got} of ${wanted} bytes.`, 'dropped');
  }
}

/**
 * Reads a stream to its end through 'data' events, which cost less per chunk than async
 * iteration (a promise per 64 KiB chunk), pausing while `take` waits. Rejects with the stream's
 * error, a premature close, or what `take` throws.
 */
function consume(body: Readable, take: (chunk: Buffer) => Promise<void> | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      body.off('data', onData);
      body.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      let waiting: Promise<void> | undefined;
      try {
        waiting = take(chunk);
      } catch (error) {
        return fail(error);
      }
      if (!waiting) return;
      body.pause();
      waiting.then(() => failed || body.resume(), fail);
    };
    body.on('data', onData);
    finished(body, (error) => (error ? fail(error) : failed || resolve()));
  });
}

/** The body waits for the disk and for the bandwidth budget; most chunks wait for neither. */
function bothDone(a: Promise<void> | undefined, b: Promise<void> | undefined): Promise<void> | undefined {
  if (!a || !b) return a ?? b;
  return Promise.all([a, b]).then(() => undefined);
}

function failureOf(error: unknown, target: PieceTarget, piece: Piece): unknown {
  // Stopped (paused, canceled, or another piece failed): not this piece's failure.
  if (target.signal?.aborted) return error;
  if (decodeFailure(error) === 'corrupt') {
    return new HttpError(
      `The server's compressed answer cannot be decoded (${(error as Error).message}). Ask its owner to serve the file without compression.`,
      'final',
    );
  }
  return networkFailure(error, `The connection dropped after ${piece.next - piece.start} bytes of a piece`);
}

async function writeAt(handle: FileHandle, batch: Buffer[], at: number): Promise<void> {
  try {
    await handle.writev(batch, at);
  } catch (error) {
    throw diskFullOr(error);
  }
}
