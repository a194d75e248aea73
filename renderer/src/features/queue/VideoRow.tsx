/**
 * One row of the queue. It reads its own video and its own selection by uid, so a change to
 * another video (or another row's selection) does not render it again. Fixed height per density,
 * so progress never shifts the layout. The row is the list's one tab stop when it has the
 * keyboard's place; its checkbox, link and buttons are reached by pointer, or by arrows from it.
 */
import { memo, useEffect, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import type { Video } from '../../../../shared/video';
import { navigate, routeHref } from '../../app/route';
import { rowHeights, type Density } from './density';
import { useQueue } from './queue-context';
import { RenameField } from './RenameField';
import { useRowEvents } from './row-events';
import { RowActions } from './RowActions';
import { RowError } from './RowError';
import { addedText, addedTitle } from './added-text';
import { RowDeliveries, RowProgress } from './RowStatus';
import { formatBytes } from '../../../../shared/format-units';
import { bytesText, sourceLabel, videoTitle } from './video-text';

/** How long a click on a name waits for a second one (a double-click renames) before opening the video. */
const doubleClickMs = 300;

interface RowProps {
  uid: string | undefined;
  index: number;
  setSize: number;
  top: number;
  focused: boolean;
  density?: Density;
  renaming?: boolean;
  dragging?: boolean;
}

function Thumbnail({ video }: { video: Video }) {
  const { platform } = useQueue();
  const url = platform.mediaUrl(video, 'thumbnail');
  return url ? (
    <img className="thumb" src={url} alt="" loading="lazy" />
  ) : (
    <span className="thumb placeholder" aria-hidden="true" />
  );
}

/** Opens the video from its name on a plain click, unless a second click comes (a rename). */
function useNameClick(uid: string, rename: () => void) {
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  return {
    onClick(event: MouseEvent) {
      // A new tab or window, as any link: left to the browser.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      clearTimeout(pending.current);
      if (event.detail > 1) return;
      pending.current = setTimeout(() => navigate({ screen: 'video', uid }), doubleClickMs);
    },
    onDoubleClick(event: MouseEvent) {
      event.preventDefault();
      clearTimeout(pending.current);
      rename();
    },
  };
}

export const VideoRow = memo(function VideoRow(props: RowProps) {
  const { uid, index, setSize, top, focused, density = 'comfortable', renaming = false, dragging = false } = props;
  const { store, selection } = useQueue();
  const events = useRowEvents();
  const video = useStore(store, (s) => (uid === undefined ? undefined : s.videos.get(uid)));
  const selected = useStore(selection, (s) => uid !== undefined && (s.all || s.selected.has(uid)));
  const row = useRef<HTMLDivElement>(null);
  const nameClick = useNameClick(uid ?? '', () => uid && events.rename(uid));

  // The list's keyboard moved here before this row existed (Home, End, a removal): it takes the focus now.
  useEffect(() => {
    if (focused && !renaming && events.takeFocus()) row.current?.focus({ preventScroll: true });
  });
  // One tab stop for the whole list: whatever the row's parts render that takes focus leaves the tab order.
  useLayoutEffect(() => {
    row.current?.querySelectorAll<HTMLElement>('a, button, input, [tabindex]').forEach((element) => {
      if (element.tabIndex !== -1) element.tabIndex = -1;
    });
  });

  const common = {
    ref: row,
    role: 'listitem',
    'data-index': index,
    'aria-posinset': index + 1,
    'aria-setsize': setSize,
    tabIndex: focused ? 0 : -1,
    style: { transform: `translateY(${top}px)`, height: rowHeights[density] },
  } as const;
  if (!video) {
    return (
      <div {...common} className={`video-row loading ${density}`}>
        <span className="muted">Loading…</span>
      </div>
    );
  }
  const onClick = (event: MouseEvent) => {
    // The row's own buttons, checkbox and link do their own thing.
    if (event.target instanceof Element && event.target.closest('a, button, input')) return;
    const mode = event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only';
    selection.getState().click(index, store.getState().rows, mode);
  };
  const title = videoTitle(video);
  const bytes = bytesText(video);
  const draggable = events.reorderable && video.status.state === 'queued';
  const classes = [
    'video-row',
    density,
    `state-${video.status.state}`,
    selected && 'selected',
    draggable && 'draggable',
    dragging && 'dragging',
  ];
  return (
    <div
      {...common}
      className={classes.filter(Boolean).join(' ')}
      data-uid={video.uid}
      onClick={onClick}
      onPointerDown={draggable ? (event) => events.pointerDown(event, video.uid) : undefined}
    >
      <input
        type="checkbox"
        aria-label={`Select ${title}`}
        checked={selected}
        onClick={(event) => event.stopPropagation()}
        onChange={() => selection.getState().click(index, store.getState().rows, 'toggle')}
      />
      <Thumbnail video={video} />
      <div className="video-main">
        {renaming ? (
          <RenameField video={video} title={title} done={events.renamed} />
        ) : (
          <a
            className="video-name"
            href={routeHref({ screen: 'video', uid: video.uid })}
            title={title}
            draggable={false}
            {...nameClick}
          >
            {title}
          </a>
        )}
        <span className="video-source">
          {sourceLabel(video)}
          {bytes && <> · {bytes}</>}
        </span>
        <RowError video={video} />
      </div>
      {/* The Added and Size columns, under their sort headers (hidden where the window is narrow: the size is in the source line). */}
      <span className="video-facts" aria-hidden="true">
        <span title={addedTitle(video.created)}>{addedText(video.created)}</span>
        <span>{video.size >= 0 ? formatBytes(video.size) : '—'}</span>
      </span>
      <RowProgress video={video} />
      <RowDeliveries video={video} />
      <RowActions
        uid={video.uid}
        state={video.status.state}
        title={title}
        url={video.source.url}
        playable={video.playable}
      />
    </div>
  );
});
