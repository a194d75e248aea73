/**
 * A ladder on a hardware encoder that fails (a driver that passed the one-second test and then
 * gives up on a long or large video) is made again once with x264, and the caller is told why so
 * the video's history says it. A stop (cancel, pause) is never retried.
 */
import { testEncodeFailure } from './plan-hardware-encoder';
import { FfmpegAbortedError } from './run-ffmpeg';
import { TranscodeError, transcodeVideo, type TranscodeRequest, type TranscodeResult } from './transcode-video';

export async function transcodeWithFallback(
  request: TranscodeRequest,
  onFallback: (encoder: string, reason: string) => void,
): Promise<TranscodeResult> {
  const hardware = request.hardware;
  if (!hardware) return transcodeVideo(request);
  try {
    return await transcodeVideo(request);
  } catch (error) {
    if (error instanceof FfmpegAbortedError || request.signal?.aborted || !(error instanceof TranscodeError))
      throw error;
    // ffmpeg's line about the encoder says most ("[h264_nvenc @ 0x…] OpenEncodeSessionEx failed").
    const said = error.stderrTail.split('\n').find((line) => line.includes(hardware.encoder)) ?? '';
    onFallback(hardware.encoder, testEncodeFailure(said, error.text));
    return transcodeVideo({ ...request, hardware: null });
  }
}
