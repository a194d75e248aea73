/** Opens (creating if needed) Ferry's SQLite file, sets it up for a durable queue and migrates it. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export interface OpenDatabase {
  db: Database.Database;
  path: string;
  schemaVersion: number;
}

export function openDatabase(dbPath: string): OpenDatabase {
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a finished step survives a power cut too; jobs arrive per minute, so the fsync costs nothing that matters.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const schemaVersion = migrate(db, dbPath);
    return { db, path: dbPath, schemaVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}
