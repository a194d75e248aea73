/**
 * The Gcore adapter against a Gcore double (providers.md §2) on a real TUS server: the key check,
 * a push made as Gcore documents (video first, upload parameters, token in the metadata) that
 * arrives byte for byte, a token renewed for the same video after a failed creation, pulls with
 * the link's headers reaching the origin, and every documented state and failure read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Metadata } from '@tus/server';
import { gcoreAdapter } from '../../../../electron/engine/delivery/providers/gcore';
import type {
  ProviderCall,
  PushResume,
  RemoteStatus,
  TusPush,
  TusSession,
} from '../../../../electron/engine/delivery/providers/provider';
import { tusUpload, TusUploadError } from '../../../../electron/engine/delivery/tus-upload';
import type { DeliveryReadyWhen } from '../../../../shared/delivery-targets';
import { closeAfterEach, closers, fileMediaDir } from '../../../helpers/delivery-engine';
import { noisyMp4 } from '../../../helpers/media-fixtures';
import { startOrigin } from '../../../helpers/origin-server';
import { refusal } from '../../../helpers/service-refusal';
import { startGcoreDouble, type GcoreDouble } from '../../../helpers/services/gcore-double';
import { providerCallTo } from '../../../helpers/services/provider-call';

// Made once for the file (tempDir() is emptied after each test).
const mediaDir = fileMediaDir('ferry-gcore-');
let media: string;
let file: { path: string; size: number; name: string; type: string };

beforeAll(async () => {
  media = await noisyMp4(mediaDir, 1);
  file = { path: media, size: fs.statSync(media).size, name: 'Board meeting', type: 'video/mp4' };
});
closeAfterEach();

async function double(): Promise<GcoreDouble> {
  const started = await startGcoreDouble({ apiKey: 'key' });
  closers.push(started.close);
  return started;
}

function callTo(gcore: GcoreDouble, options: { credential?: string | null; readyWhen?: DeliveryReadyWhen } = {}) {
  const credential = options.credential === undefined ? 'key' : options.credential;
  return providerCallTo('gcore', gcore.origin, credential, {
    name: 'gcore-main',
    readyWhen: options.readyWhen ?? 'complete',
  });
}

const push = gcoreAdapter.push as TusPush;

function upload(session: TusSession) {
  return tusUpload({
    endpoint: session.endpoint ?? '',
    uploadUrl: session.uploadUrl,
    file: file.path,
    size: file.size,
    metadata: session.metadata,
    headers: session.headers,
    chunkSize: 256 * 1024,
    idleTimeoutMs: 10_000,
    signal: new AbortController().signal,
    onUploadUrl: () => {},
    onProgress: () => {},
  });
}

/** Polls as the deliver stage does until the phase is no longer `processing` (at most 10 reads). */
async function follow(call: ProviderCall, remoteId: string): Promise<RemoteStatus[]> {
  const seen: RemoteStatus[] = [];
  for (let read = 0; read < 10; read++) {
    const status = await gcoreAdapter.status!(call, remoteId);
    seen.push(status);
    if (status.phase !== 'processing') return seen;
  }
  throw new Error(`still processing after 10 reads: ${JSON.stringify(seen)}`);
}

describe('Gcore: the API key', () => {
  it('is checked with a harmless list of videos, and a wrong or missing one is refused with 401', async () => {
    const gcore = await double();
    expect(await gcoreAdapter.test(callTo(gcore))).toBe(
      "Gcore accepted the API key and listed the account's videos (0 videos on the first page).",
    );
    expect(gcore.restRequests[0]).toMatchObject({
      method: 'GET',
      path: '/streaming/videos?page=1',
      authorization: 'APIKey key',
    });
    expect(await refusal(gcoreAdapter.test(callTo(gcore, { credential: 'wrong' })))).toMatchObject({ status: 401 });
    const missing = await refusal(gcoreAdapter.test(callTo(gcore, { credential: null })));
    expect(missing).toMatchObject({ status: 401, message: expect.stringContaining('save the account') });
  });

  it('passes on a 429 with its Retry-After, for the deliver stage to wait', async () => {
    const gcore = await double();
    gcore.rateLimit(1, '7');
    expect(await refusal(gcoreAdapter.test(callTo(gcore)))).toMatchObject({ status: 429, retryAfter: '7' });
    await expect(gcoreAdapter.test(callTo(gcore))).resolves.toContain('accepted');
  });
});

