import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../../electron/engine/notify/sign-webhook';

const secret = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const body = '{"uid":"6b9e68b07dfee8cc2d116e4c51d6a957","status":{"state":"ready"},"meta":{"name":"Café ☕"}}';
const time = 1_230_811_200;
const now = time * 1000 + 2_000;

describe('webhook signatures', () => {
  it('signs as Cloudflare Stream does: HMAC-SHA256 of "<time>.<body>", hex, keyed with the secret text', () => {
    // Computed here independently, following the steps in reference/providers.md.
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(Buffer.from(`${time}.${body}`, 'utf8'))
      .digest('hex');
    expect(signWebhook(body, secret, time)).toBe(`time=${time},sig1=${expected}`);
  });

  it("matches a vector computed with openssl, keyed with Cloudflare's example secret", () => {
    // printf '%s' '1230811200.{"uid":"abc"}' | openssl dgst -sha256 -hmac 85011ed3a913c6ad5f9cf6c5573cc0a7
    expect(signWebhook('{"uid":"abc"}', '85011ed3a913c6ad5f9cf6c5573cc0a7', 1_230_811_200)).toBe(
      'time=1230811200,sig1=2e504578b5d721cc5729785929ff9b8a71fe1e95994c111f23db32a24692b18e',
    );
  });

  it('verifies its own signature, from a string or the raw bytes', () => {
    const header = signWebhook(body, secret, time);
    expect(verifyWebhook(header, body, secret, { now })).toEqual({ ok: true, time });
    expect(verifyWebhook(header, Buffer.from(body), secret, { now })).toEqual({ ok: true, time });
    expect(verifyWebhook(` ${header.replace(',', ' , ')} `, body, secret, { now }).ok).toBe(true);
    expect(
      verifyWebhook(header.toUpperCase().replace('TIME', 'time').replace('SIG1', 'sig1'), body, secret, { now }).ok,
    ).toBe(true);
  });

  it('rejects a tampered body, a wrong secret and a trailing newline', () => {
    const header = signWebhook(body, secret, time);
    for (const [b, s] of [
      [body.replace('ready', 'error'), secret],
      [body, secret.replace('a', 'b')],
      [`${body}\n`, secret],
    ] as const) {
      const result = verifyWebhook(header, b, s, { now });
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('signature does not match') });
    }
  });

  it('rejects a time too far in the past or the future, within a configurable tolerance', () => {
    const header = signWebhook(body, secret, time);
    expect(verifyWebhook(header, body, secret, { now: now + 301_000 })).toEqual({
      ok: false,
      reason: expect.stringContaining('signed too long ago'),
    });
    expect(verifyWebhook(header, body, secret, { now: now - 400_000 })).toEqual({
      ok: false,
      reason: expect.stringContaining('signed in the future'),
    });
    expect(verifyWebhook(header, body, secret, { now: now + 3_600_000, toleranceSeconds: 7200 }).ok).toBe(true);
    // The time is checked first, as in the reference's steps, so a stale forgery is reported as stale; it fails either way.
    expect(verifyWebhook(`time=${time},sig1=${'0'.repeat(64)}`, body, secret, { now: now + 301_000 })).toEqual({
      ok: false,
      reason: expect.stringContaining('signed too long ago'),
    });
  });

  it('accepts any one of several sig1 values and skips unknown keys', () => {
    const sig = signWebhook(body, secret, time).split('sig1=')[1];
    const header = `time=${time},sig1=${'f'.repeat(64)},sig1=${sig},sig2=whatever`;
    expect(verifyWebhook(header, body, secret, { now })).toEqual({ ok: true, time });
  });

  it.each([
    ['', 'malformed'],
    ['sig1=abc', 'malformed'],
    ['garbage', 'malformed'],
    [`time=soon,sig1=${'a'.repeat(64)}`, 'malformed'],
    [`time=1,time=2,sig1=${'a'.repeat(64)}`, 'time is given twice'],
    [`time=${time},sig1=${'a'.repeat(63)}`, 'sig1 is not 64 hex digits'],
    [`time=${time},sig1=${'g'.repeat(64)}`, 'sig1 is not 64 hex digits'],
    [`sig1=${'a'.repeat(64)}`, 'no time='],
    [`time=${time}`, 'no sig1='],
  ])('explains why %j cannot be read', (header, reason) => {
    expect(verifyWebhook(header, body, secret, { now })).toEqual({
      ok: false,
      reason: expect.stringContaining(reason),
    });
  });

  it('refuses to sign with a time that is not whole seconds', () => {
    expect(() => signWebhook(body, secret, 1.5)).toThrow(RangeError);
    expect(() => signWebhook(body, secret, Date.now() * Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });
});
