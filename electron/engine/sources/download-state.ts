/**
 * What a resumable download remembers beside its `.part` file: which pieces are complete, how far
 * each unfinished piece got, and the validators (strong ETag, Last-Modified) that prove the
 * origin's file is still the same. Written by rename, so a crash leaves the old state or the new
 * one, never half of one.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';

export interface DownloadState {
  url: string;
  size: number;
  etag: string | null;
  lastModified: string | null;
  pieceBytes: number;
  /** Indexes of the pieces fully written. */
  done: number[];
  /** Bytes on disk from the start of each unfinished piece that has some (piece index -> bytes). */
  partial?: Record<string, number>;
}

export const statePath = (part: string) => `${part}.json`;

export async function readDownloadState(part: string): Promise<DownloadState | null> {
  // Most downloads start fresh: a synchronous look (microseconds) spares them a thread-pool round trip.
  if (!fsSync.existsSync(statePath(part))) return null;
  try {
    return JSON.parse(await fs.readFile(statePath(part), 'utf8')) as DownloadState;
  } catch (error) {
    // No state, or a state from before a crash that cannot be read: start over.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null;
    throw error;
  }
}

export async function writeDownloadState(part: string, state: DownloadState): Promise<void> {
  const temp = `${statePath(part)}.tmp`;
  await fs.writeFile(temp, JSON.stringify(state));
  await fs.rename(temp, statePath(part));
}

export async function clearDownload(part: string): Promise<void> {
  await fs.rm(part, { force: true });
  await fs.rm(statePath(part), { force: true });
}

/** A piece of the file by its index, with how far it is on disk. */
export interface StatePiece {
  index: number;
  start: number;
  /** The last byte, inclusive. */
  end: number;
  /** The first byte not yet on disk. */
  next: number;
}

/** The pieces a saved state still lacks, each starting at its first missing byte. */
export function missingPieces(state: DownloadState): StatePiece[] {
  const done = new Set(state.done);
  const count = Math.ceil(state.size / state.pieceBytes);
  const pieces: StatePiece[] = [];
  for (let index = 0; index < count; index++) {
    if (done.has(index)) continue;
    const start = index * state.pieceBytes;
    const end = Math.min(state.size, start + state.pieceBytes) - 1;
    const kept = Math.max(0, Math.min(state.partial?.[index] ?? 0, end - start));
    pieces.push({ index, start, end, next: start + kept });
  }
  return pieces;
}

/** The state to save: pieces finished, and how far each unfinished one got. */
export function progressState(state: DownloadState, done: Iterable<number>, pieces: StatePiece[]): DownloadState {
  const finished = new Set(done);
  const partial: Record<string, number> = {};
  for (const piece of pieces) {
    if (!finished.has(piece.index) && piece.next > piece.start) partial[piece.index] = piece.next - piece.start;
  }
  return { ...state, done: [...finished], partial };
}
