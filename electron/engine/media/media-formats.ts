/**
 * Which demuxers ffprobe and ffmpeg may use. Passed as `-format_whitelist` so that a playlist
 * disguised as a video (an .m3u8 renamed .mp4) is never opened: the hls, dash and concat
 * demuxers can pull other files into the output.
 */

/** Containers Ferry takes as a video's original (Gcore's list and more). */
export const videoFormats = [
  'mov', // mp4, mov, m4v, 3gp, 3g2
  'matroska', // mkv, webm
  'avi',
  'flv',
  'mpegts', // ts, mts, m2ts
  'mpeg', // mpeg program stream, vob
  'mpegvideo',
  'asf', // wmv
  'ogg', // ogv
  'mxf',
  'gif',
  'h264',
  'hevc',
  'm4v',
  'dv',
  'nut',
  'ivf',
] as const;

/** Formats ffprobe may open only so that Ferry can say what a non-video file is. */
const stillAndAudioFormats = [
  'image2',
  'jpeg_pipe',
  'png_pipe',
  'webp_pipe',
  'bmp_pipe',
  'tiff_pipe',
  'wav',
  'mp3',
  'flac',
  'aac',
] as const;

export const probeFormatWhitelist = [...videoFormats, ...stillAndAudioFormats].join(',');

/** ffprobe's format_name lists every name of its demuxer ("mov,mp4,m4a,3gp,3g2,mj2"). */
export function isVideoFormat(formatName: string): boolean {
  return formatName.split(',').some((name) => (videoFormats as readonly string[]).includes(name));
}
