/**
 * The queue as a virtualised list (@tanstack/react-virtual): only the rows in view exist, and the
 * windows of the list they need are asked for as the user scrolls. The list is one tab stop: the
 * keyboard moves a roving focus over the rows (list-keys.ts), and queued rows can be dragged to
 * another place in the queue while it shows its own order.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import type { QueueMove } from '../../../../shared/api';
import { navigate } from '../../app/route';
import { rowHeights, useDensity } from './density';
import { listIntent, type ListIntent } from './list-keys';
import { useQueue } from './queue-context';
import { useRemoveWithUndo } from './remove-with-undo';
import { openRowMenu, stepControl } from './row-controls';
import { dropMove, useRowDrag } from './row-drag';
import { rowEventsContext, type RowEvents } from './row-events';
import { SortHeader } from './SortHeader';
import { VideoRow } from './VideoRow';
import './queue-layout.css';

export function QueueList() {
  const { store, selection, report, tell } = useQueue();
  const rows = useStore(store, (s) => s.rows);
  const reorderable = useStore(store, (s) => s.filter.sort.by === 'queue' && s.filter.sort.asc);
  const density = useDensity();
  const rowHeight = rowHeights[density];
  // Kept inside the list, so one row always takes Tab even after the list got shorter.
  const focus = useStore(selection, (s) => s.focus);
  const focusIndex = Math.max(0, Math.min(focus, rows.length - 1));
  const [renaming, setRenaming] = useState<string | null>(null);
  const removeWithUndo = useRemoveWithUndo();
  const claimFocus = useRef(false);
  /** The video the keyboard's place follows as it moves (Alt+arrows, a drop), until the user goes elsewhere. */
  const following = useRef<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // The app is not built with the React Compiler; the virtualiser renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    // Until the list is measured (after its first commit), the window's size: the first rows come in the first commit.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    // A few rows past each edge: enough for arrow keys and small scrolls, and each row is DOM to lay out.
    overscan: 4,
  });
  // A new density is a new height for every row.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => store.getState().ensureRange(first, last), [store, first, last]);

  // Keeps the keyboard's row in view and focused, but only while the list has the focus; a row not
  // rendered yet (Home, End) takes it when it appears (claimFocus).
  useEffect(() => {
    const list = scroller.current;
    if (!list?.contains(document.activeElement) && !claimFocus.current) return;
    virtualizer.scrollToIndex(focusIndex);
    const row = list?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`);
    if (!row) return;
    claimFocus.current = false;
    row.focus({ preventScroll: true });
  }, [focusIndex, virtualizer]);

  /** Moves a video in the queue; the keyboard's place follows it if the list has the focus. */
  const move = (input: QueueMove) => {
    const hadFocus = scroller.current?.contains(document.activeElement) ?? false;
    following.current = input.uid;
    store
      .getState()
      .move(input)
      .then(() => {
        const now = store.getState().rows;
        const at = now.indexOf(input.uid);
        // The user moved the keyboard elsewhere meanwhile: it stays there.
        if (at < 0 || following.current !== input.uid) return;
        claimFocus.current = hadFocus;
        selection.getState().moveTo(at, now, false);
      })
      .catch(report);
  };
  const drag = useRowDrag(scroller, rowHeight, rows.length, (uid, over) => {
    const { rows: now, videos } = store.getState();
    const placed = dropMove(uid, over, now, (other) => videos.get(other)?.status.state);
    if (placed) move(placed);
  });
  const { pointerDown } = drag;
  const events = useMemo<RowEvents>(
    () => ({
      takeFocus() {
        const claimed = claimFocus.current;
        claimFocus.current = false;
        return claimed;
      },
      rename: setRenaming,
      renamed(byKeyboard) {
        claimFocus.current = byKeyboard;
        setRenaming(null);
      },
      pointerDown,
      reorderable,
    }),
    [pointerDown, reorderable],
  );

  const act = (intent: ListIntent, row: HTMLElement | null) => {
    const state = selection.getState();
    const current = store.getState().rows;
    const at = Math.max(0, Math.min(state.focus, current.length - 1));
    // The row the keyboard is on, even while a move's new order is still on its way.
    const uid = row?.dataset.uid ?? current[at];
    switch (intent.kind) {
      case 'focus':
        following.current = null;
        claimFocus.current = true;
        state.moveTo(intent.index, current, intent.extend);
        return;
      case 'move':
        // Sorted by a column, a move would not show where it went.
        if (!reorderable) tell('Videos move in the queue order: choose "Queue" above the list first.');
        else if (uid && store.getState().videos.get(uid)?.status.state === 'queued') move({ uid, to: intent.to });
        return;
      case 'toggle':
        state.click(at, current, 'toggle');
        return;
      case 'open':
        if (uid) navigate({ screen: 'video', uid });
        return;
      case 'rename':
        if (uid) setRenaming(uid);
        return;
      case 'menu':
        if (row) openRowMenu(row);
        return;
      case 'selectAll':
        state.selectAll(current);
        return;
      case 'clear':
        state.clear();
        return;
      case 'remove': {
        // The selection when the keyboard's row is in it (or it is all there is), else that row alone.
        const chosen = [...state.selected];
        const uids = uid && !state.selected.has(uid) && !state.all ? [uid] : chosen;
        if (uids.length === 0) return;
        claimFocus.current = true;
        state.clear();
        removeWithUndo(uids);
        return;
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // A control's own keys (a menu's button opening its menu) are not the list's.
    if (event.nativeEvent.defaultPrevented || !(event.target instanceof HTMLElement)) return;
    const row = event.target.closest<HTMLElement>('[role="listitem"]');
    if (row && event.target !== row) {
      // On a control in a row: Left and Right walk the row's controls, Escape goes back to the row.
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        stepControl(row, event.target, event.key === 'ArrowRight' ? 1 : -1);
      } else if (event.key === 'Escape') {
        row.focus();
      } else return;
      event.preventDefault();
      return;
    }
    if (row && event.key === 'ArrowRight') {
      stepControl(row, row, 1);
      event.preventDefault();
      return;
    }
    const intent = listIntent(event, focusIndex, store.getState().rows.length);
    if (!intent) return;
    event.preventDefault();
    act(intent, row);
  };

  // A right-click on a row shows its actions, as the menu key does.
  const onContextMenu = (event: MouseEvent) => {
    const row = event.target instanceof Element ? event.target.closest('[role="listitem"]') : null;
    if (!row || (event.target as Element).closest('a, input')) return;
    event.preventDefault();
    openRowMenu(row);
  };

  return (
    <rowEventsContext.Provider value={events}>
      <SortHeader />
      <div
        ref={scroller}
        className={`video-list ${density}`}
        role="list"
        aria-label="Videos"
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
        onPointerDownCapture={() => (following.current = null)}
        {...drag.listHandlers}
      >
        <div className="video-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <VideoRow
              key={rows[item.index] ?? `hole-${item.index}`}
              uid={rows[item.index]}
              index={item.index}
              setSize={rows.length}
              top={item.start}
              focused={item.index === focusIndex}
              density={density}
              renaming={renaming !== null && rows[item.index] === renaming}
              dragging={drag.drag !== null && rows[item.index] === drag.drag.uid}
            />
          ))}
          {drag.drag && (
            <div
              className="drop-line"
              aria-hidden="true"
              style={{ transform: `translateY(${drag.drag.over * rowHeight - 1}px)` }}
            />
          )}
        </div>
      </div>
    </rowEventsContext.Provider>
  );
}
