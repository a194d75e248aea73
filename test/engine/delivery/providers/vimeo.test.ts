/**
 * The Vimeo adapter against its double (a real TUS server on 127.0.0.1): the token is checked,
 * a push creates the video with its tus upload and continues Vimeo's upload link (never creating
 * one itself), an interrupted push continues the same link, a dead link gets a new video, and the
 * transcode is followed to ready (no playbackUrl: Vimeo's `link` is a page) or to its error; a video
 * requiring signed URLs is made private there, and the notice names what Vimeo could not take.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProviderCall, TusPush, TusSession } from '../../../../electron/engine/delivery/providers/provider';
import { ServiceError } from '../../../../electron/engine/delivery/providers/service-request';
import { vimeoAdapter, vimeoStatus } from '../../../../electron/engine/delivery/providers/vimeo';
import { closeAfterEach, closers, fileMediaDir } from '../../../helpers/delivery-engine';
import * as make from '../../../helpers/media-fixtures';
import { sha256 } from '../../../helpers/origin-server';
import { providerCallTo } from '../../../helpers/services/provider-call';
import { startVimeoDouble, type VimeoDouble } from '../../../helpers/services/vimeo-double';
import { uploadSession } from '../../../helpers/tus-session-upload';

const mediaDir = fileMediaDir('ferry-vimeo-');
let media: string;
let size: number;
const push = vimeoAdapter.push as TusPush;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
  size = fs.statSync(media).size;
});
closeAfterEach();

async function double(): Promise<VimeoDouble> {
  const started = await startVimeoDouble({ token: 'vimeo-token', account: 'Ferry Films' });
  closers.push(started.close);
  return started;
}

function call(vimeo: VimeoDouble, credential = 'vimeo-token'): ProviderCall {
  return providerCallTo('vimeo', vimeo.origin, credential);
}

const file = () => ({ path: media, size, name: 'Board meeting', type: 'video/mp4' });

/** One upload attempt as the deliver stage runs it; `chunks` stops it after that many PATCHes. */
const send = (session: TusSession, chunks?: number) => uploadSession(session, media, size, { chunks });

async function follow(c: ProviderCall, remoteId: string) {
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    const status = await vimeoAdapter.status!(c, remoteId);
    seen.push(status.word);
    if (status.phase !== 'processing') return { status, seen };
  }
  throw new Error(`still processing after 20 polls: ${seen.join(', ')}`);
}

