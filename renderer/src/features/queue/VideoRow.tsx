/**
 * One row of the queue. It reads its own video and its own selection by uid, so a change to
 * another video (or another row's selection) does not render it again. Fixed height, so progress
 * never shifts the layout.
 */
import { memo, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import { formatBytes, formatDuration } from '../../../../shared/format-units';
import type { Video } from '../../../../shared/video';
import { useQueue } from './queue-context';
import { RowActions } from './RowActions';
import { sourceLabel, stateLabels, videoTitle } from './video-text';

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

function Progress({ video }: { video: Video }) {
  const { state, pctComplete, bytesPerSecond, etaSeconds } = video.status;
  const working = state === 'downloading' || state === 'inprogress';
  const pct = Math.round(pctComplete);
  return (
    <div className="video-progress">
      <span className="progress-line">
        <span className="video-state">{stateLabels[state]}</span>
        {working && <span className="pct">{pct}%</span>}
      </span>
      {working && <progress max={100} value={pctComplete} aria-label={`${stateLabels[state]} ${pct}%`} />}
      {state === 'downloading' && bytesPerSecond !== undefined && (
        <span className="speed">
          {formatBytes(bytesPerSecond)}/s
          {etaSeconds !== undefined && etaSeconds >= 0 && <> · {formatDuration(etaSeconds)} left</>}
        </span>
      )}
    </div>
  );
}

/** Always in place (empty without deliveries), so the row's columns line up with its neighbours'. */
function Deliveries({ video }: { video: Video }) {
  if (video.deliveries.length === 0) return <span className="chips" />;
  return (
    <ul className="chips" aria-label="Deliveries">
      {video.deliveries.map((d) => (
        <li key={d.target} className={`chip delivery-${d.state}`} title={d.error}>
          {d.target}: {d.state}
          {d.state === 'uploading' && ` ${Math.round(d.pctComplete)}%`}
        </li>
      ))}
    </ul>
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
    // The row's own buttons and checkbox do their own thing.
    if (event.target instanceof Element && event.target.closest('button, input')) return;
    const mode = event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only';
    selection.getState().click(index, store.getState().rows, mode);
  };
  const title = videoTitle(video);
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
        <span className="video-name" title={title}>
          {title}
        </span>
        <span className="video-source">
          {sourceLabel(video)}
          {video.size >= 0 && <> · {formatBytes(video.size)}</>}
        </span>
        {video.status.state === 'error' && video.status.errorReasonText && (
          <span className="video-error">{video.status.errorReasonText}</span>
        )}
      </div>
      <Progress video={video} />
      <Deliveries video={video} />
      <RowActions video={video} />
    </div>
  );
});
