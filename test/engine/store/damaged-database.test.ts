/**
 * A ferry.db damaged on disk (bytes of a real database's pages overwritten, as a failing disk or
 * a copy cut short leaves it) is refused at start with what to do, and a copy as found is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedDatabaseError } from '../../../electron/engine/store/check-integrity';
import { openDatabase } from '../../../electron/engine/store/open-database';
import { runFerry } from '../../cli/ferry-in-process';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

const pageSize = 4096;

/** A real database of a few hundred videos, closed (its WAL folded in). */
function realDatabase(): { dir: string; file: string } {
  const dir = tempDir();
  const opened = openStore(dir);
  opened.store.insertMany(newLinks(400));
  opened.close();
  return { dir, file: path.join(dir, 'ferry.db') };
}

/** Overwrites the middle of every page from `first` on, leaving the file's header (page 1) sound. */
function damagePages(file: string, first: number): void {
  const bytes = fs.readFileSync(file);
  for (let page = first; page * pageSize < bytes.length; page++) {
    bytes.fill(0xa5, page * pageSize, page * pageSize + 64);
  }
  fs.writeFileSync(file, bytes);
}

const copiesOf = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith('ferry.db.corrupt-'));

describe('a damaged database', () => {
  it('is refused at start with what to do, and a copy of it as found is kept first', () => {
    const { dir, file } = realDatabase();
    damagePages(file, 3);
    const damaged = fs.readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file).db.close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DamagedDatabaseError);
    const message = (error as Error).message;
    expect(message).toContain(`${file} is damaged`);
    expect(message).toMatch(/copy back the newest ferry\.db\.backup-v\*/);
    expect(message).toContain('.recover');

    const [copy] = copiesOf(dir);
    expect(copy).toMatch(/^ferry\.db\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(message).toContain(copy);
    expect(fs.readFileSync(path.join(dir, copy!)).equals(damaged)).toBe(true);
    // The damaged file itself is left as it was, for whatever the user tries.
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it('whose header is gone (not a database at all) is refused the same way', () => {
    const { dir, file } = realDatabase();
    const bytes = fs.readFileSync(file);
    bytes.fill(0, 0, 100);
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(DamagedDatabaseError);
    expect(copiesOf(dir)).toHaveLength(1);
  });

  it('makes ferry exit 1 with the reason, naming the copy', async () => {
    const { dir, file } = realDatabase();
    damagePages(file, 3);
    const listed = await runFerry(['list', '--data-dir', dir]);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toMatch(/^ferry: .*ferry\.db is damaged .*kept in .* as ferry\.db\.corrupt-/m);
  });

  it('a sound database opens without a copy', () => {
    const { dir, file } = realDatabase();
    openDatabase(file).db.close();
    expect(copiesOf(dir)).toEqual([]);
  });
});
