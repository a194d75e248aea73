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
    ['ArrowRight', {}, 4, 5],
    ['ArrowUp', {}, 4, 5],
    ['ArrowLeft', {}, 4, 3],
    ['ArrowRight', { shift: true }, 4, 14],
    ['ArrowLeft', { shift: true }, 14, 4],
    ['ArrowRight', { alt: true }, 4, 4.04],
    ['ArrowLeft', { alt: true }, 4, 3.96],
    ['PageUp', {}, 4, 14],
    ['Home', {}, 4, 0],
    ['End', {}, 4, 30],
    ['a', {}, 4, null],
  ] as const)('%s %o takes a handle at %s to %s', (key, modifiers, at, target) => {
    const to = handleKeyTarget(key, { shift: false, alt: false, ...modifiers }, at, 30, 1 / 25);
    if (target === null) expect(to).toBeNull();
    else expect(to).toBeCloseTo(target, 9);
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
