/**
 * Cloudflare's API envelope (`{ result, success, errors: [{ code, message }], messages }`) and the
 * HTTP status each of the dispatcher's failures gets, as Cloudflare's API would answer it: SDKs
 * choose their error class from the status (400 bad request, 401 authentication, 404 not found,
 * 409 conflict, 413 too large, 429 rate limited). Pure.
 */
import type { FerryErrorCode } from '../../shared/ferry-error';

export interface CloudflareError {
  code: number;
  message: string;
}

export interface CloudflareEnvelope<T> {
  result: T | null;
  success: boolean;
  errors: CloudflareError[];
  messages: string[];
}

/** Cloudflare's own code for a missing or wrong token, which SDKs and scripts know. */
export const authenticationErrorCode = 10000;

const statusByCode: Record<FerryErrorCode, number> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  ILLEGAL_TRANSITION: 409,
  FORBIDDEN: 403,
  NOT_AVAILABLE: 501,
  // Another process holds the queue: the same request can succeed later.
  BUSY: 429,
  // The engine's process is being restarted: try again in a moment (sendFailure sets Retry-After).
  ENGINE_RESTARTING: 503,
  UNKNOWN_COMMAND: 500,
  INTERNAL: 500,
};

/** The HTTP status for a failure the dispatcher answered. */
export function statusForFailure(code: FerryErrorCode): number {
  return statusByCode[code];
}

export function success<T>(result: T): CloudflareEnvelope<T> {
  return { result, success: true, errors: [], messages: [] };
}

/** A failure: the error's code is the HTTP status (Cloudflare's 10000 for authentication), its message one sentence. */
export function failure(status: number, message: string): CloudflareEnvelope<null> {
  const code = status === 401 ? authenticationErrorCode : status;
  return { result: null, success: false, errors: [{ code, message }], messages: [] };
}
