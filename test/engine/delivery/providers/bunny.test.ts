/**
 * The Bunny Stream adapter against its double (a real TUS server on 127.0.0.1): the key is
 * checked, a push creates the video and sends it by TUS under a signature renewed before it
 * expires (across several expiries mid-upload, and after a 401), a pull carries the link's
 * headers to the origin and finds the video it made, and the video's VideoModelStatus becomes phases.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bunnySignature, bunnySigner } from '../../../../electron/engine/delivery/providers/bunny-signer';
import { createBunnyAdapter } from '../../../../electron/engine/delivery/providers/bunny';
import { bunnyStatus } from '../../../../electron/engine/delivery/providers/bunny-status';
import type {
  ProviderCall,
  PushResume,
  RemoteStatus,
  TusPush,
  TusSession,
} from '../../../../electron/engine/delivery/providers/provider';
import { ServiceError } from '../../../../electron/engine/delivery/providers/service-request';
import type { DeliveryTarget } from '../../../../shared/delivery-targets';
import { closeAfterEach, closers, fileMediaDir } from '../../../helpers/delivery-engine';
import * as make from '../../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../../helpers/origin-server';
import { startBunnyDouble, type BunnyDouble } from '../../../helpers/services/bunny-double';
import { providerCallTo } from '../../../helpers/services/provider-call';
import { uploadSession } from '../../../helpers/tus-session-upload';
import { until } from '../../../helpers/wait-for';

const mediaDir = fileMediaDir('ferry-bunny-');
let media: string;
let size: number;
const adapter = createBunnyAdapter({ lookup: { tries: 3, delayMs: 50 } });
const push = adapter.push as TusPush;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
  size = fs.statSync(media).size;
});
closeAfterEach();

async function double(): Promise<BunnyDouble> {
  const started = await startBunnyDouble({ library: '123', apiKey: 'library-key' });
  closers.push(started.close);
  return started;
}

const call = (bunny: BunnyDouble, overrides: Partial<DeliveryTarget> = {}, credential = 'library-key') =>
  providerCallTo('bunny', bunny.origin, credential, { name: 'bunny', library: '123', ...overrides });

const file = () => ({ path: media, size, name: 'Board meeting', type: 'video/mp4' });

/** One upload attempt as the deliver stage runs it. */
const send = (session: TusSession, onUrl?: (url: string) => void) => uploadSession(session, media, size, { onUrl });

/** Polls status as the stage does (bounded: 10 s), collecting the words, until ready or error. */
async function follow(bunny: BunnyDouble, c: ProviderCall, remoteId: string) {
  const statuses: RemoteStatus[] = [];
  const seen = () => statuses.map((status) => status.word);
  // A pull's download runs in the double's background: a loaded machine may take a while.
  await until(async () => {
    statuses.push(await adapter.status!(c, remoteId));
    return statuses.at(-1)!.phase !== 'processing';
  }, 10_000).catch(() => {
    throw new Error(`still processing after 10 s: ${seen().join(', ')} (${bunny.videos.size} videos)`);
  });
  return { status: statuses.at(-1)!, seen: seen() };
}

describe('Bunny signature', () => {
  it('is the hex SHA-256 of library, key, expiry and video, in that order', () => {
    const expected = createHash('sha256').update('123library-key1700000000video-guid').digest('hex');
    expect(bunnySignature('123', 'library-key', 1_700_000_000, 'video-guid')).toBe(expected);
  });

  it('keeps one signature while enough time remains, and signs again before it expires', () => {
    let now = 1_700_000_000_000;
    const signer = bunnySigner({
      libraryId: '123',
      apiKey: 'k',
      videoId: 'v',
      lifetimeMs: 60_000,
      marginMs: 10_000,
      now: () => now,
    });
    const first = signer.headers();
    expect(first).toMatchObject({ AuthorizationExpire: '1700000060', LibraryId: '123', VideoId: 'v' });
    now += 45_000;
    expect(signer.headers()).toEqual(first);
    now += 6_000; // 9 s left: under the margin.
    const second = signer.headers();
    expect(second.AuthorizationExpire).toBe('1700000111');
    expect(second.AuthorizationSignature).toBe(bunnySignature('123', 'k', 1_700_000_111, 'v'));
  });
});

