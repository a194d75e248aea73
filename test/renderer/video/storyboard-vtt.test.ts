import { describe, expect, it } from 'vitest';
import { planStoryboard, storyboardVtt } from '../../../electron/engine/media/plan-storyboard';
import { cueAt, parseStoryboardVtt, vttSeconds } from '../../../renderer/src/features/video/storyboard-vtt';

const served = 'http://127.0.0.1:8787/media/abc/storyboard/storyboard.vtt';

describe('the storyboard VTT', () => {
  it('reads times with or without hours, and with a comma', () => {
    expect(vttSeconds('00:01:02.500')).toBe(62.5);
    expect(vttSeconds('01:02.5')).toBe(62.5);
    expect(vttSeconds('1:00:00,000')).toBe(3600);
    expect(vttSeconds('soon')).toBeNaN();
  });

  it("reads each cue's range and tile, with the sprite resolved beside the VTT, from what the engine writes", () => {
    const plan = planStoryboard(25, { width: 1280, height: 720 }, 2);
    const cues = parseStoryboardVtt(storyboardVtt(plan, 25, 'storyboard.jpg'), served);
    expect(cues).toHaveLength(plan.tiles);
    expect(cues[0]).toEqual({
      start: 0,
      end: plan.intervalSeconds,
      sprite: 'http://127.0.0.1:8787/media/abc/storyboard/storyboard.jpg',
      x: 0,
      y: 0,
      width: plan.tileWidth,
      height: plan.tileHeight,
    });
    // The eleventh tile starts the second row of ten.
    expect(cues[10]).toMatchObject({ x: 0, y: plan.tileHeight, start: 10 * plan.intervalSeconds });
    expect(cues.at(-1)?.end).toBe(25);
  });

  it('resolves the sprite against a ferry-media:// VTT as well', () => {
    const [cue] = parseStoryboardVtt(
      'WEBVTT\n\n00:00.000 --> 00:02.000\nstoryboard.jpg#xywh=160,0,160,90\n',
      'ferry-media://library/abc/storyboard/storyboard.vtt',
    );
    expect(cue?.sprite).toBe('ferry-media://library/abc/storyboard/storyboard.jpg');
    expect(cue).toMatchObject({ x: 160, y: 0, width: 160, height: 90 });
  });

  it('keeps absolute sprite links, takes CRLF files and cue settings, and skips notes and cues without a tile', () => {
    const text = [
      'WEBVTT',
      '',
      'NOTE made elsewhere',
      '',
      '1',
      '00:00:00.000 --> 00:00:05.000 align:start',
      'https://cdn.test/sheet.jpg#xywh=0,0,100,56',
      '',
      '00:00:05.000 --> 00:00:10.000',
      'no tile here',
      '',
    ].join('\r\n');
    const cues = parseStoryboardVtt(text, served);
    expect(cues).toEqual([
      { start: 0, end: 5, sprite: 'https://cdn.test/sheet.jpg', x: 0, y: 0, width: 100, height: 56 },
    ]);
  });

  it('finds the tile of a time: the cue that holds it, the last one past the end, none before the first', () => {
    const cues = parseStoryboardVtt(
      storyboardVtt(planStoryboard(6, { width: 640, height: 480 }, 2), 6, 's.jpg'),
      served,
    );
    expect(cueAt(cues, 0)?.start).toBe(0);
    expect(cueAt(cues, 3.9)?.start).toBe(2);
    expect(cueAt(cues, 4)?.start).toBe(4);
    expect(cueAt(cues, 99)?.start).toBe(4);
    expect(cueAt([], 1)).toBeUndefined();
    expect(cueAt(cues.slice(1), 1)).toBeUndefined();
  });
});
