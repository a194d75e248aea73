/**
 * What a resumable download remembers beside its `.part` file: which pieces are complete and
 * the validators (strong ETag, Last-Modified) that prove the origin's file is still the same.
 * Written by rename, so a crash leaves the old state or the new one, never half of one.
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
