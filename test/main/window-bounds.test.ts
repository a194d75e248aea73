import { describe, expect, it } from 'vitest';
import { restoreWindow } from '../../electron/main/window-bounds';

const defaults = { width: 1100, height: 720, minWidth: 640, minHeight: 420 };
const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('the window reopening where it was', () => {
  it('keeps a saved place that is on a screen, and whether it was maximized', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(restoreWindow(saved, [laptop, monitorOnTheRight], defaults)).toEqual(saved);
  });

  it('opens at the default size, placed by the system, when the screen it was on is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(restoreWindow(saved, [laptop], defaults)).toEqual({
      bounds: { width: 1100, height: 720 },
      maximized: false,
    });
  });

  it('moves and shrinks a window hanging off a screen into its work area', () => {
    const saved = { bounds: { x: 1000, y: 0, width: 2000, height: 1000 }, maximized: false };
    expect(restoreWindow(saved, [laptop], defaults).bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    const offTheTop = { bounds: { x: 100, y: -200, width: 800, height: 600 } };
    expect(restoreWindow(offTheTop, [laptop], defaults).bounds).toEqual({ x: 100, y: 25, width: 800, height: 600 });
  });

  it('ignores what is not a saved place: nothing, old formats, broken numbers', () => {
    for (const saved of [undefined, null, 'big', { x: 1 }, { bounds: { x: 0, y: 0, width: 'wide', height: 5 } }]) {
      expect(restoreWindow(saved, [laptop], defaults)).toEqual({
        bounds: { width: 1100, height: 720 },
        maximized: false,
      });
    }
  });

  it('keeps at least the minimum size, unless the screen is smaller', () => {
    const tiny = { bounds: { x: 10, y: 30, width: 200, height: 100 } };
    expect(restoreWindow(tiny, [laptop], defaults).bounds).toMatchObject({ width: 640, height: 420 });
  });
});
