/**
 * Whether retrying a failed video can end differently, from its error code alone. A timeout, a
 * 500 or a full disk may pass; a link that answered 404, a file that is not a video, too large or
 * of a kind Ferry does not take fails the same way again unless the link or the file changes.
 * Retry stays offered for those (the link may have been fixed meanwhile), but the UI says so. Pure.
 */
import type { ErrorCode } from './error-codes';

// A Record over ErrorCode: a new code without a verdict here fails to compile.
const helps: Record<ErrorCode, boolean> = {
  ERR_FETCH_ORIGIN_ERROR: true,
  ERR_MALFORMED_VIDEO: true,
  ERR_UNKNOWN: true,
  ERR_DISK_FULL: true,
  ERR_DELIVERY_FAILED: true,
  ERR_FETCH_NOT_FOUND: false,
  ERR_NON_VIDEO: false,
  ERR_SIZE_EXCEED_CONSTRAINT: false,
  ERR_DURATION_EXCEED_CONSTRAINT: false,
  ERR_DURATION_TOO_SHORT: false,
  ERR_STREAMING_MANIFEST: false,
  ERR_NOT_A_DIRECT_LINK: false,
};

/** A video without a code (canceled, or failed before codes existed) is worth retrying. */
export function retryCanHelp(code: ErrorCode | undefined): boolean {
  return code === undefined || helps[code];
}
