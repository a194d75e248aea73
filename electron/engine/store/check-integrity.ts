/**
 * A damaged ferry.db is found at start, before anything writes to it: SQLite's quick_check (every
 * page and index entry's structure, without the cross-checks of integrity_check that cost as much
 * again). A copy of the file as found (with its WAL) is kept beside it before anything else, and
 * the error says what to do, so that whatever the user tries next starts from what was there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export class DamagedDatabaseError extends Error {
  constructor(
    readonly dbPath: string,
    readonly copyPath: string,
    problems: readonly string[],
  ) {
    const dir = path.dirname(dbPath);
    const copy = path.basename(copyPath);
    super(
      `${dbPath} is damaged (SQLite's check found: ${problems.slice(0, 3).join('; ')}). ` +
        `A copy of it as found is kept in ${dir} as ${copy}. To go on, stop Ferry, then either ` +
        `copy back the newest ferry.db.backup-v* in that folder (taken before the last upgrade) over ferry.db, ` +
        `or keep what can still be read: sqlite3 ${copy} .recover | sqlite3 ferry.db (after moving the damaged ` +
        `ferry.db, ferry.db-wal and ferry.db-shm aside). Or start afresh with another data directory (--data-dir).`,
    );
    this.name = 'DamagedDatabaseError';
  }
}

/** Errors SQLite gives for a file that is not a sound database. */
const damagedCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX']);

export function isDamageError(error: unknown): boolean {
  return damagedCodes.has(String((error as { code?: unknown }).code));
}

/** `ferry.db.corrupt-2026-12-08T03-07-00Z`: when it was found, in a name every file system takes. */
export function corruptCopyPath(dbPath: string, now = new Date()): string {
  return `${dbPath}.corrupt-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}`;
}

/** Copies the database and its WAL as they are, owner-only. */
function keepCopy(dbPath: string, copyPath: string): void {
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(dbPath + suffix)) fs.copyFileSync(dbPath + suffix, copyPath + suffix);
    if (fs.existsSync(copyPath + suffix)) fs.chmodSync(copyPath + suffix, 0o600);
  }
}

/** The problems quick_check names, or the error reading the file raised; none for a sound database. */
function findProblems(db: Database.Database): string[] {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    return problems;
  } catch (error) {
    if (!isDamageError(error)) throw error;
    return [(error as Error).message];
  }
}

/** Throws a DamagedDatabaseError, having kept a copy, when the database fails its check. */
export function checkIntegrity(db: Database.Database, dbPath: string): void {
  const problems = findProblems(db);
  if (problems.length === 0) return;
  const copyPath = corruptCopyPath(dbPath);
  keepCopy(dbPath, copyPath);
  throw new DamagedDatabaseError(dbPath, copyPath, problems);
}

/** The same error for a file SQLite refused outright (not a database at all, a damaged header). */
export function damagedOnOpen(dbPath: string, error: unknown): Error {
  if (!isDamageError(error)) return error instanceof Error ? error : new Error(String(error));
  const copyPath = corruptCopyPath(dbPath);
  keepCopy(dbPath, copyPath);
  return new DamagedDatabaseError(dbPath, copyPath, [(error as Error).message]);
}
