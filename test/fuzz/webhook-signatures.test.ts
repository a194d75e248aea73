/**
 * Fuzzing `Webhook-Signature` headers (notify/sign-webhook.ts), which a receiver checks with
 * `ferry webhook verify` or the verifyWebhook command: whatever a sender puts in the header, the
 * answer is ok or a reason, never an exception; what Ferry signs verifies for the same body and
 * secret, and not for another body.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../electron/engine/notify/sign-webhook';
import { ferry } from '../cli/ferry-process';
import { tempDir } from '../helpers/temp-dir';
import { fuzzParameters, withinBudget } from './fuzz-settings';

const body = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json());
const secret = fc.oneof(fc.stringMatching(/^[0-9a-f]{1,64}$/), fc.string({ unit: 'binary', maxLength: 40 }));
const seconds = fc.oneof(fc.integer({ min: 0, max: 4_000_000_000 }), fc.maxSafeNat());
const hex64 = fc.stringMatching(/^[0-9a-fA-F]{64}$/);

/** Headers as senders write them, mixed up: fields out of order, repeated, spaced, too long. */
const header = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc
    .tuple(fc.oneof(seconds, fc.bigInt({ min: 0n, max: 10n ** 16n })), hex64)
    .map(([time, sig]) => `time=${time},sig1=${sig}`),
  fc
    .array(
      fc.oneof(
        fc.oneof(fc.nat().map(String), fc.stringMatching(/^\d{1,20}$/), fc.string()).map((t) => `time=${t}`),
        fc.oneof(hex64, fc.stringMatching(/^[0-9a-fA-F]{0,70}$/)).map((sig) => `sig1=${sig}`),
        fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 10 })).map(([k, v]) => `${k}=${v}`),
        fc.string({ maxLength: 10 }),
      ),
      { maxLength: 5 },
    )
    .chain((parts) => fc.constantFrom(',', ', ', ' ,').map((separator) => parts.join(separator))),
);

describe('fuzzing webhook signature headers', () => {
  it('verifies what it signed, for the same body and secret, at the time it was signed', () => {
    fc.assert(
      fc.property(body, secret, seconds, (text, key, time) => {
        let signed: string;
        try {
          signed = signWebhook(text, key, time);
        } catch (error) {
          // Its one refusal: a time that is not whole seconds it can write.
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        expect(verifyWebhook(signed, text, key, { now: time * 1000 })).toEqual({ ok: true, time });
        expect(verifyWebhook(signed, Buffer.from(text), key, { now: time * 1000 })).toEqual({ ok: true, time });
        expect(verifyWebhook(signed, `${text} `, key, { now: time * 1000 }).ok).toBe(false);
      }),
      fuzzParameters(),
    );
  });

  it('answers any header with ok or a reason, never an exception', () => {
    fc.assert(
      fc.property(header, body, secret, fc.option(seconds, { nil: undefined }), (given, text, key, now) => {
        const result = withinBudget('verifyWebhook', () =>
          verifyWebhook(given, text, key, now === undefined ? {} : { now: now * 1000 }),
        );
        if (!result.ok) expect(result.reason).not.toBe('');
      }),
      fuzzParameters(),
    );
  });

  it('refuses a signature outside the tolerance, either way', () => {
    fc.assert(
      fc.property(
        body,
        secret,
        fc.integer({ min: 1_000_000, max: 4_000_000_000 }),
        fc.integer({ min: 301, max: 1_000_000 }),
        (text, key, time, off) => {
          const signed = signWebhook(text, key, time);
          expect(verifyWebhook(signed, text, key, { now: (time + off) * 1000 }).ok).toBe(false);
          expect(verifyWebhook(signed, text, key, { now: (time - off) * 1000 }).ok).toBe(false);
        },
      ),
      fuzzParameters(),
    );
  });
});

describe('a signing time past any date, through ferry webhook verify', () => {
  it('says invalid and why, instead of failing on the date', async () => {
    const dataDir = tempDir();
    const body = path.join(dataDir, 'body.json');
    fs.writeFileSync(body, '{}');
    // Found by the round trip above: 8640000000001 s is one second past the last date JavaScript can write.
    const signature = `time=8640000000001,sig1=${'ab'.repeat(32)}`;
    const result = await ferry(['webhook', 'verify', '--secret', 's', '--signature', signature, '--body-file', body], {
      FERRY_DATA_DIR: dataDir,
    });
    expect(result).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^invalid: malformed Webhook-Signature header \(time /),
    });
  });
});
