/**
 * Before a migration changes ferry.db, a copy of it as it was: `ferry.db.backup-v<N>`, N the
 * schema version it had, made with VACUUM INTO (a consistent snapshot through SQLite itself, WAL
 * included, while the file is open). Only the few newest are kept: each is as large as the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** How many backups stay: enough to step back over the last upgrades, not a growing pile. */
export const backupsKept = 3;

export const backupPath = (dbPath: string, version: number) => `${dbPath}.backup-v${version}`;

const backupName = /^(.+)\.backup-v(\d+)$/;

/** The backups beside the database, newest schema first. */
export function listBackups(dbPath: string): { file: string; version: number }[] {
  const base = path.basename(dbPath);
  return fs
    .readdirSync(path.dirname(dbPath))
    .map((name) => ({ name, match: backupName.exec(name) }))
    .filter(({ match }) => match?.[1] === base)
    .map(({ name, match }) => ({ file: path.join(path.dirname(dbPath), name), version: Number(match?.[2]) }))
    .sort((a, b) => b.version - a.version);
}

/** Backs the database up as version `version`, then prunes all but the newest few. */
export function backupBeforeMigration(db: Database.Database, dbPath: string, version: number): string {
  const target = backupPath(dbPath, version);
  const partial = `${target}.${process.pid}.partial`;
  // VACUUM INTO refuses an existing file: one left by a crash mid-backup goes first.
  fs.rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
  for (const old of listBackups(dbPath).slice(backupsKept)) fs.rmSync(old.file, { force: true });
  return target;
}

/** A column a secret was kept in by an older Ferry, and the rows of it to empty. */
export interface SecretColumn {
  table: string;
  column: string;
  /** Which rows still hold the secret (SQL over the table), all of them when absent. */
  where?: string;
}

/**
 * Empties, in every backup, the secrets just moved out of the database itself (credentials and
 * request headers an older Ferry kept in clear), then rewrites the backup so no free page keeps
 * them: a backup must not hold a secret the database no longer does. The backup stays usable;
 * an older Ferry opened on it asks for those credentials again.
 */
export function scrubBackups(dbPath: string, columns: readonly SecretColumn[]): void {
  for (const { file } of listBackups(dbPath)) {
    const backup = new Database(file);
    try {
      for (const { table, column, where } of columns) {
        const has = backup.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column);
        // A backup from before the column existed never held it.
        if (has) backup.exec(`UPDATE ${table} SET ${column} = NULL${where ? ` WHERE ${where}` : ''}`);
      }
      backup.exec('VACUUM');
    } finally {
      backup.close();
    }
  }
}
