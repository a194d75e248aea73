/**
 * Targets a library move refuses before it copies anything (through `ferry settings library`),
 * and a target volume that fills up while copying: each leaves the library where it was, whole.
 * The volumes are real tmpfs mounts (root only; skipped, saying why, where mounting is not allowed).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { dataPaths } from '../../../electron/engine/data-paths';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { runFerry } from '../../cli/ferry-in-process';
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

const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) execFileSync('umount', ['-l', dir]);
});

/** A tmpfs of `megabytes` (`ro` for a read-only one), or why this machine does not allow one. */
function tmpfs(megabytes: number, options = ''): string | { refused: string } {
  const dir = fs.mkdtempSync(path.join(base, 'volume-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m${options}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return { refused: `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]}): run as root` };
  }
  mounts.push(dir);
  return dir;
}

/** Writes a filler file until at most `leave` bytes are free on the volume. */
function fill(volume: string, leave: number): void {
  const { bavail, bsize } = fs.statfsSync(volume);
  fs.writeFileSync(path.join(volume, 'filler.bin'), Buffer.alloc(Math.max(0, bavail * bsize - leave), 7));
}

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

  it('a read-only volume', async (context) => {
    const volume = tmpfs(1, ',ro');
    if (typeof volume !== 'string') return context.skip(volume.refused);
    fixture.restore();
    const run = await move(path.join(volume, 'library'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be written \(EROFS\): choose a folder you may write to/);
    await expectWholeLibrary(fixture, old, path.join(volume, 'library'));
  });

  it('a volume without room for the library, checked before copying', async (context) => {
    const volume = tmpfs(32);
    if (typeof volume !== 'string') return context.skip(volume.refused);
    fixture.restore();
    fill(volume, 1024 * 1024);
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
  it('is rolled back: the old library stays in use, the copies are removed', async (context) => {
    const volume = tmpfs(32);
    if (typeof volume !== 'string') return context.skip(volume.refused);
    fixture.restore();
    const to = path.join(volume, 'library');
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
      fill(volume, 0);
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
