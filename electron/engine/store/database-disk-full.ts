/**
 * ferry.db cannot be opened or written because its disk is full: SQLite says SQLITE_FULL, or,
 * when even its shared-memory file cannot be made, a disk I/O error. Said in words that name the
 * folder, the space left and what to do, instead of SQLite's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../../../shared/format-units';

/** Less than this free, an I/O error from SQLite is taken to be the disk being full. */
const nearlyNothing = 64 * 1024;

/** Free bytes for an unprivileged writer on the volume holding `dir` (-1 when it is not there). */
export function freeBytesNow(dir: string): number {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return -1;
    throw error;
  }
}

export class DatabaseDiskFullError extends Error {
  constructor(dbPath: string, free: number) {
    const dir = path.dirname(dbPath);
    super(
      `The disk holding ${dir} is full (${formatBytes(Math.max(0, free))} free): ferry.db could not be opened ` +
        'or written, so nothing was changed. Free some space on that disk, or move the data directory to a larger ' +
        'one, then try again.',
    );
    this.name = 'DatabaseDiskFullError';
  }
}

/** The error to throw for one raised opening or writing `dbPath`: a full disk said so, any other as it is. */
export function databaseDiskFullOr(dbPath: string, error: unknown): unknown {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code !== 'SQLITE_FULL' && !code.startsWith('SQLITE_IOERR')) return error;
  const free = freeBytesNow(path.dirname(dbPath));
  if (code !== 'SQLITE_FULL' && (free < 0 || free >= nearlyNothing)) return error;
  return new DatabaseDiskFullError(dbPath, free);
}
