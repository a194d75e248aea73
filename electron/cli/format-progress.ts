/** One terminal line per video while `ferry ingest` runs. Pure. */
import type { Video } from '../../shared/video';
import { describeSource } from './format-video';

const stateWords: Record<Video['status']['state'], string> = {
  queued: 'queued',
  downloading: 'downloading',
  inprogress: 'processing',
  ready: 'ready',
  error: 'failed',
  paused: 'paused',
  canceled: 'canceled',
};

function describe(video: Video): string {
  const { state, step } = video.status;
  if (state === 'inprogress') return step === 'probe' ? 'checking' : 'transcoding';
  if (state === 'queued' && step === 'transcode') return 'waiting to transcode';
  if (state === 'ready' && step === 'deliver') return 'ready, delivering';
  return stateWords[state];
}

export function progressBar(pct: number, width: number): string {
  const filled = Math.round((Math.max(0, Math.min(100, pct)) / 100) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export function formatProgressLine(video: Video, columns = 80): string {
  // A link not named yet reads as its link (its end, where the file's name is), never as its uid.
  const name = video.meta.name ?? describeSource(video);
  const { state, pctComplete, errorReasonCode, errorReasonText } = video.status;
  if (state === 'error') return `${name}  failed: ${errorReasonCode ?? ''} ${errorReasonText ?? ''}`.trim();
  const undelivered = state === 'ready' ? video.deliveries.find((d) => d.state === 'error') : undefined;
  if (undelivered) return `${name}  ready, but delivery failed: ${undelivered.errorReasonCode} ${undelivered.error}`;
  const pct = state === 'ready' ? 100 : pctComplete;
  const tail = ` ${progressBar(pct, 24)} ${String(Math.floor(pct)).padStart(3)}%  ${describe(video)}`;
  const room = Math.max(8, columns - tail.length - 1);
  const shown = name.length > room ? `…${name.slice(-(room - 1))}` : name.padEnd(room);
  return `${shown}${tail}`;
}
