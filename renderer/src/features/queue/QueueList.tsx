/**
 * The queue as a virtualised list (@tanstack/react-virtual): only the rows in view exist, and the
 * windows of the list they need are asked for as the user scrolls. The keyboard moves a roving
 * focus over the rows: arrows (with Shift to extend), Home/End, Space to toggle, Enter to open the
 * video's page, Ctrl/Cmd+A.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { navigate } from '../../app/route';
import { useQueue } from './queue-context';
import { rowHeight, VideoRow } from './VideoRow';

export function QueueList() {
  const { store, selection } = useQueue();
  const rows = useStore(store, (s) => s.rows);
  // Kept inside the list, so one row always takes Tab even after the list got shorter.
  const focus = useStore(selection, (s) => s.focus);
  const focusIndex = Math.max(0, Math.min(focus, rows.length - 1));
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
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => store.getState().ensureRange(first, last), [store, first, last]);

  // Keeps the keyboard's row in view and focused, but only while the list has the focus.
  useEffect(() => {
    const list = scroller.current;
    if (!list?.contains(document.activeElement)) return;
    virtualizer.scrollToIndex(focusIndex);
    list.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`)?.focus();
  }, [focusIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent) => {
    const state = selection.getState();
    const current = store.getState().rows;
    const at = Math.max(0, Math.min(state.focus, current.length - 1));
    const onRow = event.target instanceof HTMLElement && event.target.getAttribute('role') === 'listitem';
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: current.length - 1,
      PageDown: at + 10,
      PageUp: at - 10,
    };
    if (event.key in moves) {
      state.moveTo(moves[event.key] ?? 0, current, event.shiftKey);
    } else if (event.key === ' ' && onRow) {
      state.click(at, current, 'toggle');
    } else if (event.key === 'Enter' && onRow && current[at] !== undefined) {
      navigate({ screen: 'video', uid: current[at] });
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      state.selectAll(current);
    } else if (event.key === 'Escape') {
      state.clear();
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div ref={scroller} className="video-list" role="list" aria-label="Videos" onKeyDown={onKeyDown}>
      <div className="video-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <VideoRow
            key={rows[item.index] ?? `hole-${item.index}`}
            uid={rows[item.index]}
            index={item.index}
            setSize={rows.length}
            top={item.start}
            focused={item.index === focusIndex}
          />
        ))}
      </div>
    </div>
  );
}
