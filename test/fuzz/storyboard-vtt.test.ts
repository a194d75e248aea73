/**
 * Fuzzing the storyboard's WebVTT: the engine writes it (media/plan-storyboard.ts) and the player
 * reads it back over HTTP (renderer's storyboard-vtt.ts). Every storyboard the engine can plan
 * reads back as its tiles at their times; any other text, a damaged or hostile file included,
 * reads as the cues it holds, never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planStoryboard, storyboardVtt } from '../../electron/engine/media/plan-storyboard';
import { cueAt, parseStoryboardVtt } from '../../renderer/src/features/video/storyboard-vtt';
import { fuzzParameters, withinBudget } from './fuzz-settings';

const vttUrl = 'http://127.0.0.1:8787/media/0123456789abcdef0123456789abcdef/storyboard/storyboard.vtt';
const spriteUrl = vttUrl.replace(/storyboard\.vtt$/, 'storyboard.jpg');

const video = fc.record({
  duration: fc.double({ min: 0.1, max: 200 * 3600, noNaN: true }),
  frame: fc.record({ width: fc.integer({ min: 2, max: 8192 }), height: fc.integer({ min: 2, max: 8192 }) }),
  keyframeSeconds: fc.constantFrom(1, 2, 4, 6, 10),
});

/** Files that look like WebVTT often enough to reach the cue reader. */
const vttLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.oneof(
        fc
          .tuple(fc.stringMatching(/^(\d{1,3}:)?\d{1,2}:\d{1,2}([.,]\d{1,4})?$/), fc.stringMatching(/^[\d:.,]{0,14}$/))
          .map(([from, to]) => `${from} --> ${to} align:start`),
        fc
          .tuple(fc.string({ maxLength: 20 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }))
          .map(([name, xywh]) => `${name}#xywh=${xywh.join(',')}`),
        fc.constantFrom('WEBVTT', '', 'NOTE hello', '-->', 'http://[::1#xywh=1,2,3,4', '\r'),
      ),
      { maxLength: 12 },
    )
    .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((end) => lines.join(end))),
);

describe('fuzzing the storyboard WebVTT', () => {
  it('reads every planned storyboard back as its tiles, at their times', () => {
    fc.assert(
      fc.property(video, ({ duration, frame, keyframeSeconds }) => {
        const plan = planStoryboard(duration, frame, keyframeSeconds);
        const cues = parseStoryboardVtt(storyboardVtt(plan, duration, 'storyboard.jpg'), vttUrl);
        expect(cues).toHaveLength(plan.tiles);
        cues.forEach((cue, i) => {
          expect(cue.sprite).toBe(spriteUrl);
          expect(cue.start).toBeCloseTo(i * plan.intervalSeconds, 2);
          expect(cue.end).toBeCloseTo(Math.min(duration, (i + 1) * plan.intervalSeconds), 2);
          expect(cue.end).toBeGreaterThanOrEqual(cue.start);
          expect(cue).toMatchObject({ width: plan.tileWidth, height: plan.tileHeight });
          expect(cue.x + cue.width).toBeLessThanOrEqual(plan.columns * plan.tileWidth);
          expect(cue.y + cue.height).toBeLessThanOrEqual(plan.rows * plan.tileHeight);
          expect(cueAt(cues, cue.start)).toBe(cue);
        });
      }),
      fuzzParameters(),
    );
  });

  it('reads any text into the cues it holds, without throwing', () => {
    fc.assert(
      fc.property(vttLike, fc.double({ noNaN: true }), (text, seconds) => {
        const cues = withinBudget('parseStoryboardVtt', () => parseStoryboardVtt(text, vttUrl));
        for (const cue of cues) {
          for (const n of [cue.start, cue.end, cue.x, cue.y, cue.width, cue.height]) {
            expect(Number.isFinite(n)).toBe(true);
            expect(n).toBeGreaterThanOrEqual(0);
          }
          expect(URL.canParse(cue.sprite)).toBe(true);
        }
        withinBudget('cueAt', () => cueAt(cues, seconds));
      }),
      fuzzParameters(),
    );
  });
});
