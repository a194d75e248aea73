/**
 * Fills `<dest>.part` with what the origin serves, going on from the bytes already there when the
 * saved state (`<dest>.part.json`) and the origin's validators say they belong to the same file.
 * The state records finished pieces and how far each unfinished one got. It is written each time
 * the connections together have put 512 KiB each on disk since the last write, so that a crash or
 * a kill loses at most that, the batch each connection was writing and the one it was gathering
 * (256 KiB each, write-piece.ts): 1 MiB per connection at most, about half that on average.
 */
import fs from 'node:fs/promises';
import type { RetryTuning } from '../retry/retry-policy';
import type { Head } from './ask-origin';
import {
  clearDownload,
  missingPieces,
  progressState,
  readDownloadState,
  writeDownloadState,
  type DownloadState,
  type StatePiece,
} from './download-state';
import { planPieces } from './fetch-decisions';
import { fetchPieces } from './fetch-pieces';
import { SpeedMeter } from './speed-meter';
import { diskFullOr, type PieceTarget, type Throttle } from './write-piece';
import type { PublicOnly } from './private-network-guard';

export interface FillOptions {
  headers: Record<string, string>;
  maxConnections: number;
  idleTimeoutMs: number;
  /** Refuse loopback, private and link-local addresses at every hop (links that came over `ferry serve`). */
  publicOnly?: PublicOnly;
  /** Follow a redirect from https to plain http (the user allowed it for this link). */
  allowInsecureRedirects?: boolean;
  maxSizeBytes?: number;
  signal?: AbortSignal;
  dropRetry: RetryTuning;
  /** The download bandwidth limit all downloads share (write-piece.ts). */
  throttle?: Throttle;
  /** Counts the bytes this call added to the file (less any it had to throw away), as they arrive. */
  received: { bytes: number };
  onProgress?: (progress: { bytes: number; total: number; bytesPerSecond: number; etaSeconds: number }) => void;
}

const saveEveryBytesPerConnection = 512 * 1024;

export async function fillPartFile(
  url: string,
  head: Head,
  part: string,
  options: FillOptions,
  origin: string,
): Promise<void> {
  const saved = await readDownloadState(part);
  const validator = head.etag ?? head.lastModified;
  const resumable = head.ranges && head.size > 0 && validator !== null && !head.encoded;
  const same =
    saved &&
    resumable &&
    saved.size === head.size &&
    saved.etag === head.etag &&
    saved.lastModified === head.lastModified;
  // Without a saved state there is nothing to clear: opening the part for writing empties it.
  if (saved && !same) await clearDownload(part);
  const plan = planPieces(head.size, resumable, options.maxConnections);
  const state: DownloadState =
    same && saved
      ? saved
      : {
          url: head.finalUrl,
          size: head.size,
          etag: head.etag,
          lastModified: head.lastModified,
          pieceBytes: plan.pieceBytes,
          done: [],
        };
  // One piece needs no state: it is at most 1 MiB, or the origin cannot resume it anyway.
  const keepState = resumable && plan.pieces > 1;
  const pieces: StatePiece[] = head.size > 0 ? missingPieces(state) : [{ index: 0, start: 0, end: -1, next: 0 }];
  const done = new Set(state.done);
  const connections = Math.min(plan.connections, pieces.length);

  // State writes go one after another; the first that fails is kept (and later ones skipped),
  // to be thrown once the pieces have stopped, unless the download failed first.
  let saving = Promise.resolve();
  let saveFailure: { error: unknown } | undefined;
  let unsaved = 0;
  const save = () => {
    unsaved = 0;
    const snapshot = progressState(state, done, pieces);
    saving = saving
      .then(() => (saveFailure ? undefined : writeDownloadState(part, snapshot)))
      .catch((error: unknown) => {
        saveFailure ??= { error: diskFullOr(error) };
      });
  };

  const handle = await fs.open(part, same ? 'r+' : 'w');
  const report = progressReporter(head.size, bytesOnDisk(state, pieces), options);
  const target: PieceTarget = {
    url,
    handle,
    size: head.size,
    origin,
    userHeaders: options.headers,
    idleTimeoutMs: options.idleTimeoutMs,
    ...(options.publicOnly ? { publicOnly: options.publicOnly } : {}),
    ...(options.allowInsecureRedirects ? { allowInsecureRedirects: true } : {}),
    ...(options.maxSizeBytes ? { maxSizeBytes: options.maxSizeBytes } : {}),
    validator: resumable ? validator : null,
    encoded: head.encoded,
    ...(options.throttle ? { throttle: options.throttle } : {}),
    onBytes: report,
    onWritten: (bytes) => {
      unsaved += bytes;
      if (keepState && unsaved >= saveEveryBytesPerConnection * connections) save();
    },
  };
  let fetched = false;
  try {
    if (keepState) save();
    await fetchPieces(
      {
        target,
        pieces,
        connections,
        resumable,
        split: plan.pieces > 1,
        dropRetry: options.dropRetry,
        onPieceDone: (piece) => {
          done.add(piece.index);
          if (keepState) save();
        },
      },
      options.signal,
    );
    fetched = true;
  } finally {
    // Whatever happened, the state on disk says how far every piece got.
    if (keepState) save();
    await saving;
    await handle.close();
  }
  if (saveFailure && fetched) throw saveFailure.error;
}

function bytesOnDisk(state: DownloadState, pieces: StatePiece[]): number {
  if (state.size <= 0) return 0;
  return state.size - pieces.reduce((missing, piece) => missing + piece.end + 1 - piece.next, 0);
}

/** Progress at most four times a second (a file that arrives sooner needs none). */
function progressReporter(total: number, startBytes: number, options: FillOptions) {
  const { onProgress, received } = options;
  const meter = new SpeedMeter(startBytes);
  let bytes = startBytes;
  let lastReport = Date.now();
  return (delta: number) => {
    bytes += delta;
    received.bytes += delta;
    if (!onProgress) return;
    const now = Date.now();
    if (now - lastReport < 250) return;
    lastReport = now;
    const bytesPerSecond = meter.update(bytes, now);
    onProgress({ bytes, total, bytesPerSecond, etaSeconds: total > 0 ? meter.eta(total - bytes) : -1 });
  };
}
