/**
 * Fuzzing a TUS upload's `Upload-Metadata` header as `ferry serve` reads it: @tus/server's
 * Metadata.parse (its only refusal an Error, which the route answers with 400), then Ferry's
 * Cloudflare reading of the keys (upload-metadata.ts), which answers options the contract accepts
 * or a message, never an exception.
 */
import { Metadata } from '@tus/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUploadMetadata, type TusMetadata } from '../../electron/server/upload-metadata';
import { validateCommand } from '../../shared/validate-command';
import { serve } from '../server/stream-fixture';
import { fuzzParameters, settlesInTime, withinBudget } from './fuzz-settings';

const cloudflareKeys = [
  'name',
  'requiresignedurls',
  'allowedorigins',
  'thumbnailtimestamppct',
  'maxdurationseconds',
  'scheduleddeletion',
  'expiry',
  'creator',
  'watermark',
];

/** A key as @tus/server takes it: visible ASCII without space or comma, and not a name every object has. */
const tusKey = fc
  .string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:;!'),
    minLength: 1,
    maxLength: 16,
  })
  .filter((key) => !(key in {}));

/** Cloudflare's keys in any case (its examples write maxDurationSeconds), and others. */
const metadataKey = fc.oneof(
  fc.constantFrom(...cloudflareKeys).chain((key) =>
    fc.constantFrom(
      key,
      key.toUpperCase(),
      key.replace(/^./, (c) => c.toUpperCase()),
    ),
  ),
  tusKey,
);

const metadataValue = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double().map(String),
  fc.constantFrom('true', 'false', '', '2030-01-31T18:00:00Z', 'a.example,*.b.example', 'Infinity', '1e400'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

const metadata = fc.dictionary(metadataKey, metadataValue, { maxKeys: 6 });

describe('fuzzing Upload-Metadata', () => {
  it("@tus/server's parser refuses any header only with an Error", () => {
    const header = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      metadata.map((m) => Metadata.stringify(m)),
      fc
        .array(fc.tuple(fc.string({ maxLength: 8 }), fc.base64String({ maxLength: 12 })), { maxLength: 4 })
        .map((pairs) => pairs.map(([k, v]) => `${k} ${v}`).join(',')),
    );
    fc.assert(
      fc.property(header, (text) => {
        try {
          withinBudget('Metadata.parse', () => Metadata.parse(text));
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
      }),
      fuzzParameters(),
    );
  });

  it('reads a header written by Metadata.stringify back as the same keys and values', () => {
    const utf8Value = fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: null });
    // An empty value is sent as "key " and read as the key alone, as TUS clients expect.
    const read = (given: TusMetadata) => Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v || null]));
    fc.assert(
      fc.property(fc.dictionary(tusKey, utf8Value, { minKeys: 1, maxKeys: 6 }), (given) => {
        expect(Metadata.parse(Metadata.stringify(given))).toEqual(read(given));
      }),
      fuzzParameters(),
    );
  });

  it("Ferry's reading answers options the contract accepts, or a message, for any metadata", () => {
    fc.assert(
      fc.property(metadata, (given: TusMetadata) => {
        const parsed = withinBudget('parseUploadMetadata', () => parseUploadMetadata(given));
        if (!parsed.ok) {
          expect(parsed.message).not.toBe('');
          return;
        }
        expect(validateCommand('addFiles', { paths: ['upload'], options: parsed.value.options }).ok).toBe(true);
        if (parsed.value.expiry !== undefined) expect(Number.isNaN(Date.parse(parsed.value.expiry))).toBe(false);
      }),
      fuzzParameters(),
    );
  });

  it('keeps the name and any other key given as meta, whatever its text', () => {
    const otherKey = tusKey.filter((key) => !cloudflareKeys.includes(key.toLowerCase()));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        otherKey,
        fc.string(),
        (name, key, value) => {
          const parsed = parseUploadMetadata(Metadata.parse(Metadata.stringify({ name, [key]: value })));
          expect(parsed).toMatchObject({ ok: true, value: { options: { meta: { name, [key]: value } } } });
        },
      ),
      fuzzParameters(),
    );
  });
});

/** What a request can carry in a header at all. */
const sendable = (text: string) => /^[\t\x20-\x7e\x80-\xff]*$/.test(text);

describe('fuzzing Upload-Metadata through ferry serve', () => {
  it('answers a TUS creation with any Upload-Metadata and Upload-Creator with a 2xx or 4xx, never a 5xx', async () => {
    const api = await serve();
    const { app, token } = api.server;
    const header = fc.oneof(
      metadata.map((m) => Metadata.stringify(m)),
      fc.dictionary(metadataKey, metadataValue, { maxKeys: 2 }).map((m) => Metadata.stringify(m)),
      fc.string({ maxLength: 60 }),
      fc.constantFrom('', ' ', ',', 'name', 'name ,', 'constructor', '__proto__ eA==', 'expiry MjAyMA=='),
    );
    const creator = fc.option(fc.string({ maxLength: 80 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(
        header.filter(sendable),
        creator.filter((c) => c === undefined || sendable(c)),
        async (given, who) => {
          const reply = await settlesInTime(
            'a TUS creation',
            app.inject({
              method: 'POST',
              url: '/client/v4/accounts/fuzz/stream?direct_user=true',
              headers: {
                authorization: `Bearer ${token}`,
                'tus-resumable': '1.0.0',
                'upload-length': '1',
                'upload-metadata': given,
                ...(who === undefined ? {} : { 'upload-creator': who }),
              },
            }),
          );
          expect(reply.statusCode, `${given} ${who ?? ''}: ${reply.body}`).toBeLessThan(500);
        },
      ),
      fuzzParameters(0.25),
    );
  });
});
