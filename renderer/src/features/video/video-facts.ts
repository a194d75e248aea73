/** How the video's page writes its facts: sizes of pictures, bitrates, dates, unknowns (-1 or null). Pure. */
import { formatBytes, formatDuration } from '../../../../shared/format-units';
import type { VideoEvent } from '../../../../shared/api';
import type { TopRendition, Video } from '../../../../shared/video';

export const unknown = 'Not known yet';

export function frameSize(size: { width: number; height: number }): string {
  return size.width > 0 && size.height > 0 ? `${size.width}×${size.height}` : unknown;
}

/** Bits per second as kbit/s or Mbit/s (a rendition's bandwidth). */
export function bitrate(bitsPerSecond: number): string {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) return unknown;
  if (bitsPerSecond >= 1_000_000) return `${(bitsPerSecond / 1_000_000).toFixed(1)} Mbit/s`;
  return `${Math.round(bitsPerSecond / 1000)} kbit/s`;
}

/** How the top rendition was made, as the details say it; null before the video is transcoded. */
export function topRenditionText(top: TopRendition | undefined): string | null {
  if (!top) return null;
  return top.original ? `Original, not re-encoded: ${top.why}` : `Re-encoded: ${top.why}`;
}

/** A rung of the player's quality menu: `720p · 2.4 Mbit/s`. */
export const rungLabel = (rung: { height: number; bitrate: number }): string =>
  [rung.height > 0 ? `${rung.height}p` : null, rung.bitrate > 0 ? bitrate(rung.bitrate) : null]
    .filter(Boolean)
    .join(' · ') || 'Unnamed rendition';

export const duration = (seconds: number): string => (seconds >= 0 ? formatDuration(seconds) : unknown);
export const bytes = (size: number): string => (size >= 0 ? formatBytes(size) : unknown);
export const when = (iso: string | null, format: (iso: string) => string): string => (iso ? format(iso) : '—');

const lastPart = (path: string): string => path.split(/[\\/]/).pop() ?? '';

/**
 * Where the video came from: its link, or its file's original name. An upload is kept under its
 * uid (and a caller of ferry serve sees no path at all): its name is the one it was uploaded with.
 */
export function sourceText(video: Video): string {
  if (video.source.kind === 'url') return video.source.url ?? unknown;
  const file = lastPart(video.source.path ?? '');
  if (file !== '' && file !== video.uid) return file;
  return video.meta.name || 'An upload without a name';
}

/** The last ffmpeg log tail in the history (the one of the latest failure), or null when ffmpeg left none. */
export function ffmpegTail(events: readonly VideoEvent[]): string | null {
  const last = events.findLast(
    (event) => event.type === 'ffmpeg-stderr' && typeof event.data.tail === 'string' && event.data.tail !== '',
  );
  return last ? String(last.data.tail) : null;
}

/** A player's clock: `0:07`, `12:34`, `1:02:03`. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
