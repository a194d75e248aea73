/** Where the library is, the room left on its volume, and the move under way (this process's, or one left in the journal). */
import type { LibraryStatus } from '../../../shared/api';
import type { EngineContext } from '../context/engine-context';
import { nearestExisting } from '../housekeeping/library-move/check-move-target';
import { readMoveJournal } from '../housekeeping/library-move/move-journal';
import { freeDiskBytes } from '../housekeeping/run-housekeeping';
import type { MoveProgress } from './move-library';

export async function libraryStatus(context: EngineContext, progress: MoveProgress): Promise<LibraryStatus> {
  const library = context.paths.library;
  const journal = progress.current ? undefined : readMoveJournal(context.paths);
  return {
    library,
    // A library not made yet (no video finished) is measured where it will be.
    freeBytes: await freeDiskBytes(await nearestExisting(library)),
    move: progress.current
      ? { ...progress.current }
      : journal
        ? { to: journal.to, phase: 'unfinished', bytesDone: 0, bytesTotal: 0 }
        : null,
  };
}
