/**
 * A read-only connection to a data directory's database (WAL lets it read while the engine
 * writes), answering the read commands. It never migrates or writes: the engine's process owns
 * the database.
 */
import Database from 'better-sqlite3';
import type { DataPaths } from './data-paths';
import { readCommands, type ReadCommands } from './read-commands';
import { VideoStore } from './store/video-store';

export interface VideoReader {
  commands: ReadCommands;
  close(): void;
}

export function openVideoReader(paths: DataPaths): VideoReader {
  const db = new Database(paths.database, { readonly: true, fileMustExist: true });
  // A read that meets a checkpoint waits for it instead of failing.
  db.pragma('busy_timeout = 5000');
  return { commands: readCommands(new VideoStore(db, 'reader'), paths.dataDir), close: () => db.close() };
}
