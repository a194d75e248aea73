/**
 * Stream's answers as the deliver stage reads them: the envelope (a 200 with success false is a
 * refusal), and a Video object's state, progress, readiness and reason in both documented spellings.
 */
import { describe, expect, it } from 'vitest';
import { cloudflareStatus, envelopeResult } from '../../../../electron/engine/delivery/providers/cloudflare-video';
import { ServiceError } from '../../../../electron/engine/delivery/providers/service-request';

const url = 'https://api.cloudflare.com/client/v4/accounts/acc/stream/abc';
const hls = 'https://customer-x.cloudflarestream.com/abc/manifest/video.m3u8';

describe('Cloudflare answers', () => {
  it("takes the envelope's result, and quotes a 200 that says success false", () => {
    expect(envelopeResult({ result: { uid: 'abc' }, success: true, errors: [], messages: [] }, 'GET', url)).toEqual({
      uid: 'abc',
    });
    const refused = { result: null, success: false, errors: [{ code: 10005, message: 'Invalid url' }], messages: [] };
    expect(() => envelopeResult(refused, 'POST', url)).toThrow(ServiceError);
    expect(() => envelopeResult(refused, 'POST', url)).toThrow('Invalid url');
    // A page that is not the envelope is named by what it is not, never quoted.
    expect(() => envelopeResult('<html>internal</html>', 'GET', url)).toThrow(
      "GET /client/v4/accounts/acc/stream/abc answered without Cloudflare's {result, success} envelope",
    );
  });

  it('reads the state, pctComplete (a string) and the HLS URL', () => {
    const video = {
      readyToStream: false,
      status: { state: 'inprogress', pctComplete: '39.000000' },
      playback: { hls },
    };
    expect(cloudflareStatus(video, 'complete')).toEqual({
      phase: 'processing',
      word: 'inprogress',
      pct: 39,
      playbackUrl: hls,
    });
    expect(cloudflareStatus({ status: { state: 'queued' } }, 'complete')).toEqual({
      phase: 'processing',
      word: 'queued',
    });
    // ferry serve sends a number.
    expect(cloudflareStatus({ status: { state: 'inprogress', pctComplete: 12.5 } }, 'complete')).toMatchObject({
      pct: 12.5,
    });
  });

  it("is ready at readyToStream for 'playable', at the state ready for 'complete'", () => {
    const playable = { readyToStream: true, status: { state: 'inprogress', pctComplete: '60.000000' } };
    expect(cloudflareStatus(playable, 'playable')).toMatchObject({ phase: 'ready', word: 'inprogress' });
    expect(cloudflareStatus(playable, 'complete')).toMatchObject({ phase: 'processing', pct: 60 });
    expect(cloudflareStatus({ readyToStream: true, status: { state: 'ready' } }, 'complete')).toMatchObject({
      phase: 'ready',
    });
  });

  it('quotes the reason of an error, in either spelling the docs use', () => {
    const docs = { status: { state: 'error', errorReasonCode: 'ERR_NON_VIDEO', errorReasonText: 'Not a video.' } };
    const webhook = { status: { state: 'error', errReasonCode: 'ERR_UNKNOWN', errReasonText: 'Failed.' } };
    expect(cloudflareStatus(docs, 'complete')).toEqual({
      phase: 'error',
      word: 'error',
      error: 'ERR_NON_VIDEO: Not a video.',
    });
    expect(cloudflareStatus(webhook, 'playable')).toMatchObject({ phase: 'error', error: 'ERR_UNKNOWN: Failed.' });
    expect(cloudflareStatus({ status: { state: 'error' } }, 'complete').error).toMatch(/gave no reason/);
  });

  it('a video canceled on a receiving Ferry is an error, not processing forever', () => {
    expect(cloudflareStatus({ status: { state: 'canceled' } }, 'complete')).toMatchObject({ phase: 'error' });
    expect(cloudflareStatus({ status: { state: 'paused' } }, 'complete')).toMatchObject({ phase: 'processing' });
  });
});
