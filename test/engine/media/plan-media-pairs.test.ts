import { describe, expect, it } from 'vitest';
import { bundledPackages, type Candidate } from '../../../electron/engine/media/locate-media-tools';
import { isMatchedPair, planMediaPairs } from '../../../electron/engine/media/plan-media-pairs';

const onPath = (dir: string, tool: string): Candidate => ({ path: `${dir}/${tool}`, origin: 'path', from: 'PATH' });
const bundledFfmpeg: Candidate = { path: '/app/ffmpeg', origin: 'bundled', from: '@ffmpeg-installer/ffmpeg' };
const bundledFfprobe: Candidate = { path: '/app/ffprobe', origin: 'bundled', from: 'ffprobe-static' };
const fallbackFfprobe: Candidate = { path: '/app/x/ffprobe', origin: 'fallback', from: '@ffprobe-installer/ffprobe' };
const envFfmpeg: Candidate = { path: '/opt/ff/ffmpeg', origin: 'env', from: 'FFMPEG_PATH' };
const envFfprobe: Candidate = { path: '/opt/ff/ffprobe', origin: 'env', from: 'FFPROBE_PATH' };

describe('pairing ffmpeg with ffprobe', () => {
  it.each([
    ['both from one PATH directory', onPath('/usr/bin', 'ffmpeg'), onPath('/usr/bin', 'ffprobe'), true],
    ['from two PATH directories', onPath('/usr/bin', 'ffmpeg'), onPath('/usr/local/bin', 'ffprobe'), false],
    ['the bundled pair', bundledFfmpeg, bundledFfprobe, true],
    ['bundled ffmpeg with a system ffprobe', bundledFfmpeg, onPath('/usr/bin', 'ffprobe'), false],
    ['bundled ffmpeg with the fallback ffprobe', bundledFfmpeg, fallbackFfprobe, false],
    ['both named by variables: the user chose, not a build', envFfmpeg, envFfprobe, false],
  ])('%s: matched %s', (_case, ffmpeg, ffprobe, matched) => {
    expect(isMatchedPair({ ffmpeg, ffprobe })).toBe(matched);
  });

  it("tries the system's pair first, then the bundled pair, and never plans a mix", () => {
    const ffmpeg = [onPath('/usr/bin', 'ffmpeg'), bundledFfmpeg];
    const ffprobe = [onPath('/usr/bin', 'ffprobe'), bundledFfprobe, fallbackFfprobe];
    expect(planMediaPairs(ffmpeg, ffprobe)).toEqual([
      { ffmpeg: ffmpeg[0], ffprobe: ffprobe[0] },
      { ffmpeg: bundledFfmpeg, ffprobe: bundledFfprobe },
    ]);
  });

  it('plans only the bundled pair on a machine with no ffmpeg installed', () => {
    expect(planMediaPairs([bundledFfmpeg], [bundledFfprobe, fallbackFfprobe])).toEqual([
      { ffmpeg: bundledFfmpeg, ffprobe: bundledFfprobe },
    ]);
  });

  it('plans nothing when a system ffmpeg has no ffprobe beside it and nothing is bundled', () => {
    expect(planMediaPairs([onPath('/usr/bin', 'ffmpeg')], [onPath('/opt/bin', 'ffprobe')])).toEqual([]);
  });

  it.each([
    ['linux', 'x64', 'ffprobe-static', '@ffprobe-installer/ffprobe'],
    ['win32', 'x64', 'ffprobe-static', '@ffprobe-installer/ffprobe'],
    ['darwin', 'x64', 'ffprobe-static', '@ffprobe-installer/ffprobe'],
    // ffprobe-static's arm64 binary is x86_64 and needs Rosetta; @ffprobe-installer's is native.
    ['darwin', 'arm64', '@ffprobe-installer/ffprobe', 'ffprobe-static'],
  ] as const)(
    'bundles on %s-%s: ffmpeg from @ffmpeg-installer, ffprobe from %s',
    (platform, arch, ffprobe, fallback) => {
      expect(bundledPackages(platform, arch)).toEqual({
        ffmpeg: { bundled: '@ffmpeg-installer/ffmpeg', fallback: null },
        ffprobe: { bundled: ffprobe, fallback },
      });
    },
  );
});
