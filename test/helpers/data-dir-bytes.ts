import fs from 'node:fs';
import path from 'node:path';

/** Every file of a data directory (ferry.db, its -wal and -shm while they exist, …), as text, to look for a secret in. */
export function dataDirBytes(dataDir: string): string {
  return fs
    .readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}
