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
  /**
   * What decides whether the video can be copied as it is (media/plan-passthrough.ts). Optional:
   * a probe stored by an older Ferry lacks them, and then the video is encoded.
   */
  video?: VideoStreamFacts;
  audio?: AudioStreamFacts;
}

export interface VideoStreamFacts {
  /** ffprobe's profile name ("High", "Main", "Constrained Baseline", "High 10"…), '' when unknown. */
  profile: string;
  /** ffprobe's level (41 for H.264 4.1; 123 for HEVC 4.1), -1 when unknown. */
  level: number;
  pixelFormat: string;
  /** Of the video stream alone, bits per second; -1 when unknown. */
  bitRate: number;
  /** Of the coded picture, as ffprobe writes it ("1:1"), '' when unknown. */
  sampleAspectRatio: string;
  /** "progressive", "tt", "bb"… ('' when unknown). */
  fieldOrder: string;
}

export interface AudioStreamFacts {
  /** "LC", "HE-AAC"… ('' when unknown). */
  profile: string;
  channels: number;
  sampleRate: number;
}
