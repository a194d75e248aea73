/** Human-readable forms of videos and of the queue for the terminal. Pure. */
import type { QueueTotals } from '../../shared/api';
import { formatBytes, formatDuration } from '../../shared/format-units';
import { formatSeconds } from '../../shared/trim';
import type { Video } from '../../shared/video';
import { unfinishedCount, workingStates, type VideoState } from '../../shared/video-states';
import { deliveriesCell, deliveryLines, type TargetNames } from './format-deliveries';
import { formatColumns } from './format-columns';

export function describeSource(video: Video): string {
  return video.source.url ?? video.source.path ?? '';
}

/** Download speed while downloading; blank otherwise, so that a stale figure never shows. */
export function formatSpeed(video: Video): string {
  const speed = video.status.bytesPerSecond;
  return video.status.state === 'downloading' && speed !== undefined && speed >= 0 ? `${formatBytes(speed)}/s` : '';
}

/** Time left in the current working state, or how long until an automatic retry. */
export function formatEta(video: Video, now: number): string {
  const { nextAttemptAt, etaSeconds, state } = video.status;
  const retryAt = nextAttemptAt ? Date.parse(nextAttemptAt) : NaN;
  if (retryAt > now) return `retry in ${formatDuration(Math.ceil((retryAt - now) / 1000))}`;
  if (workingStates.includes(state) && etaSeconds !== undefined && etaSeconds >= 0) return formatDuration(etaSeconds);
  return '';
}

/** A DELIVERY column shows when any of the videos has deliveries. */
export function formatVideoTable(videos: readonly Video[], now = Date.now(), names: TargetNames = new Map()): string {
  const delivering = videos.some((v) => v.deliveries.length > 0);
  const rows = videos.map((v) => [
    v.uid,
    v.status.state,
    v.status.step ?? '',
    `${Math.round(v.status.pctComplete)}%`,
    formatSpeed(v),
    formatEta(v, now),
    ...(delivering ? [deliveriesCell(v, names)] : []),
    v.meta.name ?? describeSource(v),
  ]);
  const header = ['UID', 'STATE', 'STAGE', 'PCT', 'SPEED', 'ETA', ...(delivering ? ['DELIVERY'] : []), 'NAME'];
  return formatColumns(header, rows);
}

/** The order people read a queue in: outcomes first, then the work still to do. */
const countOrder: readonly VideoState[] = [
  'ready',
  'error',
  'downloading',
  'inprogress',
  'queued',
  'paused',
  'canceled',
];
const countWords: Partial<Record<VideoState, string>> = { error: 'failed', inprogress: 'processing' };

/** "2 ready, 1 failed, 3 queued": the states that have videos, in reading order. */
export function describeCounts(byState: Partial<Record<VideoState, number>>): string {
  return countOrder
    .filter((state) => (byState[state] ?? 0) > 0)
    .map((state) => `${byState[state]} ${countWords[state] ?? state}`)
    .join(', ');
}

/** What the queue as a whole is doing, in one line: counts, speed, time left and why it may be stopped. */
export function formatQueueTotals(totals: QueueTotals): string {
  const counts = describeCounts(totals.byState);
  const parts = [`${totals.total} video${totals.total === 1 ? '' : 's'}${counts ? `: ${counts}` : ''}`];
  if (totals.bytesPerSecond > 0) parts.push(`${formatBytes(totals.bytesPerSecond)}/s`);
  const waiting = unfinishedCount(totals.byState);
  if (waiting > 0 && totals.etaSeconds > 0) parts.push(`about ${formatDuration(totals.etaSeconds)} left`);
  parts.push(...queueNotices(totals));
  return parts.join(' · ');
}

/** Why the queue takes no new work, if it does not; each notice says how to change it. */
export function queueNotices(totals: QueueTotals): string[] {
  const notices: string[] = [];
  const { disk } = totals.queue;
  if (disk?.kind === 'full') notices.push(`queue paused: ${disk.message}`);
  else if (totals.queue.paused) notices.push('queue paused: nothing new starts (resume with: ferry resume --queue)');
  else if (totals.queue.stopAfterCurrent) notices.push('queue pauses after the current work');
  if (disk?.kind === 'low') notices.push(`low disk space: ${disk.message}`);
  else if (totals.queue.lowDiskSpace) notices.push('low disk space: nothing new starts until there is room');
  if (totals.queue.downloadsWaitUntil)
    notices.push(
      `links wait for the download hours (from ${totals.queue.downloadsWaitUntil}; change with: ferry settings download.hours)`,
    );
  return notices;
}

export function formatVideoDetails(video: Video, names: TargetNames = new Map()): string {
  const lines: [string, string][] = [
    ['uid', video.uid],
    ['name', video.meta.name ?? ''],
    ['state', `${video.status.state} (${Math.round(video.status.pctComplete)}%, stage ${video.status.step ?? '-'})`],
    ['source', describeSource(video)],
    ['created', video.created],
    ['modified', video.modified],
    ['duration', video.duration < 0 ? 'unknown' : `${video.duration.toFixed(2)} s`],
    ['size', video.size < 0 ? 'unknown' : `${video.size} bytes`],
    ['input', video.input.width < 0 ? 'unknown' : `${video.input.width}x${video.input.height}`],
  ];
  if (video.trim)
    lines.push(['trim', `${formatSeconds(video.trim.start)} to ${formatSeconds(video.trim.end)} of the source`]);
  if (video.clippedFrom) lines.push(['clipped from', video.clippedFrom]);
  if (video.status.errorReasonCode)
    lines.push(['error', `${video.status.errorReasonCode}: ${video.status.errorReasonText ?? ''}`]);
  if (video.playback) lines.push(['hls', video.playback.hls], ['dash', video.playback.dash]);
  if (video.downloads) lines.push(['mp4', video.downloads.default]);
  if (video.thumbnail) lines.push(['thumbnail', video.thumbnail]);
  lines.push(...deliveryLines(video, names));
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
