/**
 * Dragging a queued video to another place in the queue: the press on a row, the line where it
 * would land as the pointer moves (scrolling the list near its edges), and the move on release.
 * A press that does not move is a click, left to the row.
 */
import { useCallback, useRef, useState, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import type { QueueMove } from '../../../../shared/api';
import type { VideoState } from '../../../../shared/video-states';

/** How far the pointer moves before a press becomes a drag (a shaky click stays a click). */
const dragThresholdPx = 5;
/** Within this distance of the list's top or bottom edge, a drag scrolls the list. */
const edgePx = 32;

/**
 * Where a video dropped just above row `index` goes (`index` = rows.length: below the last
 * row); null when it stays where it is. Above a running video is the top of the queue; above a
 * paused, failed or finished one, the bottom. Pure.
 */
export function dropMove(
  uid: string,
  index: number,
  rows: readonly (string | undefined)[],
  stateOf: (uid: string) => VideoState | undefined,
): QueueMove | null {
  const from = rows.indexOf(uid);
  if (index === from || index === from + 1) return null;
  if (index >= rows.length) return { uid, to: 'bottom' };
  const target = rows[index];
  if (target === undefined) return null;
  const state = stateOf(target);
  if (state === 'downloading' || state === 'inprogress') return { uid, to: 'top' };
  if (state === 'queued') return { uid, before: target };
  return { uid, to: 'bottom' };
}

export interface RowDrag {
  uid: string;
  /** The row the video would land above. */
  over: number;
}

export function useRowDrag(
  scroller: RefObject<HTMLDivElement | null>,
  rowHeight: number,
  count: number,
  drop: (uid: string, over: number) => void,
) {
  const [drag, setDrag] = useState<RowDrag | null>(null);
  const press = useRef<{ uid: string; x: number; y: number; pointerId: number } | null>(null);
  const dragged = useRef(false);

  // The same function every render, so the rows that call it are not rendered again.
  const pointerDown = useCallback((event: PointerEvent, uid: string) => {
    // Presses on the row's controls are theirs.
    if (event.button !== 0 || (event.target instanceof Element && event.target.closest('a, button, input'))) return;
    press.current = { uid, x: event.clientX, y: event.clientY, pointerId: event.pointerId };
    dragged.current = false;
  }, []);

  const landing = (clientY: number) => {
    const list = scroller.current;
    if (!list) return 0;
    const y = clientY - list.getBoundingClientRect().top + list.scrollTop;
    return Math.max(0, Math.min(count, Math.round(y / rowHeight)));
  };

  return {
    drag,
    pointerDown,
    listHandlers: {
      onPointerMove(event: PointerEvent) {
        const start = press.current;
        const list = scroller.current;
        if (!start || !list || event.pointerId !== start.pointerId) return;
        if (!drag && Math.hypot(event.clientX - start.x, event.clientY - start.y) < dragThresholdPx) return;
        if (!drag) list.setPointerCapture(event.pointerId);
        const box = list.getBoundingClientRect();
        if (event.clientY < box.top + edgePx) list.scrollBy(0, -rowHeight / 2);
        if (event.clientY > box.bottom - edgePx) list.scrollBy(0, rowHeight / 2);
        setDrag({ uid: start.uid, over: landing(event.clientY) });
      },
      onPointerUp(event: PointerEvent) {
        const start = press.current;
        press.current = null;
        if (!start || !drag) return;
        dragged.current = true;
        setDrag(null);
        drop(start.uid, landing(event.clientY));
      },
      onPointerCancel() {
        press.current = null;
        setDrag(null);
      },
      // The click that ends a drag is not a click on a row.
      onClickCapture(event: MouseEvent) {
        if (!dragged.current) return;
        dragged.current = false;
        event.stopPropagation();
      },
    },
  };
}
