/**
 * The data directory is its owner's alone on POSIX: the folder 0700, and ferry.db with its -wal
 * and -shm, the credentials file and the server's secrets 0600, since they hold the queue's
 * links, webhook secret and tokens. Created so, and tightened at open when an older Ferry (or a
 * umask) left them readable by others. Windows keeps its ACLs: a user's profile is private there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dataPaths, secretFiles } from '../data-paths';

const posix = process.platform !== 'win32';

/** Tightens a file or folder this user owns to `mode` when others could read it. */
function tighten(file: string, mode: number): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  // Never another user's folder, nor a shared one such as /tmp (sticky): only what is Ferry's own.
  if (stat.uid !== process.getuid?.() || (stat.mode & 0o1000) !== 0) return;
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, mode);
}

/**
 * Creates the data directory (0700) and an empty ferry.db (0600) when missing, so that SQLite,
 * which gives its -wal and -shm the database file's mode, never makes a readable one; tightens
 * what an older Ferry left readable.
 */
export function makeOwnerOnly(database: string): void {
  const dir = path.dirname(database);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!posix) return;
  tighten(dir, 0o700);
  // `a`: creates the file when missing and leaves an existing one as it is. An empty file is an empty database.
  fs.closeSync(fs.openSync(database, 'a', 0o600));
  for (const file of [database, `${database}-wal`, `${database}-shm`]) tighten(file, 0o600);
  for (const file of secretFiles(dataPaths(dir))) tighten(file, 0o600);
}
