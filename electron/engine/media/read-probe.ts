/**
 * Turns ffprobe's JSON into what Ferry needs to know about a source, or into the error code a
 * user sees. Pure: probe-media.ts runs ffprobe, this decides.
 */
import type { ErrorCode } from '../../../shared/error-codes';
import type { AudioStreamFacts, MediaInfo, VideoStreamFacts } from '../../../shared/media-info';
import { isVideoFormat } from './media-formats';

export interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  level?: number;
  pix_fmt?: string;
  bit_rate?: string;
  field_order?: string;
  channels?: number;
  sample_rate?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_aspect_ratio?: string;
  duration?: string;
  nb_frames?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number | string }[];
}

export interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; size?: string; bit_rate?: string };
}

export interface Limits {
  maxDurationSeconds?: number;
}

export type ProbeVerdict = { ok: true; info: MediaInfo } | { ok: false; code: ErrorCode; text: string };

export const minimumDurationSeconds = 0.1;

const stillCodecs = ['mjpeg', 'png', 'bmp', 'webp', 'tiff', 'gif', 'jpeg2000'];

function rational(text: string | undefined): number {
  const [num, den] = (text ?? '').split(/[/:]/).map(Number);
  if (num === undefined || !Number.isFinite(num)) return NaN;
  if (den === undefined) return num;
  return den === 0 ? NaN : num / den;
}

function rotationOf(stream: FfprobeStream): number {
  const fromSideData = stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  const degrees = Number(fromSideData ?? stream.tags?.rotate ?? 0);
  return Number.isFinite(degrees) ? ((Math.round(degrees) % 360) + 360) % 360 : 0;
}

function videoFacts(video: FfprobeStream, probe: FfprobeOutput, audio: FfprobeStream | undefined): VideoStreamFacts {
  // Matroska and MPEG-TS give no per-stream rate: the file's, less the sound's, is close enough.
  const own = Number(video.bit_rate ?? NaN);
  const whole = Number(probe.format?.bit_rate ?? NaN) - Number(audio?.bit_rate ?? 0);
  const bitRate = Number.isFinite(own) && own > 0 ? own : Number.isFinite(whole) && whole > 0 ? whole : -1;
  return {
    profile: video.profile ?? '',
    level: typeof video.level === 'number' ? video.level : -1,
    pixelFormat: video.pix_fmt ?? '',
    bitRate: Math.round(bitRate),
    sampleAspectRatio: video.sample_aspect_ratio ?? '',
    fieldOrder: video.field_order ?? '',
  };
}

function audioFacts(audio: FfprobeStream): AudioStreamFacts {
  return {
    profile: audio.profile ?? '',
    channels: audio.channels ?? -1,
    sampleRate: Number(audio.sample_rate ?? -1),
  };
}

export function readProbe(probe: FfprobeOutput, limits: Limits = {}): ProbeVerdict {
  const formatName = probe.format?.format_name ?? '';
  const streams = probe.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');

  if (/(^|,)(hls|dash|applehttp)(,|$)/.test(formatName)) {
    return {
      ok: false,
      code: 'ERR_STREAMING_MANIFEST',
      text: 'This is a streaming playlist (HLS or DASH), not a video file. Give Ferry the original video instead.',
    };
  }
  if (!video) {
    return audio
      ? {
          ok: false,
          code: 'ERR_NON_VIDEO',
          text: 'This file has sound but no picture. Ferry needs a file with a video track.',
        }
      : { ok: false, code: 'ERR_NON_VIDEO', text: 'This file has no video track. Ferry needs a video file.' };
  }
  const frames = Number(video.nb_frames ?? NaN);
  if (!isVideoFormat(formatName) || (stillCodecs.includes(video.codec_name ?? '') && !(frames > 1))) {
    return {
      ok: false,
      code: 'ERR_NON_VIDEO',
      text: `This is a still image (${video.codec_name ?? formatName}), not a video. Ferry needs a video file.`,
    };
  }

  const duration = Math.max(rational(probe.format?.duration), rational(video.duration));
  if (!Number.isFinite(duration)) {
    return {
      ok: false,
      code: 'ERR_MALFORMED_VIDEO',
      text: 'The video has no readable duration: the file is damaged or incomplete.',
    };
  }
  if (duration < minimumDurationSeconds) {
    return {
      ok: false,
      code: 'ERR_DURATION_TOO_SHORT',
      text: `The video is ${duration.toFixed(3)} s long; Ferry needs at least ${minimumDurationSeconds} s.`,
    };
  }
  if (
    limits.maxDurationSeconds !== undefined &&
    limits.maxDurationSeconds > 0 &&
    duration > limits.maxDurationSeconds
  ) {
    return {
      ok: false,
      code: 'ERR_DURATION_EXCEED_CONSTRAINT',
      text: `The video is ${duration.toFixed(1)} s long, over the limit of ${limits.maxDurationSeconds} s set for it.`,
    };
  }

  const codedWidth = video.width ?? 0;
  const codedHeight = video.height ?? 0;
  if (codedWidth <= 0 || codedHeight <= 0) {
    return {
      ok: false,
      code: 'ERR_MALFORMED_VIDEO',
      text: 'The video track has no picture size: the file is damaged.',
    };
  }
  const sar = rational(video.sample_aspect_ratio);
  // A ratio that squeezes the picture under one pixel (1:255 on a narrow frame) is no more use than none.
  const stretched = Number.isFinite(sar) && sar > 0 ? Math.round(codedWidth * sar) : 0;
  const stretchedWidth = stretched >= 1 ? stretched : codedWidth;
  const rotation = rotationOf(video);
  const sideways = rotation === 90 || rotation === 270;
  const avg = rational(video.avg_frame_rate);
  const real = rational(video.r_frame_rate);
  const fps = Number.isFinite(avg) && avg > 0 ? avg : Number.isFinite(real) && real > 0 ? real : 30;

  return {
    ok: true,
    info: {
      formatName,
      duration,
      size: Number(probe.format?.size ?? -1),
      width: sideways ? codedHeight : stretchedWidth,
      height: sideways ? stretchedWidth : codedHeight,
      rotation,
      frameRate: Number.isFinite(avg) && avg > 0 ? (video.avg_frame_rate as string) : `${Math.round(fps)}/1`,
      fps,
      variableFrameRate: Number.isFinite(avg) && Number.isFinite(real) && Math.abs(avg - real) > 0.01,
      videoCodec: video.codec_name ?? 'unknown',
      audioCodec: audio?.codec_name ?? null,
      video: videoFacts(video, probe, audio),
      ...(audio ? { audio: audioFacts(audio) } : {}),
    },
  };
}
