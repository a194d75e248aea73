import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { playbackTokenUid, signPlaybackToken, verifyPlaybackToken } from '../../electron/server/playback-token';
import { signToken } from '../../electron/server/signed-token';

const key = randomBytes(32);
const uid = 'a'.repeat(32);
const now = 1_800_000_000;

describe('playback tokens', () => {
  const token = signPlaybackToken(key, uid, now + 3600);

  it('open the video they were signed for until they expire', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThan(100);
    expect(playbackTokenUid(token)).toBe(uid);
    expect(verifyPlaybackToken(key, token, uid, now)).toBe(true);
    expect(verifyPlaybackToken(key, token, uid, now + 3600)).toBe(false);
  });

  it('open no other video, under no other key, and not once changed', () => {
    expect(verifyPlaybackToken(key, token, 'b'.repeat(32), now)).toBe(false);
    expect(verifyPlaybackToken(randomBytes(32), token, uid, now)).toBe(false);
    const [body, signature] = token.split('.') as [string, string];
    const later = Buffer.from(`p${now + 999_999}:${uid}`).toString('base64url');
    expect(verifyPlaybackToken(key, `${later}.${signature}`, uid, now)).toBe(false);
    expect(verifyPlaybackToken(key, `${body}.${signature.slice(1)}`, uid, now)).toBe(false);
    expect(verifyPlaybackToken(key, 'not-a-token', uid, now)).toBe(false);
    expect(verifyPlaybackToken(key, `${token}.extra`, uid, now)).toBe(false);
  });

  it('are not upload tokens, nor the other way round', () => {
    expect(verifyPlaybackToken(key, signToken(key, 'upload', uid, now + 3600), uid, now)).toBe(false);
  });
});
