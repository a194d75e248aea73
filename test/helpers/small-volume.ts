/**
 * A real small volume for full-disk tests: a tmpfs of a few MiB mounted on a fresh folder (root
 * only, as CI runs), filled with a filler file to leave exactly as much room as a test wants.
 * Unmounted after the test. Where mounting is not permitted the test fails, saying why and how
 * to run it: a full disk is what these tests are for, and a skipped one proves nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from './temp-dir';

export interface SmallVolume {
  dir: string;
  /** Free bytes now (as Ferry reads them). */
  free(): number;
  /** Writes a filler file (more each call) until at most `leaveBytes` are free. */
  fill(leaveBytes: number): void;
  /** Removes the filler: the room a user makes by deleting files. */
  freeUp(): void;
}

const mounted: string[] = [];

/** Mounts a tmpfs of `megabytes` (`,ro` in `options` for a read-only one). */
export function mountSmallVolume(megabytes: number, options = ''): SmallVolume {
  const dir = tempDir('ferry-volume-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m${options}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(
      `cannot mount a ${megabytes} MiB tmpfs (${stderr || (error as Error).message}): the full-disk tests need root, as CI runs them`,
    );
  }
  mounted.push(dir);
  const filler = path.join(dir, 'filler.bin');
  const free = () => {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  };
  return {
    dir,
    free,
    fill(leaveBytes) {
      const chunk = Buffer.alloc(64 * 1024, 7);
      const fd = fs.openSync(filler, 'a');
      try {
        // Bounded by the volume's size: each pass takes at least one page of the room.
        for (let room = free() - leaveBytes; room > 0; room = free() - leaveBytes) {
          fs.writeSync(fd, chunk, 0, Math.min(chunk.length, Math.max(room, 1)));
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    freeUp() {
      fs.rmSync(filler, { force: true });
    },
  };
}

afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir]);
});
