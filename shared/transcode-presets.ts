/**
 * How a ladder is encoded, as a HandBrake user chooses it: a speed/quality preset (x264's preset
 * and constant rate factor, the "RF" of HandBrake's quality slider), the codec, and whether each
 * title gets its own bitrate caps. Shared so the UI shows the same names and numbers the engine
 * uses. Pure.
 */

export const qualityPresets = ['fast', 'balanced', 'quality', 'veryslow'] as const;
export type QualityPreset = (typeof qualityPresets)[number];

export const videoCodecs = ['h264', 'hevc', 'av1'] as const;
export type VideoCodec = (typeof videoCodecs)[number];

/** `per-title`: a short analysis of each video picks its rungs' caps; `fixed`: the same bitrates for every video. */
export const ladderModes = ['per-title', 'fixed'] as const;
export type LadderMode = (typeof ladderModes)[number];

export interface TranscodeChoice {
  ladder: LadderMode;
  preset: QualityPreset;
  codec: VideoCodec;
}

export const defaultTranscodeChoice: TranscodeChoice = { ladder: 'per-title', preset: 'balanced', codec: 'h264' };

export interface PresetSpec {
  label: string;
  /** x264's (and x265's) --preset. */
  x264Preset: 'superfast' | 'veryfast' | 'medium' | 'slow' | 'veryslow';
  /** x264's constant rate factor (HandBrake's RF); the other codecs take their equivalent. */
  crf: number;
}

/** The same x264 presets and RF values as HandBrake's general presets (Very Fast, Fast, HQ, Super HQ). */
export const presetSpecs: Readonly<Record<QualityPreset, PresetSpec>> = {
  fast: { label: 'Fast', x264Preset: 'superfast', crf: 23 },
  balanced: { label: 'Balanced', x264Preset: 'veryfast', crf: 22 },
  quality: { label: 'Quality', x264Preset: 'slow', crf: 20 },
  veryslow: { label: 'Very slow', x264Preset: 'veryslow', crf: 18 },
};

export interface CodecSpec {
  label: string;
  /** The ffmpeg encoder the ladder needs for this codec. */
  encoder: string;
}

export const codecSpecs: Readonly<Record<VideoCodec, CodecSpec>> = {
  h264: { label: 'H.264 (plays everywhere)', encoder: 'libx264' },
  hevc: { label: 'HEVC / H.265 (smaller; Safari, Edge, most TVs and phones)', encoder: 'libx265' },
  av1: { label: 'AV1 (smallest; recent browsers)', encoder: 'libsvtav1' },
};

/** "Balanced (x264 veryfast, RF 22)": the words and the numbers a HandBrake user knows. */
export function presetTitle(preset: QualityPreset): string {
  const spec = presetSpecs[preset];
  return `${spec.label} (x264 ${spec.x264Preset}, RF ${spec.crf})`;
}
