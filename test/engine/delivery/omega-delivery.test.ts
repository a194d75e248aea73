/**
 * Delivery to Omega Stream through the engine, against the double: a link is copied by Omega with
 * its request headers and followed to ready; a link Omega cannot fetch ends the delivery with its
 * reason; a file on this computer, which Omega (pull only) cannot fetch, fails with what to do.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/create-engine';
import type { IngestOptions } from '../../../shared/api';
import type { Video } from '../../../shared/video';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { startOmegaDouble, type OmegaDouble, type OmegaDoubleOptions } from '../../helpers/services/omega-double';

const mediaDir = fileMediaDir('ferry-omega-media-');
let media: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
closeAfterEach();

async function setUp(
  options: OmegaDoubleOptions = {},
): Promise<{ omega: OmegaDouble; engine: Engine; targetId: string }> {
  const omega = await startOmegaDouble({ apiKey: 'omega-key', ...options });
  closers.push(omega.close);
  // A poll that never sees ready ends after a few checks rather than many.
  const engine = engineWithVault({ ...deliveryTuning, maxPolls: 8 });
  const target = await engine.saveTarget({
    name: 'omega',
    provider: 'omega',
    mode: 'pull',
    endpoint: omega.base,
    credential: 'omega-key',
  });
  return { omega, engine, targetId: target.id };
}

async function pulled(
  engine: Engine,
  targetId: string,
  url: string,
  headers: Record<string, string>,
  options: IngestOptions = {},
): Promise<Video> {
  const added = await engine.addLinks({
    links: [{ url, headers }],
    options: { transcode: false, meta: { name: 'Talk' }, ...options, deliverTo: [targetId] },
  });
  await engine.run();
  return engine.get({ uid: added.queued[0]!.uid });
}

describe('delivery to Omega Stream', () => {
  it('Test asks Omega with the saved key and reads out its answer', async () => {
    const { omega, engine, targetId } = await setUp();
    expect(await engine.testTarget({ id: targetId })).toEqual({
      ok: true,
      message: 'Omega Stream accepted the API key.',
    });
    const target = { id: targetId, name: 'omega', provider: 'omega', mode: 'pull', endpoint: omega.base } as const;
    await engine.saveTarget({ ...target, credential: 'wrong' });
    const refused = await engine.testTarget({ id: targetId });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('refused the credential (401)') });
    expect(omega.requests.at(-1)).toMatchObject({ authorization: 'Bearer wrong' });
  });

  it('has Omega copy the link with its request headers, then follows the video to ready', async () => {
    const { omega, engine, targetId } = await setUp();
    const body = fs.readFileSync(media);
    const origin = await startOrigin({
      '/talk.avi': { kind: 'file', body, contentType: 'video/x-msvideo', requireHeader: ['user-id', 'id-1234'] },
    });
    closers.push(origin.close);
    const video = await pulled(engine, targetId, origin.url('/talk.avi'), { 'user-id': 'id-1234' });
    const [copy] = [...omega.videos.values()];
    expect(video.deliveries[0]).toMatchObject({
      mode: 'pull',
      state: 'ready',
      remoteId: copy!.id,
      remoteState: 'ready',
      playbackUrl: `${omega.base}/media/${copy!.id}/manifest.m3u8`,
    });
    expect(copy).toMatchObject({ title: 'Talk', headers: { 'user-id': 'id-1234' } });
    // Omega's bytes came from the origin, which admits only the header.
    expect(copy!.fetched.state === 'done' && sha256(copy!.fetched.bytes)).toBe(sha256(body));
  });

  it("is ready when a poll spells the flag readyToStream, as the docs' prose does, not ready_to_stream", async () => {
    const { engine, targetId } = await setUp({ readyField: 'readyToStream' });
    const origin = await startOrigin({ '/talk.avi': { kind: 'file', body: fs.readFileSync(media) } });
    closers.push(origin.close);
    const video = await pulled(engine, targetId, origin.url('/talk.avi'), {});
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'ready', remoteState: 'ready' });
  });

  it('copies only the fields Omega documents, and names in the notice the serving options it could not give', async () => {
    const { omega, engine, targetId } = await setUp();
    const origin = await startOrigin({ '/talk.avi': { kind: 'file', body: fs.readFileSync(media) } });
    closers.push(origin.close);
    const video = await pulled(
      engine,
      targetId,
      origin.url('/talk.avi'),
      {},
      {
        requireSignedURLs: true,
        allowedOrigins: ['example.com'],
        creator: 'crew-7',
      },
    );
    // The double refuses any key but title, url and headers: ready means the copy had no other.
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'ready' });
    expect(omega.videos.size).toBe(1);
    expect(video.deliveries[0]!.notice).toBe(
      'Omega Stream has no equivalent for requireSignedURLs, allowedOrigins (example.com), creator (crew-7): ' +
        'not applied there. Set them in Omega Stream if needed.',
    );
  });

  it("ends the delivery with Omega's reason when it cannot fetch the link, the video staying ready", async () => {
    const { omega, engine, targetId } = await setUp();
    const body = fs.readFileSync(media);
    const origin = await startOrigin({ '/talk.avi': { kind: 'file', body, contentType: 'video/x-msvideo' } });
    closers.push(origin.close);
    // Ferry downloads the link first; by the time Omega comes for it, the file is gone.
    omega.onCopy(() => (origin.routes['/talk.avi'] = { kind: 'status', status: 404 }));
    const video = await pulled(engine, targetId, origin.url('/talk.avi'), {});
    expect(video.status.state).toBe('ready');
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toContain('Could not download the video: the origin answered 404.');
  });

  it('fails a file on this computer, which Omega cannot fetch and takes no upload of, saying what to do', async () => {
    const { omega, engine, targetId } = await setUp();
    const added = await engine.addFiles({ paths: [media], options: { transcode: false, deliverTo: [targetId] } });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    expect(video.deliveries[0]).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toContain('Omega Stream takes no uploads');
    expect(omega.requests).toEqual([]);
  });
});
