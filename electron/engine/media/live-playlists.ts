/**
 * What a player is given while the ladder is still being encoded, made from what ffmpeg's dash
 * muxer has written so far. Media playlists become HLS `EVENT` playlists (segments are only ever
 * appended) without the end tag, so a player starts at the beginning and keeps reloading; the
 * master declares each rung's bitrate cap, as no segment has been measured yet (the final master
 * is measured, write-hls-master.ts). Pure.
 */
import type { LadderPlan } from './plan-ladder';
import { attributes, masterPlaylist, mediaSegments, type HlsVariant } from './write-hls-master';

/** ffmpeg's media playlist as a growing EVENT playlist: never ENDLIST, whatever ffmpeg wrote. */
export function livePlaylist(ffmpegPlaylist: string): string {
  const lines = ffmpegPlaylist
    .split('\n')
    .filter(
      (l) =>
        !l.startsWith('#EXT-X-PROGRAM-DATE-TIME') &&
        !l.startsWith('#EXT-X-ENDLIST') &&
        !l.startsWith('#EXT-X-PLAYLIST-TYPE'),
    );
  const at = lines.findIndex((l) => l.startsWith('#EXT-X-VERSION'));
  lines.splice(at + 1, 0, '#EXT-X-PLAYLIST-TYPE:EVENT');
  return lines.join('\n');
}

/** The files a media playlist needs: its init segment (EXT-X-MAP), then its media segments in order. */
export function playlistFiles(playlist: string): { init: string | undefined; segments: string[] } {
  const map = playlist.split('\n').find((l) => l.startsWith('#EXT-X-MAP:'));
  return { init: map ? attributes(map).get('URI') : undefined, segments: mediaSegments(playlist).map((s) => s.uri) };
}

/**
 * The master over the live media playlists: ffmpeg's variants (resolution, codecs) with the
 * plan's caps as BANDWIDTH and its target rates as AVERAGE-BANDWIDTH. Variants are matched to
 * rungs by their playlist (media_<i>.m3u8 is the i-th rung, as the ffmpeg command maps them).
 */
export function liveMaster(ffmpegMaster: string, plan: LadderPlan): string {
  const lines = ffmpegMaster.split('\n').map((l) => l.trim());
  const audioLine = lines.find((l) => l.startsWith('#EXT-X-MEDIA:') && l.includes('TYPE=AUDIO'));
  const audioUri = audioLine ? attributes(audioLine).get('URI') : undefined;
  const audioBits = plan.audio ? plan.audio.kbps * 1000 : 0;
  const variants: HlsVariant[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const uri = lines.slice(i + 1).find((l) => l !== '' && !l.startsWith('#'));
    const rung = plan.rungs[Number(/^media_(\d+)\.m3u8$/.exec(uri ?? '')?.[1] ?? -1)];
    if (!uri || !rung) return;
    variants.push({
      uri,
      width: rung.width,
      height: rung.height,
      codecs: attributes(line).get('CODECS') ?? '',
      bandwidth: rung.maxKbps * 1000 + audioBits,
      averageBandwidth: rung.videoKbps * 1000 + audioBits,
    });
  });
  return masterPlaylist(variants, audioUri, plan.fps);
}

/** The MPD while it is still `dynamic`; the final (static) one is only published with the finished folder. */
export const isDynamicMpd = (mpd: string): boolean => /\btype="dynamic"/.test(mpd);
