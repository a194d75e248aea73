/** ferry.db is backed up beside itself before each migration, and only the newest few backups stay. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupsKept } from '../../../electron/engine/store/backup-before-migration';
import { migrate } from '../../../electron/engine/store/migrations';
import { openDatabase } from '../../../electron/engine/store/open-database';
import { tempDir } from '../../helpers/temp-dir';

const names = (dir: string) => fs.readdirSync(dir).sort();

describe('backups before migrations', () => {
  it('keeps the newest backups by schema version, removing older ones and nothing else', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ferry.db');
    const old = new Database(file);
    migrate(old, file, 5);
    old.close();
    // Left by earlier upgrades.
    for (const version of [1, 2, 3, 4]) fs.copyFileSync(file, `${file}.backup-v${version}`);
    fs.writeFileSync(path.join(dir, 'ferry.db.corrupt-2025-01-01T00-00-00Z'), 'kept');
    fs.writeFileSync(path.join(dir, 'other.db.backup-v1'), 'not ours');

    openDatabase(file).db.close();
    expect(backupsKept).toBe(3);
    expect(names(dir).filter((n) => n.includes('.backup-v'))).toEqual([
      'ferry.db.backup-v3',
      'ferry.db.backup-v4',
      'ferry.db.backup-v5',
      'other.db.backup-v1',
    ]);
    expect(names(dir)).toContain('ferry.db.corrupt-2025-01-01T00-00-00Z');
  });

  it('makes none when there is nothing to migrate: a new database, or one already up to date', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ferry.db');
    openDatabase(file).db.close();
    openDatabase(file).db.close();
    expect(names(dir).filter((n) => n.includes('backup'))).toEqual([]);
  });
});
