/** The bearer token check, in constant time: how long a refusal takes says nothing about the token. Pure. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether `presented` is `expected`; both are hashed first, so their lengths leak nothing either. */
export function sameToken(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected)) && expected.length > 0;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export function hasValidBearer(header: string | undefined, expected: string): boolean {
  const presented = bearerToken(header);
  return presented !== undefined && sameToken(presented, expected);
}
