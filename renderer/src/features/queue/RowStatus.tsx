/**
 * What a row says about a video's progress: its state, a bar and percentage while it works,
 * speed and time left when known, and a chip per delivery. Numbers are in tabular figures in
 * boxes of fixed width, so a changing percentage never moves anything around it.
 */
import { formatBytes, formatDuration } from '../../../../shared/format-units';
import { useContext } from 'react';
import type { Delivery, Video } from '../../../../shared/video';
import { targetNamesContext } from './target-names';
import { stateLabels } from './video-text';

/** "2.0 MiB/s · 1m 05s left", or as much of it as is known; null when nothing is. */
function pace(video: Video): string | null {
  const { state, bytesPerSecond, etaSeconds } = video.status;
  const parts = [
    state === 'downloading' && bytesPerSecond !== undefined && `${formatBytes(bytesPerSecond)}/s`,
    etaSeconds !== undefined && etaSeconds >= 0 && `${formatDuration(etaSeconds)} left`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function RowProgress({ video }: { video: Video }) {
  const { state, pctComplete } = video.status;
  const working = state === 'downloading' || state === 'inprogress';
  const pct = Math.round(pctComplete);
  const paceText = working ? pace(video) : null;
  return (
    <div className="video-progress">
      <span className="progress-line">
        <span className="video-state">{stateLabels[state]}</span>
        {working && <span className="pct">{pct}%</span>}
      </span>
      {working && (
        // Not a <progress>: its native look is repainted whole on every change; this fill is
        // only moved by the compositor (a transform), and lays out nothing.
        <span
          className="bar"
          role="progressbar"
          aria-label={`${stateLabels[state]} ${pct}%`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <span
            className="bar-fill"
            style={{ transform: `scaleX(${Math.min(100, Math.max(0, pctComplete)) / 100})` }}
          />
        </span>
      )}
      {paceText && <span className="speed">{paceText}</span>}
    </div>
  );
}

/** Always in place (empty without deliveries), so the row's columns line up with its neighbours'. */
export function RowDeliveries({ video }: { video: Video }) {
  const names = useContext(targetNamesContext);
  if (video.deliveries.length === 0) return <span className="chips" />;
  return (
    <ul className="chips" aria-label="Deliveries">
      {video.deliveries.map((d) => (
        <li key={d.target} className={`chip delivery-${d.state}`} title={d.error ?? d.notice}>
          {names.get(d.target) ?? d.target}: {deliveryWords[d.state]}
          {d.state === 'uploading' && ` ${Math.round(d.pctComplete)}%`}
        </li>
      ))}
    </ul>
  );
}

/** A chip's word for where a delivery is (the video page says it at length). */
const deliveryWords: Record<Delivery['state'], string> = {
  queued: 'queued',
  uploading: 'uploading',
  processing: 'processing',
  ready: 'delivered',
  error: 'failed',
};
