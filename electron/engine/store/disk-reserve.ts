/**
 * A little room kept for the database on the data directory's disk: a reserve file (ballast, as
 * databases that must survive a full disk keep one), given up when a write fails on a full disk,
 * so that pausing the queue and handing the video back to its stage can still be written (a
 * WAL that must grow needs a few pages free). Made again once there is room.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Enough for a few commits of the queue's bookkeeping, however full the WAL was. */
export const reserveBytes = 1024 * 1024;

export const reservePath = (dataDir: string) => path.join(dataDir, 'ferry.db.reserve');

/**
 * Makes the reserve when it is missing and `freeBytes` leaves room for it twice over; answers
 * whether it is there. Written with real bytes: a sparse file would reserve nothing.
 */
export function keepDiskReserve(dataDir: string, freeBytes: number): boolean {
  const file = reservePath(dataDir);
  if (fs.existsSync(file)) return true;
  if (freeBytes < 2 * reserveBytes) return false;
  try {
    fs.writeFileSync(`${file}.new`, Buffer.alloc(reserveBytes), { mode: 0o600 });
    fs.renameSync(`${file}.new`, file);
    return true;
  } catch (error) {
    // Filled up meanwhile: no reserve this time, the next look tries again.
    fs.rmSync(`${file}.new`, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    return false;
  }
}

/** Gives the reserve's room back to the database; answers whether there was one. */
export function releaseDiskReserve(dataDir: string): boolean {
  const file = reservePath(dataDir);
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file, { force: true });
  return true;
}