describe('Bunny Stream adapter', () => {
  it('test() says the library took the key, and a wrong key is refused with 401', async () => {
    const bunny = await double();
    expect(await adapter.test(call(bunny))).toBe('Bunny Stream library 123 took the API key; it holds 0 videos.');
    const refused = await adapter.test(call(bunny, {}, 'wrong')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).failure).toMatchObject({ status: 401, method: 'GET' });
  });

  it('pushes: creates the titled video, uploads it signed to /tusupload, then follows it to ready', async () => {
    const bunny = await double();
    const c = call(bunny);
    const session = await push.session(c, file(), null, 256 * 1024);
    expect(session).toMatchObject({ endpoint: `${bunny.origin}/tusupload`, uploadUrl: null });
    const video = bunny.videos.get(session.remoteId!)!;
    expect(video.title).toBe('Board meeting');
    await send(session);
    expect(sha256(bunny.bytes(video.guid))).toBe(sha256(fs.readFileSync(media)));
    expect(bunny.tus.metadata(video.uploadId!)).toEqual({ filetype: 'video/mp4', title: 'Board meeting' });
    expect(bunny.signed.every((s) => s.status === 200 && s.videoId === video.guid)).toBe(true);
    const { status, seen } = await follow(bunny, c, video.guid);
    expect(seen).toEqual(['uploaded', 'processing', 'transcoding', 'transcoding', 'finished']);
    expect(status).toEqual({ phase: 'ready', word: 'finished', pct: 100 });
  });

  it('counts Transcoding with a resolution encoded as ready when the target is ready once playable', async () => {
    const bunny = await double();
    const c = call(bunny, { readyWhen: 'playable' });
    const session = await push.session(c, file(), null, 1024 * 1024);
    await send(session);
    const { status } = await follow(bunny, c, session.remoteId!);
    expect(status).toMatchObject({ phase: 'ready', word: 'transcoding' });
    expect(bunny.videos.get(session.remoteId!)?.step).toBe(2);
  });

  it('keeps uploading across several signature expiries, renewing the signature before each runs out', async () => {
    const bunny = await double();
    const signing = createBunnyAdapter({ signature: { lifetimeMs: 1000, marginMs: 600 } }).push as TusPush;
    // About 3.5 s for the file, in 8 PATCHes; a signature is used for 0.4 to 1.4 s, so several are made.
    bunny.tus.throttle(Math.ceil(size / 3.5));
    const session = await signing.session(call(bunny), file(), null, Math.ceil(size / 8));
    await send(session);
    const expiries = new Set(bunny.signed.map((s) => s.expire));
    expect(expiries.size).toBeGreaterThan(2);
    expect(bunny.signed.filter((s) => s.status !== 200)).toEqual([]);
    expect(sha256(bunny.bytes(session.remoteId!))).toBe(sha256(fs.readFileSync(media)));
  });

  it('after a 401 mid-upload, a new session for the same video continues the upload, signed anew', async () => {
    const bunny = await double();
    const c = call(bunny);
    const first = await push.session(c, file(), null, Math.ceil(size / 4));
    let uploadUrl: string | null = null;
    bunny.tus.tus.once('POST_CREATE', () => bunny.rejectTus(1));
    const failed = await send(first, (url) => (uploadUrl = url)).then(
      () => null,
      (error: Error) => error,
    );
    expect(failed?.message).toContain('response code: 401');
    const resume: PushResume = { uploadUrl, remoteId: first.remoteId, state: first.state };
    const again = await push.session(c, file(), resume, Math.ceil(size / 4));
    expect(again).toMatchObject({ uploadUrl, remoteId: first.remoteId });
    await send(again);
    expect(bunny.videos.size).toBe(1);
    expect(bunny.tus.uploads()).toHaveLength(1);
    expect(sha256(bunny.bytes(first.remoteId!))).toBe(sha256(fs.readFileSync(media)));
  });

  it("ends in error with Bunny's reason when encoding fails", async () => {
    const bunny = await double();
    bunny.failEncoding();
    const c = call(bunny);
    const session = await push.session(c, file(), null, 1024 * 1024);
    await send(session);
    const { status } = await follow(bunny, c, session.remoteId!);
    expect(status).toEqual({ phase: 'error', word: 'error', error: 'The video could not be transcoded.' });
  });

  it('pulls: Bunny fetches the link with its headers, and the video it made is found and followed', async () => {
    const bunny = await double();
    const body = fs.readFileSync(media);
    const origin = await startOrigin({
      '/v.mp4': { kind: 'file', body, requireHeader: ['Authorization', 'Bearer o'] },
    });
    closers.push(origin.close);
    const c = call(bunny, { mode: 'pull' });
    const link = { url: origin.url('/v.mp4'), headers: { Authorization: 'Bearer o' }, name: 'Pulled talk' };
    const { remoteId } = await adapter.pull!(c, link);
    expect(bunny.fetches[0]!.body).toEqual({ url: link.url, headers: link.headers, title: 'Pulled talk' });
    expect(bunny.videos.get(remoteId)?.title).toBe('Pulled talk');
    const { status } = await follow(bunny, c, remoteId);
    expect(status.phase).toBe('ready');
    expect(origin.served.requests.find((r) => r.method === 'GET')?.headers.authorization).toBe('Bearer o');
    expect(sha256(bunny.bytes(remoteId))).toBe(sha256(body));
  });

  it('a pull the origin refuses ends in error, quoting why', async () => {
    const bunny = await double();
    const origin = await startOrigin({ '/v.mp4': { kind: 'status', status: 403 } });
    closers.push(origin.close);
    const c = call(bunny, { mode: 'pull' });
    const { remoteId } = await adapter.pull!(c, { url: origin.url('/v.mp4'), headers: {}, name: 'Gone' });
    const { status } = await follow(bunny, c, remoteId);
    expect(status).toMatchObject({ phase: 'error', word: 'upload failed' });
    expect(status.error).toContain('the origin answered 403');
  });
});

