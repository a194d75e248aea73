/** Telling a full disk from other failures, and the words that say what to do about it. */
import { describe, expect, it } from 'vitest';
import {
  bytesStillToWrite,
  fullDiskNotice,
  isDiskFullError,
  isDiskFullOutcome,
  lowDiskNotice,
} from '../../../electron/engine/run/disk-full';
import type { StageOutcome } from '../../../electron/engine/stages/stage-outcome';

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('full disk', () => {
  it.each([
    [coded('ENOSPC: no space left on device, write', 'ENOSPC'), true],
    [coded('database or disk is full', 'SQLITE_FULL'), true],
    [new Error('Transcoding failed: ENOSPC: no space left on device, rename'), true],
    [coded('EACCES: permission denied', 'EACCES'), false],
    [coded('database is locked', 'SQLITE_BUSY'), false],
    ['ENOSPC', false],
  ])('isDiskFullError(%s) is %s', (error, expected) => {
    expect(isDiskFullError(error)).toBe(expected);
  });

  it.each<[StageOutcome, boolean]>([
    [{ kind: 'error', code: 'ERR_DISK_FULL', text: 'The disk is full.' }, true],
    [{ kind: 'error', code: 'ERR_UNKNOWN', text: 'Transcoding failed: No space left on device' }, true],
    [{ kind: 'error', code: 'ERR_MALFORMED_VIDEO', text: 'The video cannot be decoded' }, false],
    [{ kind: 'retry', at: 1, failedAttempts: 1, reason: 'ENOSPC' }, false],
  ])('isDiskFullOutcome(%j) is %s', (outcome, expected) => {
    expect(isDiskFullOutcome(outcome)).toBe(expected);
  });

  it.each([
    ['fetch', 1000, 40, 600],
    ['fetch', -1, 40, 0],
    ['transcode', 1000, 50, 1000],
    ['deliver', 1000, 0, 0],
  ] as const)('a %s of %i bytes at %i %% still writes %i', (stage, size, pct, expected) => {
    expect(bytesStillToWrite(stage, size, pct)).toBe(expected);
  });

  it('names the folder, what is free and needed, and what to do', () => {
    const notice = fullDiskNotice({
      folder: '/data/ferry',
      freeBytes: 4096,
      workBytes: 5 * 1024 ** 2,
      keepFreeBytes: 1024 ** 2,
      stage: 'fetch',
      videoName: 'talk.mp4',
    });
    expect(notice).toMatchObject({ kind: 'full', dataDir: '/data/ferry', freeBytes: 4096, neededBytes: 6 * 1024 ** 2 });
    expect(notice.message).toBe(
      'The disk holding /data/ferry is full (4.0 KiB free): the download of "talk.mp4" needs about 5.0 MiB more, ' +
        'and Ferry keeps 1.0 MiB free, so the queue is paused. Free some space on that disk, or move the library to ' +
        'a larger one (ferry settings library <path>), then resume the queue (ferry resume --queue, or Resume in the ' +
        'app). Nothing is lost: the video keeps its place and what it has done.',
    );
    expect(fullDiskNotice({ folder: '/d', freeBytes: 0, workBytes: 0, keepFreeBytes: 0 }).message).toContain(
      "Ferry's database could not be written",
    );
  });

  it('says the guard clears itself and how to change it', () => {
    const notice = lowDiskNotice('/data/ferry', 10 * 1024 ** 2, 2 * 1024 ** 3);
    expect(notice).toMatchObject({ kind: 'low', neededBytes: 2 * 1024 ** 3 });
    expect(notice.message).toMatch(
      /^Only 10\.0 MiB is free on the disk holding \/data\/ferry, .* less than 2\.0 GiB free/,
    );
    expect(notice.message).toContain('ferry settings minFreeDiskBytes');
    expect(notice.message).toContain('goes on by itself once there is room');
  });
});
