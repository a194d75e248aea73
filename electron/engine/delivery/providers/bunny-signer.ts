/**
 * Bunny Stream's TUS authorisation: every TUS request carries a presigned SHA-256 of the library,
 * its API key, an expiry and the video, and Bunny answers 401 once that expiry has passed. The
 * signer keeps one signature and makes a new one before it runs out, so a long upload (asked for
 * headers before each request) never sends an expired one.
 */
import { createHash } from 'node:crypto';

/** Bunny's documented signature: hex SHA-256 of library_id + api_key + expiration_time + video_id. */
export function bunnySignature(libraryId: string, apiKey: string, expires: number, videoId: string): string {
  return createHash('sha256').update(`${libraryId}${apiKey}${expires}${videoId}`).digest('hex');
}

export interface BunnySignerOptions {
  libraryId: string;
  apiKey: string;
  videoId: string;
  /** How long a signature is valid (default 6 h: an upload renews it anyway, so it need not cover the whole file). */
  lifetimeMs?: number;
  /** Renew when less than this remains (default a quarter of the lifetime): a PATCH must start well before the expiry. */
  marginMs?: number;
  /** The clock, injectable so tests can move it. */
  now?: () => number;
}

export interface BunnySigner {
  /** The four headers Bunny's TUS endpoint checks, renewed when the current signature is about to expire. */
  headers(): Record<string, string>;
}

const defaultLifetimeMs = 6 * 60 * 60 * 1000;

export function bunnySigner(options: BunnySignerOptions): BunnySigner {
  const lifetimeMs = options.lifetimeMs ?? defaultLifetimeMs;
  const marginMs = options.marginMs ?? lifetimeMs / 4;
  const now = options.now ?? Date.now;
  let current: { expires: number; headers: Record<string, string> } | null = null;

  return {
    headers() {
      const at = now();
      if (!current || current.expires * 1000 - at < marginMs) {
        // Rounded up to whole seconds (Bunny's unit), so the signature is valid at least `lifetimeMs`.
        const expires = Math.ceil((at + lifetimeMs) / 1000);
        current = {
          expires,
          headers: {
            AuthorizationSignature: bunnySignature(options.libraryId, options.apiKey, expires, options.videoId),
            AuthorizationExpire: String(expires),
            LibraryId: options.libraryId,
            VideoId: options.videoId,
          },
        };
      }
      return { ...current.headers };
    },
  };
}
