/**
 * Opens (creating if needed) Ferry's SQLite file, sets it up for a durable queue and migrates it:
 * checked first (a damaged file is reported with a copy kept, check-integrity.ts), and backed up
 * before a migration changes it (backup-before-migration.ts).
 */
import Database from 'better-sqlite3';
import { backupBeforeMigration } from './backup-before-migration';
import { checkIntegrity, damagedOnOpen } from './check-integrity';
import { databaseDiskFullOr } from './database-disk-full';
import { currentSchemaVersion, latestSchemaVersion, migrate } from './migrations';
import { makeOwnerOnly } from './owner-only';

export interface OpenDatabase {
  db: Database.Database;
  path: string;
  schemaVersion: number;
}

export function openDatabase(dbPath: string): OpenDatabase {
  makeOwnerOnly(dbPath);
  let db: Database.Database;
  try {
    db = new Database(dbPath);
  } catch (error) {
    throw damagedOnOpen(dbPath, databaseDiskFullOr(dbPath, error));
  }
  try {
    // Before anything writes to it: a damaged file is copied as it was found.
    checkIntegrity(db, dbPath);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: every commit survives Ferry being killed or crashing, and the file is never
    // corrupted. A power cut can lose the commits since the last checkpoint (the runner makes one
    // every 2 s; imports are flushed at once); those videos redo their last step, as outputs are
    // flushed and published before the commit that says so. FULL costs an fsync per commit, which
    // made queue bookkeeping, not downloads, the limit on thousands of small links.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const found = currentSchemaVersion(db);
    if (found > 0 && found < latestSchemaVersion) backupBeforeMigration(db, dbPath, found);
    const schemaVersion = migrate(db, dbPath);
    return { db, path: dbPath, schemaVersion };
  } catch (error) {
    db.close();
    throw databaseDiskFullOr(dbPath, error);
  }
}
