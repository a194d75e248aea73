import { describe, expect, it } from 'vitest';
import { directTicket } from '../../electron/server/direct-upload-rules';
import { checkChunk, maxChunkBytes, minChunkBytes } from '../../electron/server/upload-chunks';
import { admitBody, admitCreation, sizeLimit } from '../../electron/server/upload-limits';
import { readTusCreation } from '../../electron/server/tus-creation-request';
import { parseUploadMetadata } from '../../electron/server/upload-metadata';
import { isExpiredUnfinished } from '../../electron/server/upload-sweep';

describe("Cloudflare's chunk rules", () => {
  const size = 100 * 1024 * 1024;
  it('take 5 MiB multiples of 256 KiB, and a last chunk of any size', () => {
    expect(checkChunk({ offset: 0, length: minChunkBytes, uploadLength: size })).toEqual({ ok: true });
    expect(checkChunk({ offset: 0, length: minChunkBytes + 256 * 1024, uploadLength: size })).toEqual({ ok: true });
    expect(checkChunk({ offset: size - 10, length: 10, uploadLength: size })).toEqual({ ok: true });
    expect(checkChunk({ offset: 0, length: 1000, uploadLength: 1000 })).toEqual({ ok: true });
  });

  it('refuse a small or unaligned chunk before the last with 400, and one over 200 MiB with 413', () => {
    expect(checkChunk({ offset: 0, length: minChunkBytes - 1, uploadLength: size })).toMatchObject({ status: 400 });
    expect(checkChunk({ offset: 0, length: minChunkBytes + 1, uploadLength: size })).toMatchObject({ status: 400 });
    expect(checkChunk({ offset: 0, length: 1000, uploadLength: undefined })).toMatchObject({ status: 400 });
    expect(checkChunk({ offset: 0, length: maxChunkBytes + 1, uploadLength: 2 * maxChunkBytes })).toMatchObject({
      status: 413,
    });
  });
});