describe('Vimeo adapter', () => {
  it("test() names the token's account, and a wrong token is refused with Vimeo's words", async () => {
    const vimeo = await double();
    expect(await vimeoAdapter.test(call(vimeo))).toBe('Vimeo took the access token: it belongs to Ferry Films.');
    const refused = await vimeoAdapter.test(call(vimeo, 'wrong')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).failure).toMatchObject({
      status: 401,
      serviceText: 'You must provide a valid authenticated access token.',
    });
  });

  it("pushes to Vimeo's own upload link, then follows the transcode to ready, without its page as playbackUrl", async () => {
    const vimeo = await double();
    const c = call(vimeo);
    const session = await push.session(c, file(), null, 256 * 1024);
    const video = vimeo.videos.get(session.remoteId!)!;
    expect(video.name).toBe('Board meeting');
    expect(session).toMatchObject({ endpoint: null, uploadUrl: `${vimeo.origin}/upload/${video.uploadId}` });
    await send(session);
    expect(sha256(vimeo.bytes(video.id))).toBe(sha256(fs.readFileSync(media)));
    // tus-js-client continued the link: no creation request reached the tus server.
    expect(vimeo.tus.requests.filter((r) => r.path.startsWith('/upload') && r.method === 'POST')).toEqual([]);
    const { status, seen } = await follow(c, video.id);
    expect(seen).toEqual(['in_progress', 'complete']);
    // The watch page is no stream a player loads: the delivery gets no playbackUrl.
    expect(status).toEqual({ phase: 'ready', word: 'complete', pct: 100 });
    expect(video.view).toBe('anybody');
    expect(new Set(vimeo.accepts)).toEqual(new Set(['application/vnd.vimeo.*+json;version=3.4']));
  });

  it('an interrupted push continues the same upload link, without a new video', async () => {
    const vimeo = await double();
    const c = call(vimeo);
    const first = await push.session(c, file(), null, Math.ceil(size / 4));
    await expect(send(first, 1)).rejects.toThrow('stopped after 1 chunks');
    const again = await push.session(
      c,
      file(),
      { uploadUrl: first.uploadUrl, remoteId: first.remoteId, state: {} },
      1e6,
    );
    expect(again).toMatchObject({ uploadUrl: first.uploadUrl, remoteId: first.remoteId });
    await send(again);
    expect(vimeo.videos.size).toBe(1);
    expect(vimeo.tus.totalReceived()).toBe(size);
    expect(sha256(vimeo.bytes(first.remoteId!))).toBe(sha256(fs.readFileSync(media)));
  });

  it('when the upload link is gone, a session without it creates a new video that gets the file', async () => {
    const vimeo = await double();
    const c = call(vimeo);
    const first = await push.session(c, file(), null, Math.ceil(size / 4));
    vimeo.expireUpload(first.remoteId!);
    // What the stage sees: the HEAD answers 404 and there is no endpoint to create another upload at.
    await expect(send(first)).rejects.toThrow();
    const fresh = await push.session(c, file(), { uploadUrl: null, remoteId: first.remoteId, state: {} }, 1e6);
    expect(fresh.remoteId).not.toBe(first.remoteId);
    await send(fresh);
    expect(sha256(vimeo.bytes(fresh.remoteId!))).toBe(sha256(fs.readFileSync(media)));
    expect((await follow(c, fresh.remoteId!)).status.phase).toBe('ready');
  });

  it('ends in error when Vimeo cannot transcode the video', async () => {
    const vimeo = await double();
    vimeo.failTranscode();
    const c = call(vimeo);
    const session = await push.session(c, file(), null, 1e6);
    await send(session);
    const { status } = await follow(c, session.remoteId!);
    expect(status).toEqual({ phase: 'error', word: 'transcode error', error: 'Vimeo could not transcode the video.' });
  });

  it('reads an upload Vimeo failed as an error, and an unfinished one as processing', () => {
    expect(vimeoStatus({ upload: { status: 'error' }, transcode: { status: 'in_progress' } }).phase).toBe('error');
    expect(vimeoStatus({ upload: { status: 'in_progress' }, transcode: { status: 'in_progress' } })).toEqual({
      phase: 'processing',
      word: 'upload in_progress',
    });
  });

  it('a video that requires signed URLs is created private (privacy.view nobody)', async () => {
    const vimeo = await double();
    const serving = { requireSignedURLs: true, allowedOrigins: [], thumbnailTimestampPct: 0, scheduledDeletion: null };
    const session = await push.session(call(vimeo), { ...file(), serving }, null, 1e6);
    expect(vimeo.videos.get(session.remoteId!)!.view).toBe('nobody');
  });

  it('the notice says what Vimeo could not take, and nothing when nothing is set', () => {
    const none = { requireSignedURLs: false, allowedOrigins: [], thumbnailTimestampPct: 0, scheduledDeletion: null };
    expect(vimeoAdapter.servingNotice!(none)).toBeNull();
    expect(
      vimeoAdapter.servingNotice!({
        ...none,
        requireSignedURLs: true,
        allowedOrigins: ['example.com'],
        scheduledDeletion: '2027-01-01T00:00:00Z',
        watermark: true,
      }),
    ).toBe(
      'Vimeo has no signed URLs: the video is private there (privacy.view nobody); share it from Vimeo. ' +
        'Vimeo has no equivalent for allowedOrigins (example.com), scheduledDeletion (2027-01-01T00:00:00Z), ' +
        'watermark: not applied there. Set them in Vimeo if needed.',
    );
  });
});
