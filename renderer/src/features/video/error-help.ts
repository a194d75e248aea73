/**
 * What each error code means for the user, in plain words: what happened, what fixes it, and when
 * a retry as things stand cannot help (shared/retry-can-help.ts decides), why it would fail again.
 * Pure; the engine's errorReasonText says the specifics of the one failure.
 */
import type { ErrorCode } from '../../../../shared/error-codes';
import { retryCanHelp } from '../../../../shared/retry-can-help';

export interface ErrorHelp {
  what: string;
  fix: string;
  /** Why retrying as things stand fails again; present exactly where retryCanHelp says no. */
  retryFails?: string;
  /** The fix is a longer duration limit, offered beside the help. */
  allowLonger?: true;
}

// A Record over ErrorCode: a new code without an entry here fails to compile.
export const errorHelpTable: Record<ErrorCode, ErrorHelp> = {
  ERR_NON_VIDEO: {
    what: 'The file is not a video: Ferry found no picture or sound it can play in it.',
    fix: 'Check the link points at the video file itself (not a document, an image or a web page), then add the right link.',
    retryFails: 'A retry fetches the same file and fails again, unless what the link points at changed.',
  },
  ERR_MALFORMED_VIDEO: {
    what: 'The video is damaged or cut short, so it cannot be read to the end.',
    fix: 'Retry in case the download was cut off; if it fails again, export or upload the video again at its source.',
  },
  ERR_DURATION_EXCEED_CONSTRAINT: {
    what: 'The video is longer than the longest this video may be.',
    fix: 'Allow a longer duration for this video and retry, or trim the video at its source.',
    retryFails: 'A retry with the same limit fails again: allow a longer duration first.',
    allowLonger: true,
  },
  ERR_DURATION_TOO_SHORT: {
    what: 'The video is too short to be made into a stream.',
    fix: 'Use a longer video (at least a fraction of a second of moving picture).',
    retryFails: 'A retry fails again: the video stays as short.',
  },
  ERR_FETCH_ORIGIN_ERROR: {
    what: 'The server the link points at did not give the video (it answered with an error, or not at all).',
    fix: 'Check the link opens in a browser and does not need a sign-in; then retry.',
  },
  ERR_UNKNOWN: {
    what: 'Something went wrong that Ferry did not expect.',
    fix: 'Retry the video; if it fails again, copy the log below and report it.',
  },
  ERR_SIZE_EXCEED_CONSTRAINT: {
    what: 'The file is larger than the largest this video may be.',
    fix: 'Add the video again with a larger size limit, or make the file smaller at its source.',
    retryFails: 'A retry fails again: the file and its size limit stay the same.',
  },
  ERR_STREAMING_MANIFEST: {
    what: 'The link points at a streaming playlist (HLS or DASH), not at a video file.',
    fix: 'Add a link to the original video file (for example an .mp4) instead of its playlist.',
    retryFails: 'A retry fetches the same playlist and fails again.',
  },
  ERR_NOT_A_DIRECT_LINK: {
    what: 'The link opened a web page, not the video file.',
    fix: 'Use the direct download link of the file (the one a "Download" button gives), then add it again.',
    retryFails: 'A retry opens the same web page and fails again, unless the link changed.',
  },
  ERR_DISK_FULL: {
    what: 'The disk Ferry keeps its videos on is full.',
    fix: 'Free some space (remove videos you no longer need, or other files), then retry.',
  },
  ERR_DELIVERY_FAILED: {
    what: 'The video is ready here, but sending it to a delivery target failed.',
    fix: "Check the target's address and credential in Targets, then retry.",
  },
  ERR_FETCH_NOT_FOUND: {
    what: 'The server the link points at has no file there (it answered 404 Not Found or 410 Gone).',
    fix: 'Check the link: it may be mistyped, or the file was moved or deleted. Add the right link, or put the file back and retry.',
    retryFails:
      'The link answered that nothing is there: a retry fails again unless the file is put back at that address.',
  },
};

/** The help for a failed video's code; a video in error without one is explained as an unexpected failure. */
export function errorHelp(code: ErrorCode | undefined): ErrorHelp {
  return errorHelpTable[code ?? 'ERR_UNKNOWN'];
}

/** What a Retry button says beyond its name: why it fails again, when it would; none when a retry may work. */
export function retryWarning(code: ErrorCode | undefined): string | undefined {
  return retryCanHelp(code) ? undefined : errorHelp(code).retryFails;
}
