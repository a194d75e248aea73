/**
 * A write that failed on a full disk (a download's bytes, ffmpeg's segments, the publish, the
 * database) pauses the queue with a notice that says where, how much and what to do, and the
 * video goes back to wait at its stage, keeping its place and its bytes: retrying would only fill
 * the disk again, and failing the video would lose its place for no fault of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Stage } from '../../../shared/video';
import type { EngineContext } from '../context/engine-context';
import { originalsFolder } from '../data-paths';
import type { DownloadState } from '../sources/download-state';
import type { ClaimRef } from '../stages/apply-outcome';
import type { StageOutcome } from '../stages/stage-outcome';
import { freeBytesNow } from '../store/database-disk-full';
import { releaseDiskReserve } from '../store/disk-reserve';
import { bytesStillToWrite, fullDiskNotice, isDiskFullError, isDiskFullOutcome } from './disk-full';

/** Where the stage writes: outputs go to the library, which may be on another disk than the data directory. */
const folderOf = (context: EngineContext, stage: Stage | undefined) =>
  stage === 'transcode' ? context.paths.library : context.paths.dataDir;

/**
 * What the work still writes. A download knows best from its own state on disk (the size the
 * origin gave, the bytes the `.part` file holds), which the database may not have had room for.
 */
function workBytesLeft(context: EngineContext, uid: string, stage: Stage, size: number, pct: number): number {
  if (stage !== 'fetch') return bytesStillToWrite(stage, size, pct);
  const dir = originalsFolder(context.paths, uid);
  const stateFile = fs.existsSync(dir) ? fs.readdirSync(dir).find((name) => name.endsWith('.part.json')) : undefined;
  if (!stateFile) return bytesStillToWrite(stage, size, pct);
  const state = JSON.parse(fs.readFileSync(path.join(dir, stateFile), 'utf8')) as Partial<DownloadState>;
  const part = path.join(dir, stateFile.slice(0, -'.json'.length));
  // Allocated blocks, not the length: the part file is as long as the video from the start.
  const onDisk = fs.existsSync(part) ? fs.statSync(part).blocks * 512 : 0;
  return typeof state.size === 'number' && state.size > 0
    ? Math.max(0, state.size - onDisk)
    : bytesStillToWrite(stage, size, pct);
}

/** Pauses the queue for a full disk met at `claim` (or by the queue's own bookkeeping, without one). */
export function pauseForFullDisk(context: EngineContext, claim: Pick<ClaimRef, 'uid' | 'stage'> | undefined): void {
  const folder = folderOf(context, claim?.stage);
  const freeBytes = freeBytesNow(folder);
  // Room for what follows: the pause, and the video handed back to its stage.
  releaseDiskReserve(context.paths.dataDir);
  // The first write to fail says best what filled the disk; the bookkeeping failing after it adds nothing.
  if (context.control.switches().disk?.kind === 'full') return;
  const video = claim ? context.store.get(claim.uid) : undefined;
  const notice = fullDiskNotice({
    folder,
    freeBytes,
    workBytes:
      claim && video ? workBytesLeft(context, claim.uid, claim.stage, video.size, video.status.pctComplete) : 0,
    keepFreeBytes: context.settings.get().minFreeDiskBytes,
    ...(claim && video ? { stage: claim.stage, videoName: video.meta.name ?? video.uid } : {}),
  });
  context.control.pauseForFullDisk(notice, isDiskFullError);
  context.feed.touchTotals();
}

/**
 * The outcome to commit for what a stage answered: a full disk becomes a pause of the queue and
 * the video handed back to its stage; any other outcome is committed as it is.
 */
export function holdOnFullDisk(context: EngineContext, claim: ClaimRef, outcome: StageOutcome): StageOutcome {
  if (!isDiskFullOutcome(outcome)) return outcome;
  pauseForFullDisk(context, claim);
  return { kind: 'interrupted', reason: 'disk-full' };
}
