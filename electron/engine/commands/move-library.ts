/**
 * Moves the library (docs/architecture.md, "Data directory"): the queue is paused and running
 * work stopped, in this process or any other, so nothing writes into the library meanwhile;
 * every entry is copied to the new folder, flushed and read back against its source's size and
 * SHA-256; then one durable write (the pointer, library.json) switches every process to it; the
 * database's paths follow and the old copies are removed. The journal written first lets a
 * restart finish or roll back a move cut short (housekeeping/library-move/recover-library-move.ts).
 * Stopped work starts again once the queue resumes and publishes into the new library.
 */
import path from 'node:path';
import type { LibraryMove } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import type { EngineContext } from '../context/engine-context';
import { checkMoveTarget } from '../housekeeping/library-move/check-move-target';
import { copyLibrary, firstBadCopy } from '../housekeeping/library-move/copy-library';
import { crashPoint } from '../housekeeping/library-move/crash-point';
import { flushFolders, replaceFile } from '../housekeeping/library-move/durable-files';
import { completeMove, rollBackMove } from '../housekeeping/library-move/end-library-move';
import { listLibraryFiles } from '../housekeeping/library-move/library-files';
import { writeMoveJournal, type MoveJournal } from '../housekeeping/library-move/move-journal';
import { recoverLibraryMove } from '../housekeeping/library-move/recover-library-move';
import { newLeaseOwner } from '../store/lease-owner';
import { interruptRunning } from '../run/stop-work';

/** How long the move waits for another process's work to stop (its runner looks every second). */
const stopTries = 600;
const stopTryMs = 100;

/** The move this process is making, for libraryStatus and its progress. */
export interface MoveProgress {
  current: LibraryMove | null;
}

async function untilNoClaims(context: EngineContext): Promise<void> {
  for (let i = 0; i < stopTries && context.libraryPaths.claimedCount() > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, stopTryMs));
  }
  if (context.libraryPaths.claimedCount() > 0)
    throw new FerryError(
      'BUSY',
      'Cannot move the library: work in another process did not stop within a minute. Try again.',
    );
}

/** What the user is told when a step before the switch failed: the old library stays, whole. */
function failedBeforeSwitch(error: unknown, journal: MoveJournal): FerryError {
  if (error instanceof FerryError) return error;
  const cause = error as NodeJS.ErrnoException;
  const stays = `The library stays at ${journal.from}; the copies were removed.`;
  if (cause.code === 'ENOSPC')
    return new FerryError(
      'INVALID_INPUT',
      `Cannot move the library: ${journal.to} filled up while copying. ${stays} Free space there or choose another volume.`,
    );
  return new FerryError('INTERNAL', `Moving the library failed: ${cause.message}. ${stays}`);
}

export async function moveLibrary(context: EngineContext, to: string, progress: MoveProgress): Promise<void> {
  const self = newLeaseOwner();
  if (progress.current || (await recoverLibraryMove(context, self)) === 'running')
    throw new FerryError('BUSY', 'The library is being moved already: wait for that move to end.');
  const from = context.paths.library;
  const before = await listLibraryFiles(from);
  const target = await checkMoveTarget(from, to, before.bytes);
  const journal: MoveJournal = {
    from,
    to: path.resolve(to),
    owner: self,
    resumeQueue: !context.control.switches().paused,
    madeTarget: target.kind === 'absent',
    startedAt: new Date().toISOString(),
  };
  const move: LibraryMove = { to: journal.to, phase: 'stopping-work', bytesDone: 0, bytesTotal: before.bytes * 2 };
  progress.current = move;
  try {
    await writeMoveJournal(context.paths, journal);
    await copyVerifyAndSwitch(context, journal, move).catch(async (error: unknown) => {
      // Only the pointer's rename says which library is in use: before it, the old one stays.
      if (context.paths.library === journal.to) return;
      await rollBackMove(context, journal);
      throw failedBeforeSwitch(error, journal);
    });
    move.phase = 'removing';
    await completeMove(context, journal).catch((error: unknown) => {
      throw new FerryError(
        'INTERNAL',
        `The library is now at ${journal.to}, but removing the old copies failed: ${(error as Error).message}. Ferry tries again at its next start.`,
      );
    });
  } finally {
    progress.current = null;
  }
}

async function copyVerifyAndSwitch(context: EngineContext, journal: MoveJournal, move: LibraryMove): Promise<void> {
  context.control.setSwitches({ paused: true, stopAfterCurrent: false });
  await interruptRunning(context, 'queue-paused');
  context.feed.touchTotals();
  await untilNoClaims(context);
  crashPoint(context.env, 'before-copy');
  // Listed again now that nothing writes: what the stopped work published meanwhile comes too.
  const listed = await listLibraryFiles(journal.from);
  move.bytesTotal = listed.bytes * 2;
  move.phase = 'copying';
  const onBytes = (bytes: number) => (move.bytesDone += bytes);
  const copied = await copyLibrary(journal.from, journal.to, listed, {
    onBytes,
    afterFirstFile: () => crashPoint(context.env, 'mid-copy'),
  });
  await flushFolders(journal.to, listed.folders);
  move.phase = 'verifying';
  const bad = await firstBadCopy(journal.to, copied, onBytes);
  if (bad)
    throw new FerryError(
      'INTERNAL',
      `Moving the library failed: the copy of ${bad} differs from the original. The library stays at ${journal.from}; the copies were removed.`,
    );
  crashPoint(context.env, 'after-verify');
  move.phase = 'switching';
  await replaceFile(context.paths.libraryPointer, JSON.stringify({ library: journal.to }), () =>
    crashPoint(context.env, 'mid-switch'),
  );
  crashPoint(context.env, 'after-switch');
}
