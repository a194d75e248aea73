/**
 * A library move under way, written before anything is copied and removed once the move is
 * over, so that a restart after a crash knows which move to finish or roll back
 * (recover-library-move.ts). A file beside the database, like the pointer it leads to.
 */
import fs from 'node:fs';
import { FerryError } from '../../../../shared/ferry-error';
import type { DataPaths } from '../../data-paths';
import { removeFile, replaceFile } from './durable-files';

export interface MoveJournal {
  /** The library in use when the move started. */
  from: string;
  /** The new library folder. */
  to: string;
  /** The process moving it (store/lease-owner.ts): a live one is left to finish. */
  owner: string;
  /** The queue was running, and is resumed once the move is over (it was paused for the move). */
  resumeQueue: boolean;
  /** The target folder was made by the move, so a rollback removes it again. */
  madeTarget: boolean;
  startedAt: string;
}

export function readMoveJournal(paths: DataPaths): MoveJournal | undefined {
  let text: string;
  try {
    text = fs.readFileSync(paths.libraryMoveJournal, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as MoveJournal;
}

export const writeMoveJournal = (paths: DataPaths, journal: MoveJournal) =>
  replaceFile(paths.libraryMoveJournal, JSON.stringify(journal, null, 2));

export const removeMoveJournal = (paths: DataPaths) => removeFile(paths.libraryMoveJournal);

/** The queue stays paused while the library moves: resuming it is refused until the move ends. */
export function refuseWhileMoving(paths: DataPaths): void {
  const journal = readMoveJournal(paths);
  if (journal)
    throw new FerryError(
      'BUSY',
      `The library is moving to ${journal.to}: the queue resumes by itself when the move is done.`,
    );
}
