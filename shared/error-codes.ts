/** `status.errorReasonCode` values: Cloudflare Stream's, then Ferry's own. */
export const errorCodes = [
  'ERR_NON_VIDEO',
  'ERR_MALFORMED_VIDEO',
  'ERR_DURATION_EXCEED_CONSTRAINT',
  'ERR_DURATION_TOO_SHORT',
  'ERR_FETCH_ORIGIN_ERROR',
  'ERR_UNKNOWN',
  'ERR_SIZE_EXCEED_CONSTRAINT',
  'ERR_STREAMING_MANIFEST',
  'ERR_NOT_A_DIRECT_LINK',
  'ERR_DISK_FULL',
  'ERR_DELIVERY_FAILED',
  /** The link answered 404 or 410: nothing is at that address (ERR_FETCH_ORIGIN_ERROR in Cloudflare Stream). */
  'ERR_FETCH_NOT_FOUND',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
