/**
 * Tokens this server signs and later checks itself: a purpose, a subject (a video's uid, an
 * upload's id) and an expiry, signed with HMAC-SHA256 under the data directory's signing key.
 * The text is URL-safe (base64url and one dot), so a token can stand in a path segment. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'playback' | 'upload';

interface Claims {
  /** What the token is for: a playback token never opens an upload, nor the other way round. */
  purpose: TokenPurpose;
  sub: string;
  exp: number;
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();

export function signToken(key: Buffer, purpose: TokenPurpose, subject: string, expiresAtEpochSeconds: number): string {
  const claims: Claims = { purpose, sub: subject, exp: Math.floor(expiresAtEpochSeconds) };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The claims of a token signed with `key`, or undefined when it is not one (whatever its expiry). */
function signedClaims(key: Buffer, token: string): Claims | undefined {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = mac(key, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Claims>;
  return typeof claims.sub === 'string' && typeof claims.exp === 'number' && typeof claims.purpose === 'string'
    ? (claims as Claims)
    : undefined;
}

export function verifyToken(
  key: Buffer,
  token: string,
  purpose: TokenPurpose,
  subject: string,
  nowEpochSeconds: number,
): boolean {
  const claims = signedClaims(key, token);
  return claims !== undefined && claims.purpose === purpose && claims.sub === subject && nowEpochSeconds < claims.exp;
}

/**
 * The subject a token names, read without checking it: which video a path like
 * `/media/{token}/…` is about, before `verifyToken` decides whether the token opens it.
 */
export function claimedSubject(token: string): string | undefined {
  const [body, signature] = token.split('.');
  if (!body || !signature) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Claims>;
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
