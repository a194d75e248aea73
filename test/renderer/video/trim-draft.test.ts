import { describe, expect, it } from 'vitest';
import {
  cutsSomething,
  handleKeyTarget,
  moveHandle,
  trimForDraft,
  wholeVideo,
} from '../../../renderer/src/features/video/trim-draft';

describe('the trim being set', () => {
  it.each([
    ['in to a time', { in: 0, out: 10 }, 'in', 3, { in: 3, out: 10 }],
    ['in, never before the start', { in: 2, out: 10 }, 'in', -4, { in: 0, out: 10 }],
    ['in, never past the out point less half a second', { in: 0, out: 5 }, 'in', 7, { in: 4.5, out: 5 }],
    ['out to a time', { in: 0, out: 10 }, 'out', 6, { in: 0, out: 6 }],
    ['out, never past the end', { in: 0, out: 8 }, 'out', 12, { in: 0, out: 10 }],
    ['out, never before the in point plus half a second', { in: 4, out: 10 }, 'out', 1, { in: 4, out: 4.5 }],
  ] as const)('moves %s', (_, draft, handle, to, moved) => {
    expect(moveHandle(draft, handle, to, 10)).toEqual(moved);
  });

  it.each([
    ['ArrowRight', false, 4, 5],
    ['ArrowUp', false, 4, 5],
    ['ArrowLeft', false, 4, 3],
    ['ArrowRight', true, 4, 14],
    ['ArrowLeft', true, 14, 4],
    ['PageUp', false, 4, 14],
    ['Home', false, 4, 0],
    ['End', false, 4, 30],
    ['a', false, 4, null],
  ] as const)('%s (shift %s) takes a handle at %s to %s', (key, shift, at, target) => {
    expect(handleKeyTarget(key, shift, at, 30)).toBe(target);
  });

  it('cuts something only when a handle left its end', () => {
    expect(cutsSomething(wholeVideo(10), 10)).toBe(false);
    expect(cutsSomething({ in: 0.5, out: 10 }, 10)).toBe(true);
    expect(cutsSomething({ in: 0, out: 9.9 }, 10)).toBe(true);
  });

  it("is sent on the source's timeline, moved by the present in point", () => {
    expect(trimForDraft({ in: 1.25, out: 4 }, null)).toEqual({ start: 1.25, end: 4 });
    expect(trimForDraft({ in: 1.25, out: 4 }, { start: 10, end: 30 })).toEqual({ start: 11.25, end: 14 });
    expect(trimForDraft({ in: 1 / 3, out: 2 / 3 }, null)).toEqual({ start: 0.333, end: 0.667 });
  });
});
