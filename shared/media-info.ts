/**
 * What probing found about a video's input: its container, size, picture and codecs. Stored with
 * the video in the queue (the transcode is planned from it) and shown on a video's page.
 */
export interface MediaInfo {
  /** ffprobe's demuxer name, reused as ffmpeg's -format_whitelist. */
  formatName: string;
  duration: number;
  size: number;
  /** As displayed: rotation and pixel aspect ratio applied. */
  width: number;
  height: number;
  rotation: number;
  /** Average frame rate, as ffprobe's rational ("30000/1001") and as a number. */
  frameRate: string;
  fps: number;
  variableFrameRate: boolean;
  videoCodec: string;
  audioCodec: string | null;
}
