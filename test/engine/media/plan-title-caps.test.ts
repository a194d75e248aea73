import { describe, expect, it } from 'vitest';
import { planLadder } from '../../../electron/engine/media/plan-ladder';
import { planTitleRungs } from '../../../electron/engine/media/plan-title-caps';

// The fixed ladder for 1080p30: 1080p 4500, 720p 3000, 480p 1480, 360p 730 kb/s.
const { rungs } = planLadder(
  { width: 1920, height: 1080, fps: 30, frameRate: '30/1', hasAudio: false },
  [1080, 720, 480, 360],
);
const at360 = (kbps: number) => ({ kbps, width: 640, height: 360 });
const caps = (titled: { capKbps: number }[]) => titled.map((r) => r.capKbps);

describe("a title's rungs, from what its sample encode cost", () => {
  it.each([
    ['no sample (a short source): the fixed rates', null, 'h264', [4500, 3000, 1480, 730], 0],
    ['a talk (150 kb/s at 360p): twice the predicted mean', at360(150), 'h264', [1250, 680, 370, 240], 0],
    ['a busier talk (300 kb/s at 360p)', at360(300), 'h264', [2490, 1360, 740, 480], 0],
    ['a concert (2000 kb/s at 360p): the fixed rates, the ceiling', at360(2000), 'h264', [4500, 3000, 1480, 730], 0],
    ['the busier talk in HEVC: 0.7 of the bits', at360(300), 'hevc', [1750, 950, 520, 340], 0],
    ['the concert in AV1: the ceiling is 0.6 of the fixed rates', at360(2000), 'av1', [2700, 1800, 888, 438], 0],
    // Under a tenth of the fixed rate: 14 RF lower, about 5x the predicted bits, still far under the fixed rates.
    ['a slide deck (40 kb/s at 360p): easy, encoded 14 RF lower', at360(40), 'h264', [1680, 910, 500, 320], 14],
  ] as const)('%s', (_, sample, codec, expected, crfDrop) => {
    const titled = planTitleRungs(rungs, codec, sample);
    expect(caps(titled)).toEqual(expected);
    expect(titled.map((r) => r.crfDrop)).toEqual([crfDrop, crfDrop, crfDrop, crfDrop]);
  });

  it('gives a title that needs the fixed rates those rates as its average (not capped CRF), and no other', () => {
    expect(planTitleRungs(rungs, 'h264', at360(2000)).map((r) => r.fixedRate)).toEqual([true, true, true, true]);
    expect(planTitleRungs(rungs, 'h264', at360(300)).map((r) => r.fixedRate)).toEqual([false, false, false, false]);
    expect(planTitleRungs(rungs, 'h264', null).some((r) => r.fixedRate)).toBe(false);
  });

  it('gives fewer bits to a simpler title at every rung, while neither is easy', () => {
    const simple = caps(planTitleRungs(rungs, 'h264', at360(150)));
    const complex = caps(planTitleRungs(rungs, 'h264', at360(600)));
    simple.forEach((cap, i) => expect(cap).toBeLessThan(complex[i] as number));
  });
});