describe('Gcore: push by TUS', () => {
  it('makes the video, uploads to the named server with the token, then follows empty → pending → ready', async () => {
    const gcore = await double();
    const call = callTo(gcore);
    const session = await push.session(call, file, null, 64 * 1024);
    const videoId = Number(session.remoteId);
    expect(gcore.videos.get(videoId)).toMatchObject({ name: 'Board meeting', status: 'empty' });
    expect(session.endpoint).toBe(`${gcore.origin}/upload/`);
    expect(session.metadata).toEqual({
      filename: path.basename(media),
      filetype: 'video/mp4',
      token: gcore.issued[0],
      video_id: String(videoId),
      client_id: '4242',
    });
    // The API key stays with the API: the upload server gets only the token.
    expect(session.headers()).toEqual({});
    expect((await gcoreAdapter.status!(call, String(videoId))).phase).toBe('processing');

    await upload(session);
    expect(gcore.uploaded(videoId).equals(fs.readFileSync(media))).toBe(true);
    const seen = await follow(call, String(videoId));
    expect(seen.map((s) => [s.word, s.phase, s.pct])).toEqual([
      ['pending', 'processing', 0],
      ['viewable', 'processing', 70],
      ['ready', 'ready', 100],
    ]);
    expect(seen.at(-1)!.playbackUrl).toBe(`${gcore.origin}/videos/4242_v${videoId}/master.m3u8`);
  });

  it("counts `viewable` as ready when the target's readyWhen is 'playable'", async () => {
    const gcore = await double();
    const call = callTo(gcore, { readyWhen: 'playable' });
    const session = await push.session(call, file, null, 64 * 1024);
    await upload(session);
    const seen = await follow(call, session.remoteId!);
    expect(seen.map((s) => s.word)).toEqual(['pending', 'viewable']);
    expect(seen.at(-1)).toMatchObject({ phase: 'ready', playbackUrl: expect.stringContaining('master.m3u8') });
  });

  it('renews an expired token for the same video when the creation failed, and the upload completes', async () => {
    const gcore = await double();
    const call = callTo(gcore);
    const first = await push.session(call, file, null, 64 * 1024);
    gcore.expireTokens();
    const failed = await upload(first).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(TusUploadError);
    expect((failed as TusUploadError).failure).toMatchObject({ status: 500, method: 'POST' });
    expect(gcore.tus.requests.at(-1)).toMatchObject({ method: 'POST', status: 500 });
    expect(gcore.refusals).toEqual([`token invalid (${first.metadata.token})`]);

    // What the deliver stage keeps after a failed creation: the video, its state, no upload URL.
    const resume: PushResume = { uploadUrl: null, remoteId: first.remoteId, state: first.state };
    const second = await push.session(call, file, resume, 64 * 1024);
    expect(second.remoteId).toBe(first.remoteId);
    expect(second.metadata.token).toBe(gcore.issued[1]);
    expect(second.metadata.token).not.toBe(first.metadata.token);
    expect(gcore.videos.size).toBe(1);
    await upload(second);
    expect(gcore.uploaded(Number(second.remoteId)).equals(fs.readFileSync(media))).toBe(true);
  });

  it('continues an upload made earlier from where the server holds it', async () => {
    const gcore = await double();
    const call = callTo(gcore);
    const first = await push.session(call, file, null, 64 * 1024);
    const created = await upload(first);
    const again = await push.session(
      call,
      file,
      { uploadUrl: created.url, remoteId: first.remoteId, state: first.state },
      64 * 1024,
    );
    expect(again).toMatchObject({ uploadUrl: created.url, remoteId: first.remoteId });
    expect(gcore.videos.size).toBe(1);
  });

  it('makes a new video when Gcore no longer has the one an earlier attempt made', async () => {
    const gcore = await double();
    const call = callTo(gcore);
    const first = await push.session(call, file, null, 64 * 1024);
    gcore.remove(Number(first.remoteId));
    const resume: PushResume = {
      uploadUrl: `${gcore.origin}/upload/gone`,
      remoteId: first.remoteId,
      state: first.state,
    };
    const second = await push.session(call, file, resume, 64 * 1024);
    expect(second.remoteId).not.toBe(first.remoteId);
    expect(second.uploadUrl).toBeNull();
    await upload(second);
    expect(gcore.uploaded(Number(second.remoteId)).equals(fs.readFileSync(media))).toBe(true);
  });

  it("ends in error with Gcore's reason when encoding fails", async () => {
    const gcore = await double();
    gcore.failEncoding();
    const call = callTo(gcore);
    const session = await push.session(call, file, null, 64 * 1024);
    await upload(session);
    const seen = await follow(call, session.remoteId!);
    expect(seen.at(-1)).toMatchObject({ phase: 'error', word: 'error', error: 'Encoding has failed' });
  });
});

