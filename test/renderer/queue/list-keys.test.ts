import { describe, expect, it } from 'vitest';
import { listIntent, type ListKey } from '../../../renderer/src/features/queue/list-keys';
import { dropMove } from '../../../renderer/src/features/queue/row-drag';
import type { VideoState } from '../../../shared/video-states';

const key = (name: string, mods: Partial<ListKey> = {}): ListKey => ({
  key: name,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('what a key means in the queue list', () => {
  it.each([
    [key('ArrowDown'), { kind: 'focus', index: 6, extend: false }],
    [key('ArrowUp', { shiftKey: true }), { kind: 'focus', index: 4, extend: true }],
    [key('Home'), { kind: 'focus', index: 0, extend: false }],
    [key('End'), { kind: 'focus', index: 99, extend: false }],
    [key('PageDown'), { kind: 'focus', index: 15, extend: false }],
    [key('ArrowUp', { altKey: true }), { kind: 'move', to: 'up' }],
    [key('ArrowDown', { altKey: true }), { kind: 'move', to: 'down' }],
    [key('Home', { altKey: true }), { kind: 'move', to: 'top' }],
    [key('End', { altKey: true }), { kind: 'move', to: 'bottom' }],
    [key(' '), { kind: 'toggle' }],
    [key('Enter'), { kind: 'open' }],
    [key('Delete'), { kind: 'remove' }],
    [key('F2'), { kind: 'rename' }],
    [key('ContextMenu'), { kind: 'menu' }],
    [key('F10', { shiftKey: true }), { kind: 'menu' }],
    [key('a', { ctrlKey: true }), { kind: 'selectAll' }],
    [key('A', { metaKey: true }), { kind: 'selectAll' }],
    [key('Escape'), { kind: 'clear' }],
  ])('%o at row 5 of 100 → %o', (pressed, intent) => {
    expect(listIntent(pressed, 5, 100)).toEqual(intent);
  });

  it('keeps the focus inside the list, and leaves other keys alone', () => {
    expect(listIntent(key('ArrowUp'), 0, 10)).toEqual({ kind: 'focus', index: 0, extend: false });
    expect(listIntent(key('PageDown'), 8, 10)).toEqual({ kind: 'focus', index: 9, extend: false });
    expect(listIntent(key('a'), 3, 10)).toBeNull();
    expect(listIntent(key('F10'), 3, 10)).toBeNull();
    expect(listIntent(key('Enter', { ctrlKey: true }), 3, 10)).toBeNull();
    expect(listIntent(key('x', { altKey: true }), 3, 10)).toBeNull();
  });
});

describe('where a dragged video lands', () => {
  const rows = ['run', 'q1', 'q2', 'q3', 'paused'];
  const states: Record<string, VideoState> = {
    run: 'downloading',
    q1: 'queued',
    q2: 'queued',
    q3: 'queued',
    paused: 'paused',
  };
  const stateOf = (uid: string) => states[uid];

  it('goes before the queued video it is dropped above', () => {
    expect(dropMove('q3', 1, rows, stateOf)).toEqual({ uid: 'q3', before: 'q1' });
    expect(dropMove('q1', 3, rows, stateOf)).toEqual({ uid: 'q1', before: 'q3' });
  });

  it('goes to the top above a running video, to the bottom past the queued ones', () => {
    expect(dropMove('q2', 0, rows, stateOf)).toEqual({ uid: 'q2', to: 'top' });
    expect(dropMove('q1', 4, rows, stateOf)).toEqual({ uid: 'q1', to: 'bottom' });
    expect(dropMove('q1', 5, rows, stateOf)).toEqual({ uid: 'q1', to: 'bottom' });
  });

  it('stays where it is when dropped on its own place, or where no row is loaded', () => {
    expect(dropMove('q2', 2, rows, stateOf)).toBeNull();
    expect(dropMove('q2', 3, rows, stateOf)).toBeNull();
    expect(dropMove('q2', 1, ['run', undefined, 'q2'], stateOf)).toBeNull();
  });
});
