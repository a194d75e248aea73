/**
 * What the scheduler checks between pieces of work, each at its own pace: free disk space (the
 * queue pauses under the threshold and resumes when there is room, as HandBrake's
 * PauseOnLowDiskspace does), a checkpoint of the database, and outputs whose scheduledDeletion
 * has passed.
 */
import fs from 'node:fs/promises';
import type { EngineContext } from '../context/engine-context';
import { deleteExpiredOutputs } from './delete-outputs';
import { keepDiskReserve } from '../store/disk-reserve';

const diskEveryMs = 2_000;
const deletionsEveryMs = 60_000;

// What the last look found, for the notice that says how much is free.
const lastFree = new WeakMap<EngineContext, number>();

/** Free bytes in the data directory at the last look of this process's run, if it made one. */
export function lastFreeBytes(context: EngineContext): number | undefined {
  return lastFree.get(context);
}

/** Free bytes for an unprivileged writer in the directory's file system. */
export async function freeDiskBytes(dir: string): Promise<number> {
  const stats = await fs.statfs(dir);
  return stats.bavail * stats.bsize;
}

export async function runHousekeeping(context: EngineContext, now = Date.now()): Promise<void> {
  const { housekeeping } = context;
  if (now - housekeeping.diskCheckedAt >= diskEveryMs) {
    housekeeping.diskCheckedAt = now;
    // At the same pace, so that a power cut costs at most the last two seconds of state changes.
    context.store.checkpoint();
    const free = await freeDiskBytes(context.paths.dataDir);
    lastFree.set(context, free);
    keepDiskReserve(context.paths.dataDir, free);
    const low = free < context.settings.get().minFreeDiskBytes;
    if (low !== context.lowDiskSpace) {
      context.lowDiskSpace = low;
      context.feed.touchTotals();
    }
  }
  if (now - housekeeping.deletionsCheckedAt >= deletionsEveryMs) {
    housekeeping.deletionsCheckedAt = now;
    await deleteExpiredOutputs(context, now);
  }
}