describe('Bunny VideoModelStatus', () => {
  const phase = (status: number, readyWhen: 'playable' | 'complete' = 'complete', availableResolutions = '') =>
    bunnyStatus({ status, availableResolutions }, readyWhen).phase;

  it('is ready on 4 Finished and 8 JitPlaylistsCreated, failed on 5 Error and 6 UploadFailed', () => {
    expect([0, 1, 2, 3, 7].map((s) => phase(s))).toEqual(Array(5).fill('processing'));
    expect([phase(4), phase(8)]).toEqual(['ready', 'ready']);
    expect([phase(5), phase(6)]).toEqual(['error', 'error']);
    expect(bunnyStatus({ status: 6 }, 'complete')).toEqual({
      phase: 'error',
      word: 'upload failed',
      error: 'Bunny Stream did not receive the upload (upload failed).',
    });
  });

  it('takes Transcoding as playable once a resolution is listed, and only for a target ready once playable', () => {
    expect([phase(3, 'playable'), phase(3, 'playable', '240p'), phase(3, 'complete', '240p')]).toEqual([
      'processing',
      'ready',
      'processing',
    ]);
    expect(bunnyStatus({ status: 3, encodeProgress: 40 }, 'complete')).toEqual({
      phase: 'processing',
      word: 'transcoding',
      pct: 40,
    });
  });

  it('quotes the transcoding messages of level Error as the reason', () => {
    const messages = [
      { level: 2, message: 'Odd frame rate' },
      { level: 3, message: 'The original is corrupted' },
    ];
    expect(bunnyStatus({ status: 5, transcodingMessages: messages }, 'complete').error).toBe(
      'The original is corrupted',
    );
  });
});
