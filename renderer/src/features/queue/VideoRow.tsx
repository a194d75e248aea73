/**
 * One row of the queue. It reads its own video and its own selection by uid, so a change to
 * another video (or another row's selection) does not render it again. Fixed height, so progress
 * never shifts the layout.
 */
import { memo, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import type { Video } from '../../../../shared/video';
import { routeHref } from '../../app/route';
import { useQueue } from './queue-context';
import { RowActions } from './RowActions';
import { RowDeliveries, RowProgress } from './RowStatus';
import { bytesText, sourceLabel, videoTitle } from './video-text';

export const rowHeight = 72;

interface RowProps {
  uid: string | undefined;
  index: number;
  setSize: number;
  top: number;
  focused: boolean;
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

export const VideoRow = memo(function VideoRow({ uid, index, setSize, top, focused }: RowProps) {
  const { store, selection } = useQueue();
  const video = useStore(store, (s) => (uid === undefined ? undefined : s.videos.get(uid)));
  const selected = useStore(selection, (s) => uid !== undefined && (s.all || s.selected.has(uid)));
  const common = {
    role: 'listitem',
    'data-index': index,
    'aria-posinset': index + 1,
    'aria-setsize': setSize,
    tabIndex: focused ? 0 : -1,
    style: { transform: `translateY(${top}px)`, height: rowHeight },
  } as const;
  if (!video) {
    return (
      <div {...common} className="video-row loading">
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
  return (
    <div
      {...common}
      className={`video-row state-${video.status.state}${selected ? ' selected' : ''}`}
      data-uid={video.uid}
      onClick={onClick}
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
        <a className="video-name" href={routeHref({ screen: 'video', uid: video.uid })} title={title}>
          {title}
        </a>
        <span className="video-source">
          {sourceLabel(video)}
          {bytes && <> · {bytes}</>}
        </span>
        {video.status.state === 'error' && video.status.errorReasonText && (
          <span className="video-error">{video.status.errorReasonText}</span>
        )}
      </div>
      <RowProgress video={video} />
      <RowDeliveries video={video} />
      <RowActions uid={video.uid} state={video.status.state} title={title} url={video.source.url} />
    </div>
  );
});