describe("Gcore's upload server", () => {
  it('refuses a creation whose token belongs to another video, with its documented text', async () => {
    const gcore = await double();
    const call = callTo(gcore);
    const one = await push.session(call, file, null, 64 * 1024);
    const other = await push.session(call, file, null, 64 * 1024);
    const metadata = { ...one.metadata, token: other.metadata.token! };
    const header = Metadata.stringify(metadata);
    const response = await fetch(one.endpoint!, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(file.size), 'Upload-Metadata': header },
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe(`token video (${other.remoteId}) does not match this video (${one.remoteId})`);
  });
});

describe('Gcore: pull by link', () => {
  it("sends the link's Authorization as Gcore's one documented header line, and the origin gets it", async () => {
    const gcore = await double();
    const body = fs.readFileSync(media);
    const origin = await startOrigin({
      '/v.mp4': { kind: 'file', body, requireHeader: ['authorization', 'Bearer ABC'] },
    });
    closers.push(origin.close);
    const call = callTo(gcore);
    const link = {
      url: origin.url('/v.mp4'),
      headers: { authorization: 'Bearer ABC' },
      name: 'Drive file',
    };
    const { remoteId } = await gcoreAdapter.pull!(call, link);
    expect(gcore.videos.get(Number(remoteId))!.originHeaders).toBe('Authorization: Bearer ABC');
    await gcore.settled();
    const get = origin.served.requests.find((r) => r.method === 'GET')!;
    expect(get.headers).toMatchObject({ authorization: 'Bearer ABC' });
    expect(gcore.videos.get(Number(remoteId))!.originBytes!.equals(body)).toBe(true);
    expect((await follow(call, remoteId)).at(-1)).toMatchObject({ phase: 'ready', word: 'ready' });
  });

  it("fails with Gcore's reason once its three tries at the origin fail", async () => {
    const gcore = await double();
    const origin = await startOrigin({ '/private.mp4': { kind: 'status', status: 403 } });
    closers.push(origin.close);
    const call = callTo(gcore);
    const missing = await gcoreAdapter.pull!(call, { url: origin.url('/gone.mp4'), headers: {}, name: 'Gone' });
    const forbidden = await gcoreAdapter.pull!(call, { url: origin.url('/private.mp4'), headers: {}, name: 'Private' });
    await gcore.settled();
    expect(origin.served.requests.filter((r) => r.path === '/gone.mp4')).toHaveLength(3);
    expect(await gcoreAdapter.status!(call, missing.remoteId)).toMatchObject({
      phase: 'error',
      word: 'empty',
      error: 'the link could not be fetched after three tries: The requested origin was not found',
    });
    expect((await gcoreAdapter.status!(call, forbidden.remoteId)).error).toBe(
      'the link could not be fetched after three tries: Access to the origin is forbidden',
    );
  });

  it('names the video that is not there', async () => {
    const gcore = await double();
    expect(await refusal(gcoreAdapter.status!(callTo(gcore), '999'))).toMatchObject({
      status: 404,
      serviceText: 'Video 999 not found',
    });
  });
});
