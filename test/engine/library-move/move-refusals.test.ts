/**
 * Targets a library move refuses before it copies anything (through `ferry settings library`),
 * and a target volume that fills up while copying: each leaves the library where it was, whole.
 * The volumes are real tmpfs mounts (root only, as CI runs: test/helpers/small-volume.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { dataPaths } from '../../../electron/engine/data-paths';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { runFerry } from '../../cli/ferry-in-process';
import { mountSmallVolume } from '../../helpers/small-volume';
import { until } from '../../helpers/wait-for';
import { expectWholeLibrary, makeLibraryFixture, type LibraryFixture } from './library-fixture';

const base = fs.mkdtempSync('/tmp/ferry-move-refusals-');
let fixture: LibraryFixture;
let old: string;

beforeAll(async () => {
  fixture = await makeLibraryFixture(base, 1);
  old = path.join(fixture.dataDir, 'library');
  return () => fs.rmSync(base, { recursive: true, force: true });
}, 120_000);

const move = (to: string) => runFerry(['settings', 'library', to], { FERRY_DATA_DIR: fixture.dataDir });

describe('a library move refused before it starts', () => {
  it.each([
    [
      'not empty',
      () => fs.mkdtempSync(path.join(base, 'full-')),
      /is not empty \(1 entries\): choose an empty or new folder/,
    ],
    [
      'inside the library',
      () => path.join(old, 'inner'),
      /is inside the current library .*: choose a folder outside it/,
    ],
    ['a relative path', () => 'elsewhere/library', /is not an absolute path/],
    ['a file', () => path.join(base, 'snapshot', 'ferry.db'), /is a file, not a folder/],
    [
      'a link in the library',
      () => {
        fs.symlinkSync('/etc/hostname', path.join(old, 'link'));
        return path.join(base, 'never-made');
      },
      /library\/link is neither a file nor a folder \(a link\?\): move or delete it/,
    ],
  ])('%s', async (_case, target, message) => {
    fixture.restore();
    const to = target();
    if (to.includes('full-')) fs.writeFileSync(path.join(to, 'theirs.txt'), 'kept');
    const run = await move(to);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    await expectWholeLibrary(fixture, old, path.join(base, 'never-made'));
    if (to.includes('full-')) expect(fs.readFileSync(path.join(to, 'theirs.txt'), 'utf8')).toBe('kept');
  });

  it('a read-only volume', async () => {
    const volume = mountSmallVolume(1, ',ro').dir;
    fixture.restore();
    const run = await move(path.join(volume, 'library'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be written \(EROFS\): choose a folder you may write to/);
    await expectWholeLibrary(fixture, old, path.join(volume, 'library'));
  });

  it('a volume without room for the library, checked before copying', async () => {
    const small = mountSmallVolume(32);
    const volume = small.dir;
    fixture.restore();
    small.fill(1024 * 1024);
    const run = await move(path.join(volume, 'library'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /is on a volume with 1(\.0)? MiB free, and the library needs 16(\.\d)? MiB: free some space/,
    );
    expect(fs.existsSync(path.join(volume, 'library'))).toBe(false);
    await expectWholeLibrary(fixture, old, path.join(volume, 'library'));
  });
});

describe('a target volume that fills up while copying', () => {
  it('is rolled back: the old library stays in use, the copies are removed', async () => {
    const volume = mountSmallVolume(32);
    fixture.restore();
    const to = path.join(volume.dir, 'library');
    // Work another live process holds (our parent, by its pid): the move waits for it to stop, and the volume fills meanwhile.
    const db = new Database(dataPaths(fixture.dataDir).database);
    const claim = db.prepare('UPDATE videos SET lease_owner = ?');
    claim.run(`${os.hostname()}:${process.ppid}:elsewhere`);
    const engine = createEngine({ dataDir: fixture.dataDir, credentials: new FileVault(fixture.dataDir) });
    try {
      const moving = engine.moveLibrary({ to }).then(
        () => new Error('the move succeeded'),
        (error: Error) => error,
      );
      await until(async () => (await engine.libraryStatus()).move?.phase === 'stopping-work', 10_000);
      volume.fill(0);
      claim.run(null);
      const error = await moving;
      expect(error.message).toMatch(/filled up while copying\. The library stays at .*; the copies were removed/);
      expect((await engine.libraryStatus()).move).toBeNull();
    } finally {
      engine.close();
      db.close();
    }
    expect(fs.existsSync(to)).toBe(false);
    await expectWholeLibrary(fixture, old, to);
  });
});
