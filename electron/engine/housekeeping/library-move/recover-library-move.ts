/**
 * A move left by a process that died (kill -9, a power cut) is ended at the next start, by
 * whichever process works the queue or moves the library next: completed when the pointer
 * already names the new library, rolled back otherwise. A move whose process still runs is left to it.
 */
import type { EngineContext } from '../../context/engine-context';
import { isOwnerAlive } from '../../store/lease-owner';
import { completeMove, rollBackMove } from './end-library-move';
import { readMoveJournal } from './move-journal';

export type MoveRecovery = 'none' | 'running' | 'completed' | 'rolled-back';

export async function recoverLibraryMove(context: EngineContext, self: string): Promise<MoveRecovery> {
  const journal = readMoveJournal(context.paths);
  if (!journal) return 'none';
  if (journal.owner !== self && isOwnerAlive(journal.owner, self)) return 'running';
  if (context.paths.library === journal.to) {
    await completeMove(context, journal);
    return 'completed';
  }
  await rollBackMove(context, journal);
  return 'rolled-back';
}
