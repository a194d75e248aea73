/**
 * The encoding of one video's ladder: the codec and preset asked for, checked against the ffmpeg
 * found, and for a per-title ladder the sample encode that sets its caps.
 */
import { codecSpecs, presetSpecs, type TranscodeChoice } from '../../../shared/transcode-presets';
import type { MediaInfo } from '../../../shared/media-info';
import { measureTitleSample } from './measure-title-sample';
import type { LadderPlan } from './plan-ladder';
import { planRungEncoding, type EncodingPlan } from './plan-rung-encoding';

export class CodecUnavailableError extends Error {
  constructor(readonly encoder: string) {
    super(
      `This ffmpeg cannot encode the ladder's codec (it has no ${encoder}): choose H.264 in Settings (or ferry settings transcode.codec h264), or use an ffmpeg built with ${encoder} (FERRY_FFMPEG).`,
    );
    this.name = 'CodecUnavailableError';
  }
}

export async function chooseEncoding(request: {
  ffmpeg: string;
  /** The encoders the found ffmpeg lists (check-media-tool.ts). */
  encoders: readonly string[];
  source: string;
  info: MediaInfo;
  plan: LadderPlan;
  choice: TranscodeChoice;
  signal?: AbortSignal;
}): Promise<EncodingPlan> {
  const { choice, info, plan } = request;
  const encoder = codecSpecs[choice.codec].encoder;
  if (!request.encoders.includes(encoder)) throw new CodecUnavailableError(encoder);
  const sample =
    choice.ladder === 'per-title'
      ? await measureTitleSample({
          ffmpeg: request.ffmpeg,
          source: request.source,
          formatName: info.formatName,
          duration: info.duration,
          width: info.width,
          height: info.height,
          frameRate: plan.frameRate,
          crf: presetSpecs[choice.preset].crf,
          ...(request.signal ? { signal: request.signal } : {}),
        })
      : null;
  return planRungEncoding({ plan, codec: choice.codec, preset: choice.preset, ladder: choice.ladder, sample });
}
