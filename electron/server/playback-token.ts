/**
 * Playback tokens (Cloudflare Stream's signed URLs): `POST …/stream/{uid}/token` signs one, and a
 * video with `requireSignedURLs` is served only to a request that carries one for its uid that
 * has not expired. HMAC-SHA256 under the data directory's signing key, checked in constant time.
 */
import { claimedSubject, signToken, verifyToken } from './signed-token';

export function signPlaybackToken(key: Buffer, uid: string, expiresAtEpochSeconds: number): string {
  return signToken(key, 'playback', uid, expiresAtEpochSeconds);
}

export function verifyPlaybackToken(key: Buffer, token: string, uid: string, nowEpochSeconds: number): boolean {
  return verifyToken(key, token, 'playback', uid, nowEpochSeconds);
}

/** The uid a token in place of a uid (`/media/{token}/…`, as Cloudflare's signed URLs are) is about. */
export const playbackTokenUid = claimedSubject;
