/**
 * Refuses a ladder codec the ffmpeg Ferry found cannot encode (AV1 needs libsvtav1, HEVC
 * libx265), naming the missing encoder, so the choice fails where it is made and not at the
 * video's transcode.
 */
import { FerryError } from '../../../shared/ferry-error';
import { codecSpecs, type VideoCodec } from '../../../shared/transcode-presets';
import { mediaTools, type EngineContext } from '../context/engine-context';

export async function checkTranscodeCodec(
  context: EngineContext,
  codec: VideoCodec | undefined,
  field: string,
): Promise<void> {
  if (codec === undefined || codec === 'h264') return;
  const { ffmpeg } = await mediaTools(context);
  const encoder = codecSpecs[codec].encoder;
  if (ffmpeg.capabilities?.encoders.includes(encoder)) return;
  const message = `this ffmpeg (${ffmpeg.path}) cannot encode ${codec}: it has no ${encoder}. Choose h264, or set FERRY_FFMPEG to an ffmpeg built with ${encoder}`;
  throw new FerryError('INVALID_INPUT', `${field}: ${message}.`, [{ path: field, message }]);
}
