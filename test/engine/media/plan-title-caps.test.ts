import { describe, expect, it } from 'vitest';
import { planLadder } from '../../../electron/engine/media/plan-ladder';
import { planTitleCaps } from '../../../electron/engine/media/plan-title-caps';

// The fixed ladder for 1080p30: 1080p 4500, 720p 3000, 480p 1480, 360p 730 kb/s.
const { rungs } = planLadder(
  { width: 1920, height: 1080, fps: 30, frameRate: '30/1', hasAudio: false },
  [1080, 720, 480, 360],
);
const at360 = (kbps: number) => ({ kbps, width: 640, height: 360 });

describe("a title's caps, from what its sample encode cost", () => {
  it.each([
    ['no sample (a short source): the fixed rates', null, 'h264', [4500, 3000, 1480, 730]],
    ['a slide deck (40 kb/s at 360p): a tenth of the fixed rates, the floor', at360(40), 'h264', [450, 300, 148, 73]],
    ['a talk (300 kb/s at 360p): about twice the predicted mean', at360(300), 'h264', [2490, 1360, 740, 480]],
    ['a concert (2000 kb/s at 360p): the fixed rates, the ceiling', at360(2000), 'h264', [4500, 3000, 1480, 730]],
    ['the same talk in HEVC: 0.7 of the bits', at360(300), 'hevc', [1750, 950, 520, 340]],
    ['the concert in AV1: the ceiling is 0.6 of the fixed rates', at360(2000), 'av1', [2700, 1800, 888, 438]],
  ] as const)('%s', (_, sample, codec, caps) => {
    expect(planTitleCaps(rungs, codec, sample)).toEqual(caps);
  });

  it('gives fewer bits to a simpler title at every rung', () => {
    const simple = planTitleCaps(rungs, 'h264', at360(150));
    const complex = planTitleCaps(rungs, 'h264', at360(600));
    simple.forEach((cap, i) => expect(cap).toBeLessThan(complex[i] as number));
  });
});
