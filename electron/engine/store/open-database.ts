/** Opens (creating if needed) Ferry's SQLite file, sets it up for a durable queue and migrates it. */
import Database from 'better-sqlite3';
import { migrate } from './migrations';
import { makeOwnerOnly } from './owner-only';

export interface OpenDatabase {
  db: Database.Database;
  path: string;
  schemaVersion: number;
}

export function openDatabase(dbPath: string): OpenDatabase {
  makeOwnerOnly(dbPath);
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: every commit survives Ferry being killed or crashing, and the file is never
    // corrupted. A power cut can lose the commits since the last checkpoint (the runner makes one
    // every 2 s; imports are flushed at once); those videos redo their last step, as outputs are
    // flushed and published before the commit that says so. FULL costs an fsync per commit, which
    // made queue bookkeeping, not downloads, the limit on thousands of small links.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const schemaVersion = migrate(db, dbPath);
    return { db, path: dbPath, schemaVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}
