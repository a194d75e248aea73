/**
 * Rewrites the HLS playlists that ffmpeg's dash muxer writes beside the MPD. ffmpeg's master
 * takes BANDWIDTH from the configured bitrate; Apple requires the measured peak, so Ferry
 * measures every segment and writes its own master (BANDWIDTH = peak segment bit rate,
 * AVERAGE-BANDWIDTH = mean, plus RESOLUTION, CODECS, FRAME-RATE). The media playlists lose the
 * wall-clock PROGRAM-DATE-TIME lines ffmpeg adds and are marked VOD. Pure.
 */

export interface HlsInput {
  /** ffmpeg's master.m3u8. */
  master: string;
  /** Each media playlist's text by its file name (media_0.m3u8 …). */
  playlists: Record<string, string>;
  /** Size in bytes of each segment file named in the playlists. */
  segmentBytes: Record<string, number>;
  fps: number;
}

export interface HlsVariant {
  uri: string;
  width: number;
  height: number;
  codecs: string;
  bandwidth: number;
  averageBandwidth: number;
}

export interface HlsOutput {
  master: string;
  playlists: Record<string, string>;
  variants: HlsVariant[];
}

interface Segment {
  duration: number;
  uri: string;
}

export function attributes(line: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of line.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) {
    found.set(match[1] as string, (match[2] as string).replace(/^"|"$/g, ''));
  }
  return found;
}

export function mediaSegments(playlist: string): Segment[] {
  const lines = playlist.split('\n').map((l) => l.trim());
  const segments: Segment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const extinf = /^#EXTINF:([\d.]+)/.exec(lines[i] as string);
    if (!extinf) continue;
    const uri = lines.slice(i + 1).find((l) => l !== '' && !l.startsWith('#'));
    if (uri) segments.push({ duration: Number(extinf[1]), uri });
  }
  return segments;
}

/** Peak and average bit rate of a media playlist, from the real size of its segments. */
export function measure(segments: Segment[], segmentBytes: Record<string, number>): { peak: number; average: number } {
  let peak = 0;
  let bytes = 0;
  let seconds = 0;
  for (const segment of segments) {
    const size = segmentBytes[segment.uri];
    if (size === undefined) throw new Error(`Segment ${segment.uri} is listed but missing.`);
    bytes += size;
    seconds += segment.duration;
    // A very short last segment says little about the peak; count it at least as one second.
    peak = Math.max(peak, (size * 8) / Math.max(segment.duration, Math.min(1, seconds)));
  }
  const average = seconds > 0 ? Math.ceil((bytes * 8) / seconds) : 0;
  // The short last segment counted as a second can leave every segment's rate under the mean;
  // a peak is never below the average (hls.js and Apple's validator read them so).
  return { peak: Math.max(Math.ceil(peak), average), average };
}

export function cleanMediaPlaylist(playlist: string): string {
  const lines = playlist.split('\n').filter((l) => !l.startsWith('#EXT-X-PROGRAM-DATE-TIME'));
  if (!lines.some((l) => l.startsWith('#EXT-X-PLAYLIST-TYPE'))) {
    const at = lines.findIndex((l) => l.startsWith('#EXT-X-VERSION'));
    lines.splice(at + 1, 0, '#EXT-X-PLAYLIST-TYPE:VOD');
  }
  return lines.join('\n');
}

export function writeHlsMaster(input: HlsInput): HlsOutput {
  const lines = input.master.split('\n').map((l) => l.trim());
  const audioLine = lines.find((l) => l.startsWith('#EXT-X-MEDIA:') && l.includes('TYPE=AUDIO'));
  const audioUri = audioLine ? attributes(audioLine).get('URI') : undefined;
  const audio = audioUri
    ? measure(mediaSegments(input.playlists[audioUri] ?? ''), input.segmentBytes)
    : { peak: 0, average: 0 };

  const variants: HlsVariant[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const attrs = attributes(line);
    const uri = lines.slice(i + 1).find((l) => l !== '' && !l.startsWith('#'));
    if (!uri) return;
    const [width = 0, height = 0] = (attrs.get('RESOLUTION') ?? '0x0').split('x').map(Number);
    const video = measure(mediaSegments(input.playlists[uri] ?? ''), input.segmentBytes);
    variants.push({
      uri,
      width,
      height,
      codecs: attrs.get('CODECS') ?? '',
      bandwidth: video.peak + audio.peak,
      averageBandwidth: video.average + audio.average,
    });
  });
  variants.sort((a, b) => b.bandwidth - a.bandwidth);
  const playlists = Object.fromEntries(
    Object.entries(input.playlists).map(([name, text]) => [name, cleanMediaPlaylist(text)]),
  );
  return { master: masterPlaylist(variants, audioUri, input.fps), playlists, variants };
}

/** The master playlist's text for these variants (sorted, highest BANDWIDTH first), with their audio rendition. */
export function masterPlaylist(variants: readonly HlsVariant[], audioUri: string | undefined, fps: number): string {
  const out = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  if (audioUri) {
    out.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Audio",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="${audioUri}"`,
    );
  }
  for (const v of [...variants].sort((a, b) => b.bandwidth - a.bandwidth)) {
    const audioGroup = audioUri ? ',AUDIO="audio"' : '';
    out.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},AVERAGE-BANDWIDTH=${v.averageBandwidth},RESOLUTION=${v.width}x${v.height},` +
        `FRAME-RATE=${fps.toFixed(3)},CODECS="${v.codecs}"${audioGroup}`,
      v.uri,
    );
  }
  return `${out.join('\n')}\n`;
}
