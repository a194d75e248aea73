/**
 * Tokens this server signs and later checks itself: a purpose, a subject (a video's uid, an
 * upload's id) and an expiry, signed with HMAC-SHA256 under the data directory's signing key.
 * Short and URL-safe (base64url and one dot), so a token can stand in a path segment in place of
 * a uid: `base64url("p<exp>:<subject>") . base64url(first 16 bytes of the HMAC)`. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'playback' | 'upload';

const purposeCodes: Record<TokenPurpose, string> = { playback: 'p', upload: 'u' };
/** 128 bits of the HMAC: past any guessing, and the path stays short. */
const signatureBytes = 16;

interface Claims {
  purpose: string;
  subject: string;
  exp: number;
}

/** The latest expiry a token can carry: its reader takes at most 12 digits (a date in the year 33658). */
export const latestTokenExpiry = 999_999_999_999;

/** Why `exp` cannot be a new token's expiry (one that could ever verify), or undefined when it can. */
export function tokenExpiryProblem(exp: number, nowEpochSeconds: number): string | undefined {
  if (!Number.isSafeInteger(exp) || exp < 0 || exp > latestTokenExpiry)
    return `must be a whole number of seconds since 1970, at most ${latestTokenExpiry}`;
  if (exp <= nowEpochSeconds) return 'must be a time in the future, in seconds since 1970';
  return undefined;
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest().subarray(0, signatureBytes);

/** Throws a RangeError for an expiry the reader could never read back (the caller checks with tokenExpiryProblem first). */
export function signToken(key: Buffer, purpose: TokenPurpose, subject: string, expiresAtEpochSeconds: number): string {
  const exp = Math.floor(expiresAtEpochSeconds);
  if (!(exp >= 0 && exp <= latestTokenExpiry))
    throw new RangeError(
      `A token's expiry must be from 0 to ${latestTokenExpiry} seconds since 1970, not ${expiresAtEpochSeconds}.`,
    );
  const claims = `${purposeCodes[purpose]}${exp}:${subject}`;
  const body = Buffer.from(claims).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** What a token says, read without checking its signature. */
function readClaims(token: string): Claims | undefined {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const [, purpose, exp, subject] =
    /^([a-z])(\d{1,12}):(.+)$/s.exec(Buffer.from(body, 'base64url').toString('utf8')) ?? [];
  return purpose && exp && subject ? { purpose, exp: Number(exp), subject } : undefined;
}

export function verifyToken(
  key: Buffer,
  token: string,
  purpose: TokenPurpose,
  subject: string,
  nowEpochSeconds: number,
): boolean {
  const claims = readClaims(token);
  if (!claims) return false;
  const [body = '', signature = ''] = token.split('.');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, body);
  return (
    given.length === expected.length &&
    timingSafeEqual(given, expected) &&
    claims.purpose === purposeCodes[purpose] &&
    claims.subject === subject &&
    nowEpochSeconds < claims.exp
  );
}

/**
 * The subject a token names, read without checking it: which video a path like
 * `/media/{token}/…` is about, before `verifyToken` decides whether the token opens it.
 */
export function claimedSubject(token: string): string | undefined {
  return readClaims(token)?.subject;
}
