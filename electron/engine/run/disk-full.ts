/**
 * Telling a full disk from other failures, and what to say about it. Pure: the run pauses the
 * queue on these (pause-on-full-disk.ts) instead of failing the video, since freeing space, not
 * retrying, is what helps.
 */
import type { DiskNotice } from '../../../shared/api';
import { formatBytes } from '../../../shared/format-units';
import type { Stage } from '../../../shared/video';
import type { StageOutcome } from '../stages/stage-outcome';

/** Words that say a write failed for lack of space: Node's ENOSPC, ffmpeg's stderr, SQLite's SQLITE_FULL. */
const fullDiskWords = /ENOSPC|No space left on device|SQLITE_FULL|database or disk is full|ERR_DISK_FULL/i;

/** Whether a thrown error is a write that failed on a full disk (a file, ffmpeg's output, the database). */
export function isDiskFullError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return true;
  return fullDiskWords.test(error.message);
}

/** Whether a stage's verdict is really the disk being full (its code, or a wrapped ENOSPC in its text). */
export function isDiskFullOutcome(outcome: StageOutcome): boolean {
  if (outcome.kind !== 'error') return false;
  return outcome.code === 'ERR_DISK_FULL' || fullDiskWords.test(outcome.text);
}

/** What the work stopped at still has to write, as far as it is known: a download's bytes left, a transcode's outputs. */
export function bytesStillToWrite(stage: Stage | undefined, size: number, pctComplete: number): number {
  if (size <= 0) return 0;
  if (stage === 'fetch') return Math.ceil(size * (1 - Math.min(100, Math.max(0, pctComplete)) / 100));
  // A ladder, its MP4 and its thumbnails take about as much as the source, seldom more.
  if (stage === 'transcode') return size;
  return 0;
}

const during: Partial<Record<Stage, string>> = {
  fetch: 'the download of',
  probe: 'looking into',
  transcode: 'the transcode of',
  deliver: 'the delivery of',
};

export interface FullDiskFacts {
  folder: string;
  freeBytes: number;
  /** Bytes the stopped work still writes (0 when unknown). */
  workBytes: number;
  /** The `minFreeDiskBytes` guard. */
  keepFreeBytes: number;
  /** The stage and video name it happened in; none for the queue's own bookkeeping. */
  stage?: Stage;
  videoName?: string;
}

const whatToDo =
  'Free some space on that disk, or move the library to a larger one (ferry settings library <path>), ' +
  'then resume the queue (ferry resume --queue, or Resume in the app). Nothing is lost: ' +
  'the video keeps its place and what it has done.';

/** The notice for a write that failed on a full disk: the queue is paused until resumed. */
export function fullDiskNotice(facts: FullDiskFacts): DiskNotice {
  const neededBytes = facts.workBytes + facts.keepFreeBytes;
  const what =
    facts.stage && facts.videoName !== undefined
      ? `${during[facts.stage] ?? 'work on'} "${facts.videoName}"`
      : "Ferry's database";
  const need =
    facts.workBytes > 0
      ? `${what} needs about ${formatBytes(facts.workBytes)} more, and Ferry keeps ${formatBytes(facts.keepFreeBytes)} free`
      : `${what} could not be written, and Ferry keeps ${formatBytes(facts.keepFreeBytes)} free`;
  return {
    kind: 'full',
    dataDir: facts.folder,
    freeBytes: facts.freeBytes,
    neededBytes,
    message:
      `The disk holding ${facts.folder} is full (${formatBytes(facts.freeBytes)} free): ${need}, ` +
      `so the queue is paused. ${whatToDo}`,
  };
}

/** The notice for free space under the `minFreeDiskBytes` guard: nothing new starts until there is room. */
export function lowDiskNotice(folder: string, freeBytes: number, keepFreeBytes: number): DiskNotice {
  return {
    kind: 'low',
    dataDir: folder,
    freeBytes,
    neededBytes: keepFreeBytes,
    message:
      `Only ${formatBytes(freeBytes)} is free on the disk holding ${folder}, and Ferry starts nothing with ` +
      `less than ${formatBytes(keepFreeBytes)} free (the minFreeDiskBytes setting), so the videos wait in the queue. ` +
      `Free some space on that disk, move the library to a larger one (ferry settings library <path>), ` +
      `or lower the limit (ferry settings minFreeDiskBytes 500MiB); the queue goes on by itself once there is room.`,
  };
}