describe('Upload-Metadata as Cloudflare reads it', () => {
  it('takes its keys, a key alone included, and keeps the others as meta', () => {
    const parsed = parseUploadMetadata({
      name: 'Talk',
      requiresignedurls: null,
      allowedorigins: 'example.com,*.partner.test',
      thumbnailtimestamppct: '0.25',
      maxDurationSeconds: '600',
      expiry: '2030-01-31T18:00:00Z',
      creator: 'creator-42',
      filetype: 'video/mp4',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        expiry: '2030-01-31T18:00:00Z',
        options: {
          requireSignedURLs: true,
          allowedOrigins: ['example.com', '*.partner.test'],
          thumbnailTimestampPct: 0.25,
          maxDurationSeconds: 600,
          creator: 'creator-42',
          meta: { name: 'Talk', filetype: 'video/mp4' },
        },
      },
    });
  });

  it('refuses what the contract refuses, a bad expiry and a watermark profile, saying which key', () => {
    expect(parseUploadMetadata({ thumbnailtimestamppct: '2' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('thumbnailTimestampPct'),
    });
    expect(parseUploadMetadata({ maxdurationseconds: null })).toMatchObject({ ok: false });
    expect(parseUploadMetadata({ expiry: 'tomorrow' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('expiry'),
    });
    expect(parseUploadMetadata({ watermark: 'abc' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('watermark'),
    });
  });
});

describe('the upload limits', () => {
  const limit = sizeLimit(100 * minChunkBytes, undefined);
  const room = { freeBytes: 50 * minChunkBytes, minFreeDiskBytes: 10 * minChunkBytes, heldBytes: 0 };

  it("take the smaller of the setting and the creator's maxSizeBytes, saying which", () => {
    expect(sizeLimit(1000, undefined)).toMatchObject({
      bytes: 1000,
      setBy: expect.stringContaining('uploads.maxSizeBytes'),
    });
    expect(sizeLimit(1000, 10)).toMatchObject({ bytes: 10, setBy: expect.stringContaining('Upload-Metadata') });
    expect(sizeLimit(1000, 5000)).toMatchObject({ bytes: 1000 });
  });

  it('refuse a creation over the limit with 413 and one over the room with 507; a deferred one waits for its bytes', () => {
    expect(admitCreation(100 * minChunkBytes + 1, limit, room)).toMatchObject({ status: 413 });
    expect(admitCreation(40 * minChunkBytes + 1, limit, room)).toMatchObject({ status: 507 });
    expect(admitCreation(40 * minChunkBytes, limit, room)).toEqual({ ok: true });
    expect(admitCreation(undefined, limit, room)).toEqual({ ok: true });
  });

  it('refuse a body without Content-Length (411), past the limit (413), against the chunk rules (400), or over the room (507)', () => {
    const body = (contentLength: string | null, offset: number, uploadLength?: number) =>
      admitBody({ contentLength, offset, uploadLength }, limit, room);
    expect(body(null, 0, 1000)).toMatchObject({ status: 411 });
    expect(body(String(minChunkBytes), 100 * minChunkBytes)).toMatchObject({ status: 413 });
    expect(body('10', 0, 200 * minChunkBytes)).toMatchObject({ status: 413 });
    expect(body('1000', 0)).toMatchObject({ status: 400 });
    expect(body(String(minChunkBytes), 0)).toEqual({ ok: true });
    expect(
      admitBody({ contentLength: String(minChunkBytes), offset: 0, uploadLength: undefined }, limit, {
        ...room,
        heldBytes: 40 * minChunkBytes,
      }),
    ).toMatchObject({ status: 507 });
  });

  it('expire an unfinished upload after its time, never a finished one', () => {
    const created = '2030-01-01T00:00:00.000Z';
    const later = Date.parse(created) + 2000;
    expect(isExpiredUnfinished({ offset: 5, size: 10, created }, 1000, later)).toBe(true);
    expect(isExpiredUnfinished({ offset: 5, size: undefined, created }, 1000, later)).toBe(true);
    expect(isExpiredUnfinished({ offset: 10, size: 10, created }, 1000, later)).toBe(false);
    expect(isExpiredUnfinished({ offset: 5, size: 10, created }, 5000, later)).toBe(false);
  });
});

describe("a direct creator upload's one-time URL", () => {
  const now = Date.parse('2030-01-01T00:00:00Z') / 1000;
  const day = 24 * 3600;
  const ticket = (metadata: Record<string, string>) => {
    const parsed = parseUploadMetadata(metadata);
    if (!parsed.ok) throw new Error(parsed.message);
    return directTicket(parsed.value, now, day);
  };

  it('needs maxDurationSeconds, lasts 6 h by default, and never outlives the upload', () => {
    expect(ticket({})).toMatchObject({ ok: false, message: expect.stringMatching(/^maxDurationSeconds: /) });
    expect(ticket({ maxdurationseconds: '60' })).toEqual({ ok: true, expiresAt: now + 6 * 3600 });
    expect(directTicket({ options: { maxDurationSeconds: 60 }, expiry: undefined }, now, 600)).toEqual({
      ok: true,
      expiresAt: now + 600,
    });
    expect(ticket({ maxdurationseconds: '60', expiry: '2030-01-01T02:00:00Z' })).toEqual({
      ok: true,
      expiresAt: now + 7200,
    });
  });

  it('is refused for an expiry past, past the upload, or past what a token holds', () => {
    for (const expiry of ['2029-12-31T23:59:59Z', '2030-01-02T00:00:01Z', '+040000-01-01T00:00:00Z'])
      expect(ticket({ maxdurationseconds: '60', expiry })).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^expiry: /),
      });
  });

  it("takes the creator's maxSizeBytes from the metadata, refusing one the contract refuses", () => {
    expect(parseUploadMetadata({ maxSizeBytes: '1048576' })).toMatchObject({
      value: { options: { maxSizeBytes: 1048576 } },
    });
    expect(parseUploadMetadata({ maxsizebytes: '-1' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('maxSizeBytes'),
    });
  });
});

describe('a TUS creation request (POST …/stream)', () => {
  const now = Date.parse('2030-01-01T00:00:00Z') / 1000;
  const base64 = (text: string) => Buffer.from(text).toString('base64');
  const read = (headers: Record<string, string>, directUser = false) =>
    readTusCreation({ 'tus-resumable': '1.0.0', ...headers }, directUser, now, 24 * 3600);

  it("is read with the Upload-Creator header as the video's creator, its length, and a one-time URL's expiry", () => {
    const headers = {
      'upload-metadata': `name ${base64('Talk')},maxDurationSeconds ${base64('60')}`,
      'upload-creator': 'user-42',
      'upload-length': '1000',
    };
    expect(read(headers, true)).toEqual({
      ok: true,
      value: {
        request: { options: { creator: 'user-42', maxDurationSeconds: 60, meta: { name: 'Talk' } }, expiry: undefined },
        uploadLength: 1000,
        ticketExpiresAt: now + 6 * 3600,
      },
    });
    expect(read({ 'upload-defer-length': '1' })).toEqual({
      ok: true,
      value: { request: { options: {}, expiry: undefined } },
    });
  });

  it('is refused, saying which header is wrong, without Tus-Resumable, with bad metadata or a bad length', () => {
    expect(readTusCreation({}, false, now, 3600)).toMatchObject({ ok: false, message: /Tus-Resumable: 1\.0\.0/ });
    expect(read({ 'upload-metadata': 'name not%base64' })).toMatchObject({ ok: false, message: /^Upload-Metadata: / });
    expect(read({ 'upload-length': '-5' })).toMatchObject({ ok: false, message: /^Upload-Length: / });
    expect(read({}, true)).toMatchObject({ ok: false, message: /^maxDurationSeconds: / });
  });
});
