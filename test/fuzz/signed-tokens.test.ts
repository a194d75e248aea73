/**
 * Fuzzing the tokens `ferry serve` signs and reads back from URLs: playback tokens (signed URLs)
 * and upload tickets (direct creator uploads). A token signed for a subject verifies for that
 * subject until it expires and for nothing else; any text in its place (a path segment, a
 * `?token=`) is refused with false or `invalid`, never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playbackTokenUid, signPlaybackToken, verifyPlaybackToken } from '../../electron/server/playback-token';
import { signToken, verifyToken } from '../../electron/server/signed-token';
import { readUploadRef, uploadTicket } from '../../electron/server/upload-links';
import { fuzzParameters, withinBudget } from './fuzz-settings';

const key = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes));
const uid = fc.stringMatching(/^[0-9a-f]{32}$/);
/** Subjects are uids and upload ids, but the signer takes any text: anything well-formed must round-trip. */
const subject = fc.oneof(uid, fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }));
/** An expiry the token's 12 digits can hold, in whole seconds. */
const expiry = fc.integer({ min: 1, max: 999_999_999_999 });

/** Text where a token goes: tokens cut, joined, re-encoded, and plain junk. */
const tokenLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.base64String({ maxLength: 60 }).map((text) => text.replaceAll('=', '')),
  fc
    .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 30 }))
    .map(([body, signature]) => `${Buffer.from(body).toString('base64url')}.${signature}`),
  fc.tuple(key, uid, expiry).map(([k, id, exp]) => signToken(k, 'upload', id, exp)),
);

describe('fuzzing signed tokens', () => {
  it('verifies a signed token for its purpose and subject until it expires', () => {
    fc.assert(
      fc.property(key, subject, expiry, fc.integer({ min: 0, max: 999_999_999_999 }), (k, s, exp, now) => {
        const token = signToken(k, 'playback', s, exp);
        expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
        expect(verifyToken(k, token, 'playback', s, now)).toBe(now < exp);
        expect(verifyToken(k, token, 'upload', s, 0)).toBe(false);
        expect(verifyToken(k, token, 'playback', `${s}x`, 0)).toBe(false);
      }),
      fuzzParameters(),
    );
  });

  it('refuses a token under another key, or with any character changed', () => {
    fc.assert(
      fc.property(key, key, uid, expiry, fc.nat(), fc.constantFrom(...'AQgw_-.x'), (k, other, id, exp, at, c) => {
        const token = signPlaybackToken(k, id, exp);
        if (!other.equals(k)) expect(verifyPlaybackToken(other, token, id, 0)).toBe(false);
        const i = at % token.length;
        const changed = token.slice(0, i) + c + token.slice(i + 1);
        const [body, signature = ''] = token.split('.');
        const [changedBody, changedSignature = '', extra] = changed.split('.');
        // base64url's last character carries spare bits: a change there may spell the same signature.
        const same =
          changedBody === body &&
          extra === undefined &&
          Buffer.from(changedSignature, 'base64url').equals(Buffer.from(signature, 'base64url'));
        expect(verifyPlaybackToken(k, changed, id, 0)).toBe(same);
      }),
      fuzzParameters(),
    );
  });

  it('reads any text in place of a token without throwing', () => {
    fc.assert(
      fc.property(key, tokenLike, uid, fc.nat(), (k, text, id, now) => {
        withinBudget('verifyPlaybackToken', () => verifyPlaybackToken(k, text, id, now));
        const claimed = withinBudget('playbackTokenUid', () => playbackTokenUid(text));
        if (claimed !== undefined) expect(claimed).not.toBe('');
      }),
      fuzzParameters(),
    );
  });
});

describe('fuzzing upload references', () => {
  it('reads an upload ticket back as its upload until it expires', () => {
    fc.assert(
      fc.property(key, uid, expiry, fc.integer({ min: 0, max: 999_999_999_999 }), (k, id, exp, now) => {
        const ref = readUploadRef(k, uploadTicket(k, id, exp), now);
        expect(ref).toEqual(now < exp ? { kind: 'ticket', id } : { kind: 'invalid' });
      }),
      fuzzParameters(),
    );
  });

  it('reads any last path segment as an upload id, a valid ticket or invalid, without throwing', () => {
    fc.assert(
      fc.property(key, fc.oneof(tokenLike, uid), fc.nat(), (k, segment, now) => {
        const ref = withinBudget('readUploadRef', () => readUploadRef(k, segment, now));
        if (ref.kind === 'id') expect(ref.id).toBe(segment);
        if (ref.kind === 'ticket') expect(ref.id).toMatch(/^[0-9a-f]{32}$/);
      }),
      fuzzParameters(),
    );
  });

  it('never takes a playback token for an upload ticket', () => {
    fc.assert(
      fc.property(key, uid, expiry, (k, id, exp) => {
        expect(readUploadRef(k, signPlaybackToken(k, id, exp), 0)).toEqual({ kind: 'invalid' });
      }),
      fuzzParameters(),
    );
  });
});
