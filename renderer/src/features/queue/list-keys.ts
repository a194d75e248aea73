/**
 * What a key pressed in the queue's list means, as a file manager's list would take it: arrows,
 * Page keys and Home/End move the keyboard's row (Shift extends the selection), Alt+arrows and
 * Alt+Home/End move the video itself in the queue, Space selects, Enter opens, Delete removes, F2
 * renames, the menu key or Shift+F10 opens the row's actions. Pure.
 */
import type { QueueMove } from '../../../../shared/api';

export interface ListKey {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export type ListIntent =
  | { kind: 'focus'; index: number; extend: boolean }
  | { kind: 'move'; to: Extract<QueueMove, { to: unknown }>['to'] }
  | { kind: 'toggle' | 'open' | 'remove' | 'rename' | 'menu' | 'selectAll' | 'clear' };

/** Rows a Page key moves. */
const page = 10;

const moveKeys: Record<string, Extract<ListIntent, { kind: 'move' }>['to']> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'top',
  End: 'bottom',
};

/** `at`: the keyboard's row; `count`: the list's length. Null for a key the list leaves alone. */
export function listIntent(event: ListKey, at: number, count: number): ListIntent | null {
  const { key, shiftKey, altKey } = event;
  const command = event.ctrlKey || event.metaKey;
  if (altKey && !command) {
    const to = moveKeys[key];
    return to ? { kind: 'move', to } : null;
  }
  const targets: Record<string, number> = {
    ArrowDown: at + 1,
    ArrowUp: at - 1,
    Home: 0,
    End: count - 1,
    PageDown: at + page,
    PageUp: at - page,
  };
  const index = targets[key];
  if (index !== undefined) return { kind: 'focus', index: Math.max(0, Math.min(count - 1, index)), extend: shiftKey };
  if (key === 'a' || key === 'A') return command ? { kind: 'selectAll' } : null;
  if (command) return null;
  if (key === 'ContextMenu' || (key === 'F10' && shiftKey)) return { kind: 'menu' };
  const simple: Record<string, ListIntent['kind']> = {
    ' ': 'toggle',
    Enter: 'open',
    Delete: 'remove',
    F2: 'rename',
    Escape: 'clear',
  };
  const kind = simple[key];
  return kind === undefined ? null : ({ kind } as ListIntent);
}
