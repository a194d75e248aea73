/**
 * The two ways a library move ends, each safe to run again after a crash part-way: completing
 * it once the pointer names the new library (the database's paths moved, the old copies
 * removed), or rolling it back while the pointer still names the old one (the copies removed).
 * Either way the journal goes last, and the queue resumes if the move paused it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EngineContext } from '../../context/engine-context';
import { crashPoint } from './crash-point';
import { isWorkInProgress } from './library-files';
import { removeMoveJournal, type MoveJournal } from './move-journal';

async function entriesOf(folder: string): Promise<string[]> {
  return fs.readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

/** Removes `folder` if nothing is left in it (what the user keeps there stays, and so does it). */
async function removeIfEmpty(folder: string): Promise<void> {
  await fs.rmdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT' && error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
}

async function endJournal(context: EngineContext, journal: MoveJournal): Promise<void> {
  // A pointer written but never renamed (a crash mid-switch) switched nothing: it goes too.
  await fs.rm(`${context.paths.libraryPointer}.new`, { force: true });
  await removeMoveJournal(context.paths);
  if (journal.resumeQueue) context.control.setSwitches({ paused: false });
  context.feed.touchTotals();
}

/**
 * The pointer names `to`: the database's paths follow, then each entry of the old library that
 * the new one has is removed, and the old folders of work in progress with them.
 */
export async function completeMove(context: EngineContext, journal: MoveJournal): Promise<void> {
  context.libraryPaths.rewrite(journal.from, journal.to);
  const moved = new Set(await entriesOf(journal.to));
  let removed = 0;
  for (const entry of await entriesOf(journal.from)) {
    if (!moved.has(entry) && !isWorkInProgress(entry)) continue;
    await fs.rm(path.join(journal.from, entry), { recursive: true, force: true });
    if (++removed === 1) crashPoint(context.env, 'mid-removal');
  }
  await removeIfEmpty(journal.from);
  await endJournal(context, journal);
}

/** The pointer still names `from`: the copies made in `to` are removed (the folder too if the move made it). */
export async function rollBackMove(context: EngineContext, journal: MoveJournal): Promise<void> {
  const copied = new Set(await entriesOf(journal.from));
  for (const entry of await entriesOf(journal.to)) {
    if (copied.has(entry)) await fs.rm(path.join(journal.to, entry), { recursive: true, force: true });
  }
  if (journal.madeTarget) await removeIfEmpty(journal.to);
  await endJournal(context, journal);
}
