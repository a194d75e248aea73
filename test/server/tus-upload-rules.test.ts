import { describe, expect, it } from 'vitest';
import { checkChunk, maxChunkBytes, minChunkBytes } from '../../electron/server/upload-chunks';
import { parseUploadMetadata } from '../../electron/server/upload-metadata';

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
