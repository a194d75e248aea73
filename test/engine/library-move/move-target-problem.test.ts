import { describe, expect, it } from 'vitest';
import {
  moveTargetProblem,
  type MoveTargetFacts,
} from '../../../electron/engine/housekeeping/library-move/move-target-problem';
import { movedPaths } from '../../../electron/engine/store/library-paths';

const fine: MoveTargetFacts = {
  from: '/data/library',
  to: '/mnt/videos/library',
  realTo: '/mnt/videos/library',
  kind: 'absent',
  entries: 0,
  notWritable: null,
  freeBytes: 10 * 1024 ** 3,
  neededBytes: 1024 ** 3,
};

describe('moveTargetProblem', () => {
  it.each<[string, Partial<MoveTargetFacts>, RegExp | undefined]>([
    ['a new folder with room', {}, undefined],
    ['an empty folder', { kind: 'folder', entries: 0 }, undefined],
    ['a relative path', { to: 'videos' }, /not an absolute path/],
    ['the library itself', { realTo: '/data/library' }, /is the library already/],
    ['inside the library', { realTo: '/data/library/sub' }, /inside the current library \(\/data\/library\)/],
    ['a sibling whose name starts like it', { realTo: '/data/library2' }, undefined],
    ['a file', { kind: 'other' }, /is a file, not a folder/],
    ['a folder with entries', { kind: 'folder', entries: 3 }, /is not empty \(3 entries\)/],
    ['a folder that cannot be written', { notWritable: 'EACCES' }, /cannot be written \(EACCES\)/],
    ['too little room', { freeBytes: 1024 ** 2 }, /1(\.0)? MiB free, and the library needs 1(\.0)? GiB/],
  ])('%s', (_case, facts, problem) => {
    const found = moveTargetProblem({ ...fine, ...facts });
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

describe('movedPaths', () => {
  it.each<[string, unknown, unknown]>([
    ['a path inside', '/data/library/u1/manifest/video.m3u8', '/mnt/new/u1/manifest/video.m3u8'],
    ['the folder itself', '/data/library', '/mnt/new'],
    ['a sibling whose name starts like it', '/data/library2/x', '/data/library2/x'],
    ['another path', '/data/originals/u1/a.mp4', '/data/originals/u1/a.mp4'],
    [
      'nested',
      { playback: { hls: '/data/library/u/h' }, list: ['/data/library/u/t'], n: 3 },
      { playback: { hls: '/mnt/new/u/h' }, list: ['/mnt/new/u/t'], n: 3 },
    ],
    ['null', null, null],
  ])('%s', (_case, value, moved) => {
    expect(movedPaths(value, '/data/library', '/mnt/new')).toEqual(moved);
  });
});
