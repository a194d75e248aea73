/** Human-readable forms of videos for the terminal. Pure. */
import type { Video } from '../../shared/video';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function describeSource(video: Video): string {
  return video.source.url ?? video.source.path ?? '';
}

export function formatVideoTable(videos: readonly Video[]): string {
  const rows = videos.map((v) => [
    v.uid,
    v.status.state,
    v.status.step ?? '',
    `${Math.round(v.status.pctComplete)}%`,
    v.meta.name ?? describeSource(v),
  ]);
  const header = ['UID', 'STATE', 'STAGE', 'PCT', 'NAME'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  '))
    .join('\n');
}

export function formatVideoDetails(video: Video): string {
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
  if (video.status.errorReasonCode)
    lines.push(['error', `${video.status.errorReasonCode}: ${video.status.errorReasonText ?? ''}`]);
  if (video.playback) lines.push(['hls', video.playback.hls], ['dash', video.playback.dash]);
  if (video.downloads) lines.push(['mp4', video.downloads.default]);
  if (video.thumbnail) lines.push(['thumbnail', video.thumbnail]);
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `${pad(k, width)}  ${v}`).join('\n');
}
