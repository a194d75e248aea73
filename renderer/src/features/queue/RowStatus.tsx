/**
 * What a row says about a video's progress: its state, a bar and percentage while it works,
 * speed and time left when known, and a chip per delivery. A download that stopped part-way
 * (paused, or back in the queue after "Pause all") keeps its bar and bytes; a queued video says
 * why it does not start while the queue is held. Numbers are in tabular figures in boxes of
 * fixed width, so a changing percentage never moves anything around it.
 */
import { formatBytes, formatDuration } from '../../../../shared/format-units';
import { useContext } from 'react';
import { useStore } from 'zustand';
import type { QueueControl } from '../../../../shared/api';
import type { Delivery, Video } from '../../../../shared/video';
import { useQueue } from './queue-context';
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

/** A download stopped part-way: its bytes are on disk, and it goes on from there. */
export function stoppedDownload(video: Video): boolean {
  const { state, step, pctComplete } = video.status;
  return (state === 'paused' || state === 'queued') && step === 'fetch' && pctComplete > 0;
}

/**
 * "6.5 of 120 MiB, 5%" for a download stopped part-way (the unit said once when both share it);
 * only the percentage when its size is unknown.
 */
export function downloadedText(video: Video): string {
  const pct = `${Math.round(video.status.pctComplete)}%`;
  if (video.size <= 0) return pct;
  const done = formatBytes((video.size * Math.min(100, video.status.pctComplete)) / 100);
  const total = formatBytes(video.size);
  const unit = total.slice(total.indexOf(' '));
  const doneText = done.endsWith(unit) ? done.slice(0, -unit.length) : done;
  return `${doneText} of ${total}, ${pct}`;
}

/** Why a queued video does not start now, when the queue is held; null when it is not. */
export function heldReason(queue: QueueControl | undefined): string | null {
  if (!queue) return null;
  if (queue.paused) return 'queue paused';
  if (queue.lowDiskSpace) return 'disk almost full';
  if (queue.stopAfterCurrent) return 'queue stopping';
  return null;
}

/** The queue's switches as one string, so a row renders again only when they change, not with every tick of the totals. */
function useHeldReason(): string | null {
  const { store } = useQueue();
  return useStore(store, (s) => heldReason(s.totals?.queue));
}

export function RowProgress({ video }: { video: Video }) {
  const { state, pctComplete } = video.status;
  const held = useHeldReason();
  const working = state === 'downloading' || state === 'inprogress';
  const stopped = stoppedDownload(video);
  const pct = Math.round(pctComplete);
  const paceText = working ? pace(video) : stopped ? downloadedText(video) : null;
  const note = state === 'queued' ? held : null;
  return (
    <div className={`video-progress${stopped ? ' stopped' : ''}`}>
      <span className="progress-line">
        <span className="state-text" title={note ? `${stateLabels[state]} · ${note}` : undefined}>
          <span className="video-state">{stateLabels[state]}</span>
          {note && <span className="state-note"> · {note}</span>}
        </span>
        {working && <span className="pct">{pct}%</span>}
      </span>
      {(working || stopped) && (
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
      {paceText && (
        <span className="speed" title={paceText}>
          {paceText}
        </span>
      )}
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
