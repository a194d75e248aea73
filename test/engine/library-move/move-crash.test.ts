/**
 * A library move killed (SIGKILL, in a `ferry settings library` process of its own) at each of
 * its steps, then the data directory opened again: the next run finishes or rolls the move back,
 * and the library in use is whole, byte for byte, with the database's paths pointing into it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moveCrashPoints } from '../../../electron/engine/housekeeping/library-move/crash-point';
import { ferry } from '../../cli/ferry-process';
import { expectWholeLibrary, makeLibraryFixture, type LibraryFixture } from './library-fixture';

const base = fs.mkdtempSync('/tmp/ferry-move-crash-');
let fixture: LibraryFixture;

beforeAll(async () => {
  fixture = await makeLibraryFixture(base);
  return () => fs.rmSync(base, { recursive: true, force: true });
}, 120_000);

/** Where each crash leaves the library in use: the pointer's rename is the switch. */
const switched: Record<(typeof moveCrashPoints)[number], boolean> = {
  'before-copy': false,
  'mid-copy': false,
  'after-verify': false,
  'mid-switch': false,
  'after-switch': true,
  'mid-removal': true,
};

describe('a library move killed part-way', () => {
  it.each(moveCrashPoints)(
    'killed at %s: the next run leaves one library whole and in use',
    async (point) => {
      fixture.restore();
      const old = path.join(fixture.dataDir, 'library');
      const to = path.join(base, `moved-${point}`);
      const run = await ferry(['settings', 'library', to], {
        FERRY_DATA_DIR: fixture.dataDir,
        FERRY_TEST_MOVE_CRASH_AT: point,
      });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      if (switched[point]) await expectWholeLibrary(fixture, to, old);
      else await expectWholeLibrary(fixture, old, to);
    },
    60_000,
  );

  it('not killed: moves, and moves back', async () => {
    fixture.restore();
    const old = path.join(fixture.dataDir, 'library');
    const to = path.join(base, 'moved-whole');
    const run = await ferry(['settings', 'library', to], { FERRY_DATA_DIR: fixture.dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`library = ${to} (moved from ${old})`);
    await expectWholeLibrary(fixture, to, old);
    const back = await ferry(['settings', 'library', old], { FERRY_DATA_DIR: fixture.dataDir });
    expect(back.code, back.stderr).toBe(0);
    await expectWholeLibrary(fixture, old, to);
  }, 60_000);
});
