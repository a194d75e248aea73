/** Which error a failed ffmpeg run means for the user, from the tail of its stderr. Pure. */
import type { ErrorCode } from '../../../shared/error-codes';
import { nameNotPath } from './name-not-path';

/** `source`: the input ffmpeg was given, named in the reason by its file name only. */
export function classifyFfmpegFailure(stderrTail: string, source: string): { code: ErrorCode; text: string } {
  const lastLine = nameNotPath(stderrTail.trim().split('\n').pop() ?? '', source);
  if (/No space left on device|ENOSPC/i.test(stderrTail)) {
    return { code: 'ERR_DISK_FULL', text: 'The disk is full. Free some space in the data directory, then retry.' };
  }
  if (
    /Invalid data found|error while decoding|moov atom not found|corrupt|Truncat|partial file|non-existing PPS|no frame!/i.test(
      stderrTail,
    )
  ) {
    return {
      code: 'ERR_MALFORMED_VIDEO',
      text: `The video cannot be decoded (${lastLine.slice(0, 160)}): the file is damaged or incomplete. Export or download it again.`,
    };
  }
  return {
    code: 'ERR_UNKNOWN',
    text: `Transcoding failed: ${lastLine.slice(0, 200) || 'ffmpeg stopped without saying why'}. Retry, and if it fails again, report it with this video's history.`,
  };
}
