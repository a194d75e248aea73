/**
 * What the list gives its rows: one object made once per list, so passing it through context
 * renders no row again. The rows call it; the list holds the state (which row is renamed, the
 * drag under way, whether the next row to show the keyboard's place takes the focus).
 */
import { createContext, useContext, type PointerEvent } from 'react';

export interface RowEvents {
  /**
   * Whether the keyboard's row, now shown, should take the focus (the keyboard moved to it before
   * it was rendered); true once per claim.
   */
  takeFocus(): boolean;
  /** Starts renaming the video (F2, a double-click on its name). */
  rename(uid: string): void;
  /** The rename is over; `byKeyboard`, the row takes the focus back. */
  renamed(byKeyboard: boolean): void;
  /** A press on a row: the start of a drag, if the pointer then moves. */
  pointerDown(event: PointerEvent, uid: string): void;
  /** Whether queued rows may be dragged: only while the list shows the queue's own order. */
  reorderable: boolean;
}

/** A row outside a list (a component test renders one alone): nothing to rename, drag or focus. */
const alone: RowEvents = {
  takeFocus: () => false,
  rename: () => undefined,
  renamed: () => undefined,
  pointerDown: () => undefined,
  reorderable: false,
};

export const rowEventsContext = createContext<RowEvents>(alone);

export function useRowEvents(): RowEvents {
  return useContext(rowEventsContext);
}
