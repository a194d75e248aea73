/**
 * Fetches the missing pieces of a download over a few connections. A connection that breaks is
 * no reason to wait: its piece goes on at once from its first missing byte, and only tries that
 * got no further count toward giving up (so a link that drops every few seconds still finishes).
 * An origin that says it is busy (429, 503) gets fewer connections; when none are left, or the
 * failure needs waiting, the error goes up to the caller, whose queue decides when to try again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { planRetry, type RetryTuning } from '../retry/retry-policy';
import { failureVerdict } from './fetch-decisions';
import { HttpError } from './http-request';
import { writePiece, type Piece, type PieceTarget } from './write-piece';

export interface PieceWork<P extends Piece> {
  target: PieceTarget;
  /** Every piece still to fetch, in file order; `next` says how far each one is. */
  pieces: P[];
  connections: number;
  /** The origin takes byte ranges and has a validator: a broken piece goes on where it stopped. */
  resumable: boolean;
  /** Ranges are asked for only when the file is split, or to continue a piece. */
  split: boolean;
  /** Waits between tries of a piece that got nowhere, and how many such tries in a row are allowed. */
  dropRetry: RetryTuning;
  /** Told when a piece is complete. */
  onPieceDone(piece: P): void;
}

/** The busy statuses: the origin asks for fewer requests. */
const busy = (error: HttpError) => error.status === 429 || error.status === 503;

export async function fetchPieces<P extends Piece>(work: PieceWork<P>, userSignal?: AbortSignal): Promise<void> {
  // When one piece fails for good, the others stop too, before the file is closed.
  const stopAll = new AbortController();
  const signal = userSignal ? AbortSignal.any([userSignal, stopAll.signal]) : stopAll.signal;
  const target: PieceTarget = { ...work.target, signal };
  const queue = [...work.pieces];
  let allowed = work.connections;
  let running = 0;
  let firstFailure: { error: unknown } | undefined;

  const worker = async () => {
    running++;
    try {
      for (let piece = queue.shift(); piece; piece = queue.shift()) {
        try {
          await fetchPiece(work, target, piece, signal);
          work.onPieceDone(piece);
        } catch (error) {
          // A busy origin: this connection stops and leaves its piece to the others, if any remain.
          if (error instanceof HttpError && busy(error) && running > 1 && !signal.aborted) {
            allowed = Math.max(1, Math.floor(allowed / 2));
            queue.unshift(piece);
            return;
          }
          throw error;
        }
        if (running > allowed) return;
      }
    } catch (error) {
      firstFailure ??= { error };
      stopAll.abort();
    } finally {
      running--;
    }
  };
  await Promise.all(Array.from({ length: Math.min(work.connections, queue.length) }, worker));
  if (userSignal?.aborted) throw userSignal.reason;
  if (firstFailure) throw firstFailure.error;
}

/** One piece to its end, going on after broken connections; throws what needs more than that. */
async function fetchPiece(
  work: PieceWork<Piece>,
  target: PieceTarget,
  piece: Piece,
  signal: AbortSignal,
): Promise<void> {
  let fruitless = 0;
  let furthest = piece.next;
  for (;;) {
    if (!work.resumable && piece.next > piece.start) {
      // Nothing can continue these bytes: start the piece (the whole file) again.
      target.onBytes(piece.start - piece.next);
      piece.next = piece.start;
      await target.handle.truncate(piece.start);
    }
    const ranged = work.resumable && (work.split || piece.next > piece.start);
    try {
      await writePiece(target, piece, ranged);
      return;
    } catch (error) {
      if (!(error instanceof HttpError) || failureVerdict(error) !== 'resume' || signal.aborted) throw error;
      fruitless = piece.next > furthest ? 0 : fruitless + 1;
      furthest = Math.max(furthest, piece.next);
      if (fruitless === 0) continue;
      const verdict = planRetry(fruitless, {}, work.dropRetry);
      if (verdict.kind === 'give-up') {
        throw new HttpError(`${error.message} It broke ${fruitless} times in a row without progress.`, 'dropped');
      }
      await sleep(verdict.delayMs, undefined, { signal });
    }
  }
}
